/**
 * The OKR linter (docs/okr-linter.md): a draft in, findings out; saved Objectives'
 * findings with their dismissals; the health check of a cycle and team.
 */
import { z } from "zod";
import { RULE_IDS } from "../../domain/okr/lint/types.ts";
import { HealthKpiIdsSchema, MAX_HEALTH_KPIS } from "./health-kpis.ts";
import { KeyResultKindSchema, KpiReadSchema } from "./okrs.ts";

/** A draft may carry at most this many KRs: far past any sensible Objective, small enough to lint at once. */
export const MAX_LINT_KEY_RESULTS = 100;

/** Finite numbers only, as on the Objective itself. */
const draftValue = () =>
  z
    .number()
    .refine((n) => Number.isFinite(n) && Math.abs(n) < 1e15, "must be a finite number below 10^15 in size");

export const LintKeyResultDraftSchema = z.strictObject({
  title: z.string().max(200).optional().describe("As typed so far; may be empty"),
  kind: KeyResultKindSchema.optional(),
  ownerUserId: z.uuid().nullable().optional(),
  contributorUserIds: z.array(z.uuid()).max(50).optional(),
  startValue: draftValue().nullable().optional(),
  targetValue: draftValue().nullable().optional(),
  unit: z.string().max(30).optional(),
  weight: z.number().min(0).max(100).optional(),
  commitment: z.enum(["committed", "aspirational"]).optional(),
  kpiId: z.uuid().nullable().optional().describe("The KPI the KR reads; an unknown id is linted as none"),
  kpiRead: KpiReadSchema.optional(),
});

/** The body of `POST /objectives` with every field optional, plus `parents` (and the Objective it edits). */
export const LintDraftSchema = z.strictObject({
  objectiveId: z
    .uuid()
    .optional()
    .describe("The saved Objective this draft edits: it is not counted twice, and its parents apply"),
  cycleId: z.uuid().optional(),
  teamId: z.uuid().nullable().optional(),
  ownerUserId: z.uuid().nullable().optional(),
  title: z.string().max(200).optional(),
  description: z.string().max(4000).optional(),
  themeId: z.uuid().nullable().optional(),
  visibility: z.enum(["organization", "team"]).optional(),
  keyResults: z
    .array(LintKeyResultDraftSchema)
    .max(MAX_LINT_KEY_RESULTS, `at most ${MAX_LINT_KEY_RESULTS} Key Results in one draft`)
    .optional(),
  healthKpiIds: HealthKpiIdsSchema.max(MAX_HEALTH_KPIS, `at most ${MAX_HEALTH_KPIS} health KPIs`).optional(),
  parents: z
    .array(z.strictObject({ objectiveId: z.uuid(), weight: z.number().gt(0).lte(1).optional() }))
    .max(10)
    .optional()
    .describe("The Objectives this draft will contribute to"),
});

export const LintRuleSchema = z.enum(RULE_IDS).describe("The rule's stable id");
export const LintSeveritySchema = z
  .enum(["warning", "info"])
  .describe("warning: activating with it open asks for an acknowledgement; info: worth a look");

/** A one-click remedy, as data the editor applies (docs/okr-linter.md, "Fixes"). */
export const LintFixSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("move-to-kpi-board"),
    name: z.string().optional(),
    unit: z.string().optional(),
    target: z.number().nullable().optional(),
  }),
  z.object({ kind: z.literal("re-target"), targetValue: z.number() }),
  z.object({ kind: z.literal("merge"), objectiveId: z.string(), keyResultId: z.string() }),
  z.object({ kind: z.literal("link-kpi"), kpiId: z.string(), kpiName: z.string() }),
  z.object({ kind: z.literal("link-health-kpis"), kpiIds: z.array(z.string()) }),
  z.object({ kind: z.literal("add-floor"), teamId: z.string(), cycleId: z.string() }),
  z.object({ kind: z.literal("rewrite"), suggestion: z.string() }),
]);

export const LintFindingSchema = z.object({
  rule: LintRuleSchema,
  severity: LintSeveritySchema,
  on: z.string().describe('"objective", or "keyResults.N": the N-th Key Result (from 0)'),
  message: z.string().describe("Why this is a mistake and what to do, in plain words"),
  fix: LintFixSchema.optional(),
});

export const LintAnswerSchema = z.object({ findings: z.array(LintFindingSchema) });

/** A finding of a saved Objective, with its standing. */
export const SavedFindingSchema = LintFindingSchema.extend({
  keyResultId: z.uuid().nullable().describe("The KR the finding is on; null for the Objective"),
  status: z.enum(["open", "dismissed"]),
  dismissal: z
    .object({ reason: z.string(), byUserId: z.uuid().nullable(), at: z.string() })
    .nullable()
    .describe("Who dismissed it, when and why; null while open"),
});

export const ObjectiveFindingsSchema = z.object({
  objectiveId: z.uuid(),
  title: z.string(),
  teamId: z.uuid().nullable(),
  state: z.enum(["draft", "active", "closed"]),
  restricted: z.boolean().describe("Team-visible and you are not in the team: no text, no findings"),
  canDismiss: z.boolean().describe("Whether you may dismiss or reopen its findings"),
  findings: z.array(SavedFindingSchema),
});

export const HealthCheckQuerySchema = z.object({
  cycleId: z.uuid(),
  teamId: z.uuid().optional().describe("One team's Objectives; all of the cycle's without"),
});

export const HealthCheckSchema = z.object({
  cycleId: z.uuid(),
  teamId: z.uuid().nullable(),
  open: z.number().describe("Open findings in the list"),
  dismissed: z.number(),
  objectives: z.array(ObjectiveFindingsSchema),
});

const findingKey = {
  rule: LintRuleSchema,
  keyResultId: z.uuid().nullable().describe("The KR the finding is on; null for the Objective"),
};

export const DismissFindingSchema = z.strictObject({
  ...findingKey,
  reason: z.string().trim().min(3, "say why (at least 3 characters); it is audited").max(500),
});

export const ReopenFindingSchema = z.strictObject({
  ...findingKey,
  reason: z.string().trim().max(500).optional(),
});

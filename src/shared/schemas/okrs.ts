import { z } from "zod";
import { checkInNote, NoteSignalsSchema } from "./check-in-notes.ts";
import { ListQuerySchema, nameSchema, VersionSchema } from "./common.ts";
import { HealthKpiIdsSchema, MAX_HEALTH_KPIS, objectiveHealthFields } from "./health-kpis.ts";
import { KeyResultFlagSchema } from "./key-result-flags.ts";

/** Finite numbers only: JSON has no NaN or Infinity, and KR values are stored as doubles. */
const value = () =>
  z
    .number()
    .refine((n) => Number.isFinite(n) && Math.abs(n) < 1e15, "must be a finite number below 10^15 in size");

export const KeyResultKindSchema = z
  .enum(["metric", "milestone", "percentage"])
  .describe(
    "metric: start → target; milestone: done or not; percentage: progress judged directly as 0–100 %",
  );
export const StatusSchema = z
  .enum(["not_started", "on_track", "at_risk", "off_track", "stale", "draft"])
  .describe(
    "Shown green, amber, red and grey, always with the word; `draft` for a draft Objective and its KRs, which are not judged",
  );
export type OkrStatus = z.infer<typeof StatusSchema>;

/**
 * What the caller may do with a KR, judged by the policies the API applies to the change.
 * It says who may act; the Objective's state can still refuse (a closed cycle is frozen).
 */
export const KeyResultPermissionsSchema = z.object({
  edit: z.boolean().describe("Change or archive it (whoever may edit its Objective)"),
  checkIn: z
    .boolean()
    .describe(
      "Check in and, in grading, score it (its owner, contributors, and whoever may edit its Objective)",
    ),
});

/** What the caller may do with an Objective (same caveat as for KRs). */
export const ObjectivePermissionsSchema = z.object({
  edit: z
    .boolean()
    .describe(
      "Change it, its KRs and its state (admins, its team's members and leads, its owner if personal)",
    ),
  align: z.boolean().describe("Set what it contributes to"),
  grade: z.boolean().describe("Give it its outcome and retrospective while its cycle is in grading"),
});

export const KpiReadSchema = z
  .enum(["latest", "cycle"])
  .describe(
    "latest: the KPI's latest value; cycle: the KPI's values over the KR's cycle, aggregated as the KPI aggregates (sum, average, last, min, max)",
  );

/** The KPI a metric KR reads, as KR answers show it (one lookup per answer). */
export const KeyResultKpiSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  status: z
    .enum(["green", "amber", "red", "no_data"])
    .nullable()
    .describe("The KPI's current status word; null when it has no bands"),
  value: z.number().nullable().describe("The KPI's current value"),
  unit: z.enum(["number", "currency", "percent", "duration", "count"]),
  decimals: z.number(),
  currency: z.string().nullable(),
  direction: z.enum(["higher_is_better", "lower_is_better", "within_range"]),
  bandsInForce: z
    .object({
      target: z.number().nullable(),
      greenMin: z.number().nullable(),
      greenMax: z.number().nullable(),
      redMin: z.number().nullable(),
      redMax: z.number().nullable(),
    })
    .nullable(),
  read: KpiReadSchema,
});

export const KeyResultSchema = z.object({
  id: z.uuid(),
  objectiveId: z.uuid(),
  title: z.string(),
  kind: KeyResultKindSchema,
  ownerUserId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  contributorUserIds: z.array(z.uuid()),
  startValue: z.number().nullable(),
  targetValue: z.number().nullable(),
  currentValue: z.number().nullable(),
  done: z.boolean(),
  unit: z.string(),
  direction: z
    .enum(["increase", "decrease"])
    .nullable()
    .describe("Metric KRs: follows from start and target"),
  weight: z.number(),
  commitment: z.enum(["committed", "aspirational"]),
  position: z.number(),
  progress: z.number().nullable().describe("Uncapped: 1.3 is 130 %; null when the KR is not measurable"),
  status: StatusSchema,
  lastConfidence: z.number().nullable(),
  lastCheckInAt: z.string().nullable(),
  finalScore: z.number().nullable(),
  scoreComment: z.string().nullable(),
  needsNewTarget: z
    .boolean()
    .describe(
      "Rolled over after reaching its target: its Objective cannot be activated until a new target is set",
    ),
  activeFrom: z
    .string()
    .nullable()
    .describe(
      "The day the KR became active; its pace is measured from here (or the cycle's start, if later)",
    ),
  kpi: KeyResultKpiSchema.nullable().describe(
    "The KPI this metric KR reads: its current value follows the KPI's values, and check-ins take it from there",
  ),
  flag: KeyResultFlagSchema.nullable().describe(
    "The open risk flag: confidence fell twice in a row and a note showed a blocker",
  ),
  archived: z.boolean(),
  can: KeyResultPermissionsSchema,
  version: z.number(),
});
export type KeyResult = z.infer<typeof KeyResultSchema>;

export const ObjectiveSchema = z.object({
  id: z.uuid(),
  cycleId: z.uuid(),
  teamId: z.uuid().nullable(),
  teamName: z.string().nullable(),
  ownerUserId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  themeId: z.uuid().nullable(),
  state: z.enum(["draft", "active", "closed"]),
  outcome: z.enum(["achieved", "missed", "dropped"]).nullable(),
  visibility: z.enum(["organization", "team"]),
  position: z.number(),
  grade: z.number().nullable(),
  retrospective: z.string().nullable(),
  progress: z.number().nullable().describe("Weighted mean of the KRs' progress, each clamped to 0–1"),
  expectedProgress: z
    .number()
    .describe(
      "Elapsed share of the cycle today, counted from the Objective's activation if later; 0 for a draft",
    ),
  status: StatusSchema,
  cycleName: z.string(),
  cycleState: z.enum(["planning", "active", "grading", "closed"]),
  cycleStarted: z
    .boolean()
    .describe("False while the cycle is in planning: check-ins are asked for once an admin starts it"),
  keyResults: z.array(KeyResultSchema),
  parents: z.array(z.object({ objectiveId: z.uuid(), title: z.string(), weight: z.number() })),
  archived: z.boolean(),
  restricted: z
    .boolean()
    .describe("True when the Objective is visible to its team only and you are not in it: text is hidden"),
  // Health KPIs (health-kpis.ts)
  ...objectiveHealthFields,
  can: ObjectivePermissionsSchema,
  version: z.number(),
});
export type Objective = z.infer<typeof ObjectiveSchema>;

const krFields = {
  title: nameSchema(200),
  kind: KeyResultKindSchema,
  ownerUserId: z.uuid().nullable().optional(),
  contributorUserIds: z.array(z.uuid()).max(50).optional(),
  startValue: value().nullable().optional(),
  targetValue: value().nullable().optional(),
  unit: z.string().trim().max(30).optional(),
  weight: z.number().min(0).max(100).optional().describe("Relative weight in the Objective; default 1"),
  commitment: z.enum(["committed", "aspirational"]).optional(),
  kpiId: z
    .uuid()
    .nullable()
    .optional()
    .describe("Metric KRs: the KPI of this organisation the KR reads its value from; null for none"),
  kpiRead: KpiReadSchema.optional().describe("How the KR reads its KPI; default latest"),
};

export const CreateKeyResultSchema = z.strictObject(krFields);
export const UpdateKeyResultSchema = z.strictObject({
  version: VersionSchema,
  title: krFields.title.optional(),
  ownerUserId: krFields.ownerUserId,
  contributorUserIds: krFields.contributorUserIds,
  startValue: krFields.startValue,
  targetValue: krFields.targetValue,
  unit: krFields.unit,
  weight: krFields.weight,
  commitment: krFields.commitment,
  kpiId: krFields.kpiId,
  kpiRead: krFields.kpiRead,
  position: z.number().int().min(0).max(1000).optional(),
  archived: z.boolean().optional(),
});

export const CreateObjectiveSchema = z.strictObject({
  cycleId: z.uuid(),
  teamId: z.uuid().nullable().default(null),
  ownerUserId: z.uuid().nullable().default(null),
  title: nameSchema(200),
  description: z.string().trim().max(4000).default(""),
  themeId: z.uuid().nullable().default(null),
  visibility: z.enum(["organization", "team"]).default("organization"),
  keyResults: z.array(CreateKeyResultSchema).max(20).default([]),
  // Health KPIs (health-kpis.ts)
  healthKpiIds: HealthKpiIdsSchema.max(MAX_HEALTH_KPIS, `at most ${MAX_HEALTH_KPIS} health KPIs`).default([]),
});

export const UpdateObjectiveSchema = z.strictObject({
  version: VersionSchema,
  title: nameSchema(200).optional(),
  description: z.string().trim().max(4000).optional(),
  teamId: z.uuid().nullable().optional(),
  ownerUserId: z.uuid().nullable().optional(),
  themeId: z.uuid().nullable().optional(),
  visibility: z.enum(["organization", "team"]).optional(),
  position: z.number().int().min(0).max(1000).optional(),
  state: z
    .enum(["draft", "active"])
    .optional()
    .describe(
      "Activate a draft (needs an owner and a measurable target on each KR), or move it back to draft",
    ),
  archived: z.boolean().optional(),
  // Health KPIs (health-kpis.ts)
  healthKpiIds: HealthKpiIdsSchema.max(MAX_HEALTH_KPIS, `at most ${MAX_HEALTH_KPIS} health KPIs`).optional(),
  acknowledgeFindings: z
    .boolean()
    .optional()
    .describe(
      "Activate despite open linter warnings (409 open_findings without it); the acknowledgement is audited",
    ),
});

export const ObjectiveListQuerySchema = z.object({
  q: z.string().trim().max(200).optional().describe("Case-insensitive search in the title"),
  cycleId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  ownerUserId: z.uuid().optional(),
  includeArchived: z.enum(["true", "false"]).default("false"),
  cursor: ListQuerySchema.shape.cursor,
  limit: ListQuerySchema.shape.limit,
});

export const SetAlignmentSchema = z.strictObject({
  parents: z
    .array(z.strictObject({ objectiveId: z.uuid(), weight: z.number().gt(0).lte(1) }))
    .max(10)
    .describe("The Objectives this one contributes to; weights sum to at most 1"),
  version: VersionSchema,
});

export const CheckInSchema = z.object({
  id: z.uuid(),
  keyResultId: z.uuid(),
  authorUserId: z.uuid().nullable(),
  authorName: z.string().nullable(),
  value: z.number().nullable(),
  done: z.boolean().nullable(),
  confidence: z.number(),
  note: z.string(),
  createdAt: z.string(),
  editedAt: z.string().nullable().describe("Set when this check-in replaced an earlier version (an edit)"),
  signals: NoteSignalsSchema.nullable().describe(
    "What Keel read in the note when the check-in was saved; null until the backfill reaches an older check-in, and for readers who may not see the note",
  ),
});
export type CheckIn = z.infer<typeof CheckInSchema>;

export const CreateCheckInSchema = z.strictObject({
  value: value().nullable().optional().describe("Metric and percentage KRs: the new current value"),
  done: z.boolean().optional().describe("Milestone KRs"),
  confidence: z.number().int().min(0, "must be 0–10").max(10, "must be 0–10"),
  note: checkInNote().default(""),
  keyResultVersion: VersionSchema.optional().describe(
    "The KR version you saw; when given, a check-in on a KR changed since is refused with 409",
  ),
});

export const UpdateCheckInSchema = z.strictObject({
  value: value().nullable().optional(),
  done: z.boolean().optional(),
  confidence: z.number().int().min(0).max(10).optional(),
  note: checkInNote().optional(),
});

export const ScoreKeyResultSchema = z.strictObject({
  version: VersionSchema,
  finalScore: z.number().min(0, "must be 0.0–1.0").max(1, "must be 0.0–1.0"),
  scoreComment: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .describe("Required when the score differs from the suggested one"),
});

export const GradeObjectiveSchema = z.strictObject({
  version: VersionSchema,
  grade: z.number().min(0).max(1).optional().describe("Default: the weighted mean of the KRs' scores"),
  outcome: z.enum(["achieved", "missed", "dropped"]),
  retrospective: z.string().trim().max(8000).optional(),
});

export const RollOverSchema = z.strictObject({
  cycleId: z.uuid().describe("The cycle to continue in (planning or active)"),
});

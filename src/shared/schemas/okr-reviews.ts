/**
 * What the OKR reviews read: the alignment tree, the cycle report, a team's OKR health and
 * its weekly check-ins (split from okrs.ts, which holds the entities and their edits).
 */
import { z } from "zod";
import { HealthAlertSchema } from "./health-kpis.ts";
import { KeyResultKindSchema, StatusSchema } from "./okrs.ts";

/**
 * A KR as the alignment tree shows it: what it measures, where it stands and its status.
 * The tree of a division holds thousands of KRs, so owners, contributors, weights, scores
 * and versions are left to GET /objectives/{id}. Archived KRs are not in the tree.
 */
export const AlignmentKeyResultSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: KeyResultKindSchema,
  startValue: z.number().nullable(),
  targetValue: z.number().nullable(),
  currentValue: z.number().nullable(),
  done: z.boolean(),
  unit: z.string(),
  progress: z.number().nullable().describe("Uncapped: 1.3 is 130 %; null when the KR is not measurable"),
  status: StatusSchema,
});
export type AlignmentKeyResult = z.infer<typeof AlignmentKeyResultSchema>;

/** An Objective in the alignment tree (without its contributors, which the route nests). */
export const AlignmentObjectiveSchema = z.object({
  id: z.uuid(),
  teamId: z.uuid().nullable(),
  teamName: z.string().nullable(),
  ownerName: z.string().nullable(),
  title: z.string(),
  state: z.enum(["draft", "active", "closed"]),
  progress: z.number().nullable().describe("Weighted mean of the KRs' progress, each clamped to 0–1"),
  expectedProgress: z.number().describe("Elapsed share of the cycle today"),
  status: StatusSchema,
  restricted: z
    .boolean()
    .describe("True when the Objective is visible to its team only and you are not in it: text is hidden"),
  alignedProgress: z
    .number()
    .nullable()
    .describe("Contribution-weighted mean of the Objectives contributing to it"),
  contributionWeight: z.number().nullable().describe("This node's weight towards the node above"),
  // Health KPIs (health-kpis.ts)
  healthAlert: HealthAlertSchema,
  keyResults: z.array(AlignmentKeyResultSchema),
});

/** GET /alignment: an Objective with what contributes to it, recursively. */
export type AlignmentNode = z.infer<typeof AlignmentObjectiveSchema> & { children: AlignmentNode[] };

// Recursive schemas need a named component in the OpenAPI document.
export const AlignmentNodeSchema: z.ZodType<AlignmentNode> = AlignmentObjectiveSchema.extend({
  children: z.array(z.lazy(() => AlignmentNodeSchema)),
}).meta({ id: "AlignmentNode" });
export const AlignmentTreeSchema = z.object({ roots: z.array(AlignmentNodeSchema) });

export const AlignmentQuerySchema = z.object({
  cycleId: z.uuid(),
  teamId: z.uuid().optional().describe("Only the tree below this team's Objectives (e.g. a division)"),
});

export const CycleReportSchema = z.object({
  cycleId: z.uuid(),
  state: z.string(),
  teams: z.array(
    z.object({
      teamId: z.uuid().nullable(),
      teamName: z.string(),
      keyResults: z.number(),
      scored: z.number(),
      suggestedMean: z.number().nullable(),
      distribution: z.object({
        count: z.number(),
        mean: z.number().nullable(),
        bands: z.record(z.string(), z.number()),
        byTenth: z.array(z.number()),
        sweetSpot: z.number(),
      }),
      allPerfect: z.boolean().describe("1.0 on every KR this cycle"),
      sandbagging: z.boolean().describe("1.0 on every KR two closed cycles running: targets may be too low"),
    }),
  ),
});

export const TeamHealthQuerySchema = z.object({
  cycleId: z.uuid().describe("The cycle whose Objectives make the team's health"),
});

/** A team's OKR health in one cycle (docs/okr-status.md, "Team health"). */
export const TeamHealthSchema = z.object({
  teamId: z.uuid(),
  cycleId: z.uuid(),
  overall: StatusSchema.nullable().describe(
    "The one word for the team; null when it has no Objectives in the cycle (drafts and archived ones do not count)",
  ),
  total: z.number().int().describe("Objectives counted"),
  counts: z
    .object({
      not_started: z.number().int(),
      on_track: z.number().int(),
      at_risk: z.number().int(),
      off_track: z.number().int(),
      stale: z.number().int(),
    })
    .describe("Objectives per status"),
});
export type TeamHealthOut = z.infer<typeof TeamHealthSchema>;

/** GET /teams/{id}/check-ins: one KR of the team's running Objectives and its weekly check-in. */
export const TeamCheckInSchema = z.object({
  objective: z.object({ id: z.uuid(), title: z.string(), cycleId: z.uuid() }),
  keyResult: z.object({
    id: z.uuid(),
    title: z.string(),
    ownerUserId: z.uuid().nullable(),
    ownerName: z.string().nullable(),
    status: StatusSchema,
    lastConfidence: z.number().nullable(),
  }),
  lastCheckInAt: z.string().nullable(),
  daysSinceLastCheckIn: z.number().nullable(),
  due: z.boolean().describe("No check-in since the start of this week"),
  overdue: z.boolean().describe("No check-in for more than 7 days"),
});
export type TeamCheckIn = z.infer<typeof TeamCheckInSchema>;

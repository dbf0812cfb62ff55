import { z } from "zod";
import { OrgParamSchema, timestamp } from "./common.ts";
import { CycleSchema } from "./cycles.ts";
import {
  DirectionSchema,
  FrequencySchema,
  KpiStatusSchema,
  KpiUnitSchema,
  PointSchema,
  TrendSchema,
} from "./kpis.ts";
import { StatusSchema } from "./okrs.ts";

/** One end of a cause → effect edge: a strategic theme or an Objective. */
export const StrategyNodeRefSchema = z.strictObject({
  kind: z.enum(["theme", "objective"]).describe("What the end is"),
  id: z.uuid().describe("The theme's or the Objective's id"),
});
export type StrategyNodeRef = z.infer<typeof StrategyNodeRefSchema>;

export const StrategyEdgeSchema = z.object({
  id: z.uuid(),
  from: z.object({ kind: z.enum(["theme", "objective"]), id: z.uuid() }).describe("The cause"),
  to: z.object({ kind: z.enum(["theme", "objective"]), id: z.uuid() }).describe("The effect"),
  label: z.string().describe("Why the cause leads to the effect, in a few words (may be empty)"),
  createdAt: timestamp(),
});
export type StrategyEdge = z.infer<typeof StrategyEdgeSchema>;

const edgeLabel = () =>
  z.string().trim().max(120, "must be at most 120 characters").describe("Why the cause leads to the effect");

export const CreateStrategyEdgeSchema = z.strictObject({
  from: StrategyNodeRefSchema.describe("The cause"),
  to: StrategyNodeRefSchema.describe("The effect"),
  label: edgeLabel().default(""),
});
/** A PATCH: fields left out stay as they are. */
export const UpdateStrategyEdgeSchema = z.strictObject({ label: edgeLabel().optional() });

export const StrategyEdgeParamSchema = OrgParamSchema.extend({ edgeId: z.uuid() });

export const StrategyQuerySchema = z.object({
  cycleId: z
    .uuid()
    .optional()
    .describe("The cycle whose Objectives to show; default: the shortest active cycle containing today"),
});

const CycleRefSchema = CycleSchema.pick({
  id: true,
  name: true,
  kind: true,
  startsOn: true,
  endsOn: true,
  state: true,
});

const StrategyThemeSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  perspective: z.string().nullable(),
  position: z.number(),
});

/** An Objective as the map and the board show it; team-visible ones lose their text for outsiders. */
const StrategyObjectiveSchema = z.object({
  id: z.uuid(),
  themeId: z.uuid().nullable(),
  title: z.string(),
  teamId: z.uuid().nullable(),
  teamName: z.string().nullable(),
  state: z.enum(["draft", "active", "closed"]),
  progress: z.number().nullable().describe("Weighted mean of its live KRs' progress (uncapped)"),
  status: StatusSchema,
  restricted: z.boolean().describe("Visible to its team only: counted, shown without its text"),
});

export const StrategyMapSchema = z.object({
  cycle: CycleRefSchema.nullable().describe("The cycle shown; null when the organisation has none"),
  themes: z.array(StrategyThemeSchema).describe("Active themes in their order: the map's lanes"),
  objectives: z.array(StrategyObjectiveSchema).describe("Live Objectives with a theme in the cycle"),
  edges: z.array(StrategyEdgeSchema).describe("Cause → effect edges whose two ends are on this map"),
  can: z.object({ edit: z.boolean().describe("Add, relabel and remove edges (admins and owners)") }),
});

export const StrategyBoardKpiSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  teamName: z.string(),
  unit: KpiUnitSchema,
  decimals: z.number(),
  currency: z.string().nullable(),
  direction: DirectionSchema,
  frequency: FrequencySchema,
  status: KpiStatusSchema.nullable().describe("null: no target set"),
  value: z.number().nullable(),
  periodStart: z.string().nullable(),
  target: z.number().nullable(),
  trend: TrendSchema,
  sparkline: z.array(PointSchema).describe("The newest values, oldest first"),
});

const KpiCountsSchema = z.object({
  green: z.number(),
  amber: z.number(),
  red: z.number(),
  noData: z.number(),
  noTarget: z.number(),
});
const ObjectiveCountsSchema = z.object({
  onTrack: z.number(),
  atRisk: z.number(),
  offTrack: z.number(),
  stale: z.number(),
  notStarted: z.number(),
  draft: z.number(),
});

export const StrategyBoardGroupSchema = z.object({
  theme: StrategyThemeSchema.nullable().describe("null: the KPIs and Objectives without a theme"),
  kpis: z.array(StrategyBoardKpiSchema),
  objectives: z.array(StrategyObjectiveSchema),
  counts: z.object({ kpis: KpiCountsSchema, objectives: ObjectiveCountsSchema }),
});

export const StrategyBoardSchema = z.object({
  cycle: CycleRefSchema.nullable(),
  groups: z
    .array(StrategyBoardGroupSchema)
    .describe("One per active theme in order, then the group without a theme"),
});
export type StrategyBoard = z.infer<typeof StrategyBoardSchema>;
export type StrategyMap = z.infer<typeof StrategyMapSchema>;

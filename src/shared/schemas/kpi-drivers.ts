/**
 * Driver trees: the KPIs that move a KPI without arithmetic (beside formulas, which
 * compute a KPI from others). Answers are flat lists of nodes and edges, so clients need
 * no recursive types and a KPI reached twice is listed once.
 */
import { z } from "zod";
import { TeamScopeSchema } from "./common.ts";
import { KpiStatusSchema, KpiUnitSchema } from "./kpis.ts";

/** The same limit as src/domain/kpi/driver-graph.ts's MAX_DRIVERS (kept here for the schema). */
const MAX_DRIVERS_IN_BODY = 12;

export const SetKpiDriversSchema = z.strictObject({
  driverKpiIds: z
    .array(z.uuid())
    .max(MAX_DRIVERS_IN_BODY, `at most ${MAX_DRIVERS_IN_BODY} drivers`)
    .describe(
      "The KPIs that drive this one, in the order shown; replaces the list (empty removes every driver)",
    ),
});
export type SetKpiDriversInput = z.infer<typeof SetKpiDriversSchema>;

/** One KPI of a driver tree, with what a node shows: where it lives, its value and status. */
export const KpiDriverNodeSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  teamId: z.uuid(),
  teamName: z.string(),
  state: z.enum(["active", "archived"]),
  unit: KpiUnitSchema,
  decimals: z.number(),
  currency: z.string().nullable(),
  periodStart: z.string().nullable().describe("The latest due period (or a newer one with a value)"),
  value: z.number().nullable(),
  status: KpiStatusSchema.nullable().describe("As on the KPI's card; null when the KPI has no bands"),
});
export type KpiDriverNode = z.infer<typeof KpiDriverNodeSchema>;

export const KpiDriverEdgeSchema = z.object({
  kpiId: z.uuid().describe("The KPI that is driven"),
  driverKpiId: z.uuid().describe("The KPI that drives it"),
  position: z.number().describe("Order among the driven KPI's drivers, from 0"),
});
export type KpiDriverEdge = z.infer<typeof KpiDriverEdgeSchema>;

/** GET /kpis/{id}/driver-tree: the KPI, its drivers downwards and what it drives upwards. */
export const KpiDriverTreeSchema = z.object({
  rootId: z.uuid(),
  depth: z.number().describe("How many levels were followed each way"),
  nodes: z.array(KpiDriverNodeSchema).describe("The KPI and every KPI reached, each once"),
  edges: z.array(KpiDriverEdgeSchema).describe("Every driver edge followed, drivers of a KPI in order"),
  can: z.object({ editDrivers: z.boolean().describe("Change which KPIs drive this one") }),
});
export type KpiDriverTree = z.infer<typeof KpiDriverTreeSchema>;

export const KpiDriverTreeQuerySchema = z.object({
  depth: z.coerce
    .number()
    .int()
    .min(1)
    .max(6)
    .default(4)
    .describe("Levels to follow downwards (drivers) and upwards (what it drives), 1–6"),
});

export const TeamDriverTreeQuerySchema = z.object({ scope: TeamScopeSchema });

/** GET /teams/{id}/driver-tree: the team's part of the organisation's driver tree. */
export const TeamDriverTreeSchema = z.object({
  team: z.object({ id: z.uuid(), name: z.string() }),
  scope: TeamScopeSchema,
  teamKpiIds: z.array(z.uuid()).describe("The nodes that are the team's own KPIs (or its subtree's)"),
  nodes: z
    .array(KpiDriverNodeSchema)
    .describe("The team's KPIs that have drivers or drive, and their neighbours"),
  edges: z.array(KpiDriverEdgeSchema).describe("Every driver edge with at least one end on the team"),
});
export type TeamDriverTree = z.infer<typeof TeamDriverTreeSchema>;

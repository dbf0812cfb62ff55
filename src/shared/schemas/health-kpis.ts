/**
 * Health KPIs: the KPIs an Objective must not break while it changes something (guard
 * rails). Their links ride on the Objective's create and edit; these are the shapes the
 * API shows them in (docs/okr-status.md, "Health KPIs").
 */
import { z } from "zod";
import {
  DirectionSchema,
  FrequencySchema,
  KpiStatusSchema,
  KpiUnitSchema,
  PointSchema,
  TrendSchema,
} from "./kpis.ts";

/** An Objective carries at most this many health KPIs. */
export const MAX_HEALTH_KPIS = 4;

/** The list an Objective's create or edit sets, in the order shown; [] clears it. */
export const HealthKpiIdsSchema = z
  .array(z.uuid())
  .describe(
    `The KPIs this Objective must not break, in the order shown (at most ${MAX_HEALTH_KPIS}, no repeats, active KPIs of this organisation); [] removes them all`,
  );

/** A health KPI as an Objective shows it: enough for a card with its sparkline. */
export const HealthKpiSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  teamId: z.uuid(),
  teamName: z.string(),
  themeId: z.uuid().nullable(),
  state: z
    .enum(["active", "archived"])
    .describe("An archived KPI stays listed until removed, and raises no alert"),
  status: KpiStatusSchema.nullable().describe("The KPI's status word; null when it has no bands"),
  value: z.number().nullable().describe("The latest due period's value"),
  periodStart: z.string().nullable(),
  target: z.number().nullable().describe("The target in force"),
  unit: KpiUnitSchema,
  decimals: z.number(),
  currency: z.string().nullable(),
  direction: DirectionSchema,
  frequency: FrequencySchema,
  trend: TrendSchema,
  sparkline: z.array(PointSchema).describe("The latest periods' values, oldest first (up to 12)"),
});
export type HealthKpi = z.infer<typeof HealthKpiSchema>;

export const HealthAlertSchema = z
  .enum(["red", "amber"])
  .nullable()
  .describe("The worst status among the active health KPIs: red, amber, or null when none is red or amber");

/** The fields every Objective answer carries about its health KPIs. */
export const objectiveHealthFields = {
  healthKpiIds: z.array(z.uuid()).describe("The health KPIs' ids, in order"),
  healthKpis: z
    .array(HealthKpiSchema)
    .describe("The health KPIs, in order (empty when the text is restricted)"),
  healthAlert: HealthAlertSchema,
};

export const HealthKpiSuggestionQuerySchema = z.object({
  objectiveId: z.uuid().optional().describe("Take the team and theme from this Objective (unless given)"),
  teamId: z.uuid().optional().describe("The Objective's team: its KPIs first, then its subtree's"),
  themeId: z.uuid().optional().describe("The Objective's theme: KPIs of the same theme come next"),
});

export const HealthKpiSuggestionSchema = HealthKpiSchema.extend({
  reason: z
    .enum(["team", "subtree", "theme"])
    .describe("Why it is suggested: the Objective's own team, a team below it, or the same theme"),
});
export const HealthKpiSuggestionsSchema = z.object({
  items: z
    .array(HealthKpiSuggestionSchema)
    .describe("At most 8, best first; red and amber first within a reason"),
});
export type HealthKpiSuggestion = z.infer<typeof HealthKpiSuggestionSchema>;

/** An Objective a KPI guards, for the KPI page. */
export const GuardedObjectiveSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  teamName: z.string().nullable(),
  cycleId: z.uuid(),
  cycleName: z.string(),
  state: z.enum(["draft", "active", "closed"]),
});
export const GuardedObjectivesSchema = z.object({
  items: z
    .array(GuardedObjectiveSchema)
    .describe("Live Objectives carrying this KPI as a health KPI, newest cycle first"),
});

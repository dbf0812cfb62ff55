/** Did an Objective move its KPIs (src/domain/okr/kpi-impact.ts)? */
import { z } from "zod";

export const ImpactVerdictSchema = z
  .enum(["moved", "moved_the_wrong_way", "no_visible_effect", "not_enough_data"])
  .describe("Whether the KPI left its earlier trend, judged by a 90 % interval");

export const WindowImpactSchema = z.object({
  from: z.string().describe("The window's first day (YYYY-MM-DD)"),
  to: z.string().describe("The window's last day"),
  values: z.number().int().describe("The KPI's values in the window"),
  change: z
    .number()
    .nullable()
    .describe("Mean value minus the earlier trend's projection; null without enough data"),
  relativeChange: z
    .number()
    .nullable()
    .describe("The change as a share of the level before the cycle (0.05 is 5 %)"),
  low: z.number().nullable().describe("The 90 % interval's lower end"),
  high: z.number().nullable().describe("The 90 % interval's upper end"),
  verdict: ImpactVerdictSchema,
  sentence: z.string().describe("The finding in words, honest that it is a correlation in time"),
});

export const KpiImpactSchema = z.object({
  kpiId: z.uuid(),
  name: z.string(),
  unit: z.string(),
  direction: z.enum(["higher_is_better", "lower_is_better", "within_range"]),
  /** Why the KPI is here: a health KPI of the Objective, or read by one of its Key Results. */
  roles: z.array(z.enum(["health", "key_result"])),
  before: z.number().int().describe("Values in the trend window (up to two cycle lengths before the start)"),
  during: WindowImpactSchema,
  after: WindowImpactSchema,
});

export const ObjectiveKpiImpactSchema = z.object({
  objectiveId: z.uuid(),
  lagCycles: z.number().int(),
  kpis: z.array(KpiImpactSchema),
});
export type ObjectiveKpiImpact = z.infer<typeof ObjectiveKpiImpactSchema>;

export const KpiImpactQuerySchema = z.object({
  lagCycles: z.coerce
    .number()
    .int()
    .min(1)
    .max(4)
    .default(1)
    .describe(
      "How many cycle lengths after the end the 'after' window ends (1: the window right after the cycle)",
    ),
});

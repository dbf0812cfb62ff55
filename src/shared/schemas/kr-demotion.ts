/** Turning a metric Key Result into a KPI (POST /key-results/{keyResultId}/demote). */
import { z } from "zod";
import { nameSchema } from "./common.ts";
import {
  AggregationSchema,
  FrequencySchema,
  KpiKeySchema,
  KpiSchema,
  KpiUnitSchema,
  kpiValue,
} from "./kpis.ts";

const bound = () => kpiValue().nullable().optional();

export const DemoteKeyResultSchema = z.strictObject({
  key: KpiKeySchema,
  name: nameSchema(160).describe("The KPI's name (e.g. the KR's title without its from → to)"),
  description: z
    .string()
    .max(3000)
    .optional()
    .describe("Added before the line Keel writes naming the KR and its unit text"),
  frequency: FrequencySchema,
  direction: z
    .enum(["higher_is_better", "lower_is_better"])
    .optional()
    .describe("Default from the KR: a target below its start is lower_is_better"),
  unit: KpiUnitSchema,
  decimals: z.number().int().min(0).max(6).default(1),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as EUR")
    .nullable()
    .default(null),
  aggregation: AggregationSchema.default("last"),
  teamId: z
    .uuid()
    .optional()
    .describe(
      "Default: the Objective's team when it runs KPIs; required otherwise (and for personal Objectives when the owner's team does not)",
    ),
  ownerUserId: z.uuid().optional().describe("Default: the KR's owner"),
  bands: z
    .strictObject({
      target: bound(),
      greenMin: bound(),
      greenMax: bound(),
      redMin: bound(),
      redMax: bound(),
    })
    .optional()
    .describe(
      "Default: the KR's target as target, green a quarter of the KR's distance short of it, red two quarters",
    ),
});
export type DemoteKeyResultInput = z.infer<typeof DemoteKeyResultSchema>;

export const DemotionResultSchema = z.object({
  kpi: KpiSchema,
  keyResultId: z.uuid(),
  objectiveId: z.uuid(),
  checkIns: z.number().describe("Check-ins with a value that the KR had"),
  measurements: z.number().describe("KPI values written: the last check-in of each KPI period"),
});
export type DemotionResult = z.infer<typeof DemotionResultSchema>;

import { z } from "zod";
import { nameSchema, timestamp } from "./common.ts";
import { BandsOutSchema, calendarDate, DirectionSchema, kpiValue, PointSchema } from "./kpis.ts";
import { KpiReadSchema, StatusSchema } from "./okrs.ts";

/** Where OKRs meet KPIs: Key Results that read a KPI, promotions, and new baselines. */

const cycleState = z.enum(["planning", "active", "grading", "closed"]);

/** A KR that reads the KPI, with where it stands. */
export const KpiReaderSchema = z.object({
  keyResultId: z.uuid(),
  title: z.string(),
  objectiveId: z.uuid(),
  objectiveTitle: z.string(),
  cycleId: z.uuid(),
  cycleName: z.string(),
  cycleState,
  startValue: z.number().nullable(),
  targetValue: z.number().nullable(),
  currentValue: z.number().nullable(),
  status: StatusSchema,
  read: KpiReadSchema,
});

export const PromotionOutcomeSchema = z
  .enum(["running", "met", "missed", "unlinked"])
  .describe("running until the cycle closes; then met or missed; unlinked when the KR stopped reading it");
export const BaselineStateSchema = z
  .enum(["accepted", "declined", "pending", "not_offered"])
  .describe("pending: met and waiting for a decision; not_offered: not met (or still running)");

/** One time the KPI was a Key Result. */
export const KpiPromotionSchema = z.object({
  id: z.uuid(),
  cycleId: z.uuid(),
  cycleName: z.string(),
  keyResultId: z.uuid(),
  keyResultTitle: z.string(),
  objectiveId: z.uuid(),
  objectiveTitle: z.string(),
  targetValue: z.number().nullable(),
  outcome: PromotionOutcomeSchema,
  finalValue: z.number().nullable(),
  baseline: BaselineStateSchema,
  baselineEffectiveFrom: z.string().nullable(),
  createdAt: timestamp(),
  endedAt: timestamp().nullable(),
  can: z.object({ decideBaseline: z.boolean().describe("Whoever may change the KPI's bands, once met") }),
});
export type KpiPromotion = z.infer<typeof KpiPromotionSchema>;

/** GET /kpis/{id}/key-results: who reads the KPI, its promotion history and its badge. */
export const KpiKeyResultsSchema = z.object({
  keyResults: z.array(KpiReaderSchema),
  promotions: z.array(KpiPromotionSchema),
  promotedIn: z
    .array(z.object({ cycleId: z.uuid(), cycleName: z.string() }))
    .describe("Running or next cycles in which the KPI is a Key Result (the badge)"),
});

export const PromotionDraftQuerySchema = z.object({
  cycleId: z.uuid().optional().describe("Default: the shortest active cycle containing today"),
});

/** GET /kpis/{id}/promotion-draft: what "Make it a Key Result" shows. */
export const PromotionDraftSchema = z.object({
  kpi: z.object({
    id: z.uuid(),
    key: z.string(),
    name: z.string(),
    teamId: z.uuid(),
    teamRunsOkrs: z.boolean(),
    unit: z.string(),
    decimals: z.number(),
    direction: z.string(),
  }),
  trend: z.array(PointSchema).describe("The KPI's last periods, oldest first (the sparkline)"),
  latest: z.number().nullable(),
  target: z.number().nullable().describe("The KPI's target in force"),
  suggestedStart: z.object({
    latest: z.number().nullable().describe("read latest: the KPI's latest value"),
    cycle: z.number().nullable().describe("read cycle: the KPI's aggregate over the previous cycle"),
  }),
  suggestedTitle: z.string(),
  cycleId: z.uuid().nullable(),
  cycles: z.array(z.object({ id: z.uuid(), name: z.string(), state: cycleState })),
  objectives: z
    .array(z.object({ id: z.uuid(), title: z.string() }))
    .describe("Objectives of the chosen cycle you may edit"),
  drivers: z
    .array(z.object({ id: z.uuid(), key: z.string(), name: z.string() }))
    .describe("The KPI's active drivers: candidate extra Key Results"),
});

const keyResultOfPromotion = z.strictObject({
  title: nameSchema(200),
  targetValue: kpiValue(),
  kpiRead: KpiReadSchema.default("latest"),
  ownerUserId: z.uuid().nullable().optional().describe("Default: you"),
});

export const PromoteKpiSchema = z.strictObject({
  cycleId: z.uuid(),
  objectiveId: z.uuid().optional().describe("An existing Objective of the cycle; or newObjective"),
  newObjective: z
    .strictObject({
      title: nameSchema(200),
      problemStatement: z
        .string()
        .trim()
        .max(4000)
        .describe(
          "What stands between the KPI's value today and the value it needs: the Objective's description",
        ),
      teamId: z.uuid().nullable().optional().describe("Default: the KPI's team if it runs OKRs"),
    })
    .optional(),
  keyResult: keyResultOfPromotion,
  drivers: z
    .array(
      z.strictObject({
        kpiId: z.uuid(),
        title: nameSchema(200),
        targetValue: kpiValue(),
        kpiRead: KpiReadSchema.default("latest"),
      }),
    )
    .max(5)
    .default([])
    .describe("Driver KPIs to read as extra Key Results"),
});

export const PromotionResultSchema = z.object({
  objectiveId: z.uuid(),
  keyResultId: z.uuid(),
  promotionId: z.uuid(),
});

export const BaselineDecisionSchema = z.discriminatedUnion("decision", [
  z.strictObject({
    decision: z.literal("accepted"),
    bands: z
      .strictObject({
        target: kpiValue().nullable(),
        greenMin: kpiValue().nullable(),
        greenMax: kpiValue().nullable(),
        redMin: kpiValue().nullable(),
        redMax: kpiValue().nullable(),
      })
      .optional()
      .describe("Default: the offered bands (target and thresholds moved by achieved − old target)"),
    effectiveFrom: calendarDate().optional().describe("Default: the KPI's next period after the cycle's end"),
  }),
  z.strictObject({ decision: z.literal("declined"), note: z.string().trim().max(2000).optional() }),
]);

/** A met promotion waiting for its baseline decision. */
export const BaselineOfferSchema = z.object({
  promotionId: z.uuid(),
  kpiId: z.uuid(),
  kpiKey: z.string(),
  kpiName: z.string(),
  kpiDirection: DirectionSchema.describe("Which thresholds the entry needs and the order they keep"),
  cycleId: z.uuid(),
  cycleName: z.string(),
  keyResultId: z.uuid(),
  keyResultTitle: z.string(),
  objectiveId: z.uuid(),
  finalValue: z.number().nullable(),
  oldTarget: z.number().nullable(),
  old: BandsOutSchema.nullable().describe("The band series entry in force at the cycle's end"),
  proposed: BandsOutSchema.describe("The new entry of the band series, as offered"),
  canDecide: z.boolean(),
});
export const BaselineOffersSchema = z.object({ items: z.array(BaselineOfferSchema) });

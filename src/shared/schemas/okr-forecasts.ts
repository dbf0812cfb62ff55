/** A metric Key Result's forecast: where it will be at its cycle's end (src/domain/okr/forecast.ts). */
import { z } from "zod";

export const LikelihoodSchema = z
  .enum(["likely", "uncertain", "unlikely"])
  .describe("likely: 60 % or more; unlikely: under 40 %");

export const ForecastSchema = z.object({
  expected: z.number().describe("The value expected at the end of the cycle's last day"),
  low: z.number().describe("The 80 % interval's lower end (10th percentile)"),
  high: z.number().describe("The 80 % interval's upper end (90th percentile)"),
  probability: z.number().min(0).max(1).describe("The chance of reaching the target, 0–1, in hundredths"),
  likelihood: LikelihoodSchema,
  basedOn: z.number().int().describe("Check-ins with a value the forecast rests on"),
  horizonDays: z.number().describe("Days from the latest check-in to the cycle's end"),
  endsOn: z.string().describe("The cycle's last day (YYYY-MM-DD): the day the forecast is for"),
});
export type Forecast = z.infer<typeof ForecastSchema>;

export const KeyResultForecastSchema = z.object({
  keyResultId: z.uuid(),
  forecast: ForecastSchema.nullable(),
  /** Why there is no forecast, in words a person can act on; null when there is one. */
  reason: z
    .enum(["not_metric", "too_few_check_ins", "no_direction", "cycle_ended"])
    .nullable()
    .describe(
      "not_metric: only metric KRs are forecast; too_few_check_ins: three check-ins with a value are needed; no_direction: the target equals the start; cycle_ended: the cycle is over, its final value is known",
    ),
});
export type KeyResultForecast = z.infer<typeof KeyResultForecastSchema>;

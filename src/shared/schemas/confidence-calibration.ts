/** How well confidence in check-ins predicted how Key Results ended (src/domain/okr/confidence-calibration.ts). */
import { z } from "zod";

export const ConfidenceBandSchema = z.object({
  from: z.number().int().describe("The band's lowest confidence (0, 4 or 7)"),
  to: z.number().int().describe("The band's highest confidence (3, 6 or 10)"),
  keyResults: z.number().int(),
  delivered: z
    .number()
    .nullable()
    .describe("Share of the band's KRs delivered (final score 0.7 or more); null when empty"),
});

export const ConfidenceCalibrationSchema = z.object({
  keyResults: z.number().int().describe("Graded KRs of closed cycles with at least one check-in"),
  meanConfidence: z.number().nullable().describe("Mean of the KRs' mean check-in confidence, 0–10"),
  delivered: z.number().nullable().describe("Share of the KRs delivered (final score 0.7 or more)"),
  brierScore: z
    .number()
    .nullable()
    .describe(
      "Mean of (confidence ÷ 10 − delivered)², 0 is perfect; saying 5 every time on a coin flip gives 0.25",
    ),
  bands: z.array(ConfidenceBandSchema),
  reading: z
    .enum(["too_few", "well_calibrated", "overconfident", "underconfident"])
    .describe("too_few below 5 graded KRs; otherwise whether stated and actual rates agree within 15 points"),
  summary: z.string().describe("One sentence for the person and their manager"),
});
export type ConfidenceCalibration = z.infer<typeof ConfidenceCalibrationSchema>;

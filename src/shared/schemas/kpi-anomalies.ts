/** An unusual KPI value: far outside what the KPI's own recent values predict (src/domain/kpi/anomaly.ts). */
import { z } from "zod";

export const UnusualValueSchema = z
  .object({
    direction: z.enum(["above", "below"]).describe("Which side of the KPI's own normal the value lies on"),
    score: z
      .number()
      .describe(
        "Distance from the value the KPI's recent values predict, in robust standard deviations (at most 99)",
      ),
    reason: z.string().describe('The verdict in words, e.g. "4.3 σ below its 26-week level"'),
  })
  .describe("Set when the value lies outside the KPI's own control limits, whatever its bands say");
export type UnusualValue = z.infer<typeof UnusualValueSchema>;

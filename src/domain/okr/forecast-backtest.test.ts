import { describe, expect, it } from "vitest";
import { backtest, brierScore, calibrationBin, syntheticHistories } from "./forecast-backtest.ts";

// 600 synthetic quarters with a fixed seed: paces that speed up or stall part-way, noise of
// varying size, skipped check-ins. Figures for several cuts are in docs/benchmarks.md.
const histories = syntheticHistories(600, 20261207);

describe("the forecaster on synthetic histories", () => {
  it.each([35, 49, 63])("beats the straight line through the pace so far, forecasting on day %i", (cut) => {
    const { forecast, line } = backtest(histories, cut);
    expect(forecast.length).toBeGreaterThan(500);
    expect(brierScore(forecast)).toBeLessThan(brierScore(line));
  });

  it("is roughly calibrated: of KRs forecast at 70–80 %, between 60 and 95 % made it", () => {
    const { forecast } = backtest(histories, 49);
    const bin = calibrationBin(forecast, 0.7, 0.8);
    expect(bin.count).toBeGreaterThan(15);
    expect(bin.hitRate).toBeGreaterThanOrEqual(0.6);
    expect(bin.hitRate).toBeLessThanOrEqual(0.95);
  });
});

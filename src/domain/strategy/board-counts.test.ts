import { describe, expect, it } from "vitest";
import { countKpis, countObjectives } from "./board-counts.ts";

describe("strategy board counts", () => {
  it("counts KPIs by status, those without a target apart from those without data", () => {
    expect(countKpis(["green", "green", "red", "no_data", null, "amber"])).toEqual({
      green: 2,
      amber: 1,
      red: 1,
      noData: 1,
      noTarget: 1,
    });
  });

  it("counts Objectives by status word", () => {
    expect(countObjectives(["on_track", "at_risk", "at_risk", "off_track", "stale", "draft"])).toEqual({
      onTrack: 1,
      atRisk: 2,
      offTrack: 1,
      stale: 1,
      notStarted: 0,
      draft: 1,
    });
  });
});

import { describe, expect, it } from "vitest";
import {
  type ObjectiveKeyResultStatus,
  type ObjectiveStatusInput,
  objectiveStatus,
} from "./objective-status.ts";
import type { OkrStatus } from "./status.ts";
import { DEFAULT_STATUS_SETTINGS } from "./status-settings.ts";

// Q3 2026, 92 days; 15 August is half-way.
const q3 = { startsOn: "2026-07-01", endsOn: "2026-09-30" };

/** "Make onboarding effortless" with KRs in the given statuses, at half-way and on pace. */
function buildObjective(
  statuses: Array<OkrStatus | ObjectiveKeyResultStatus>,
  change: Partial<ObjectiveStatusInput> = {},
) {
  return {
    progress: 0.5,
    keyResults: statuses.map((s) => (typeof s === "string" ? { status: s } : s)),
    cycle: q3,
    today: "2026-08-15",
    ...change,
  };
}
const statusOf = (...args: Parameters<typeof buildObjective>) => objectiveStatus(buildObjective(...args));

describe("objective status", () => {
  it("is on track when every KR is on track and progress keeps pace", () => {
    expect(statusOf(["on_track", "on_track", "on_track"])).toEqual({
      status: "on_track",
      basis: "on_track",
      pace: 1,
    });
  });

  it("is at risk when any KR is at risk or off track", () => {
    expect(statusOf(["on_track", "at_risk", "on_track"])).toMatchObject({
      status: "at_risk",
      basis: "key_result_in_trouble",
    });
    expect(statusOf(["on_track", "off_track", "on_track"]).status).toBe("at_risk");
  });

  it("is off track when a committed KR is off track", () => {
    expect(statusOf(["on_track", { status: "off_track", committed: true }, "on_track"])).toMatchObject({
      status: "off_track",
      basis: "committed_key_result_off_track",
    });
  });

  it("is off track when more than half of its judged KRs are off track", () => {
    expect(statusOf(["off_track", "off_track", "on_track"])).toMatchObject({
      status: "off_track",
      basis: "most_key_results_off_track",
    });
    expect(statusOf(["off_track", "off_track", "on_track", "on_track"]).status).toBe("at_risk"); // exactly half
    const stricter = { ...DEFAULT_STATUS_SETTINGS, objectiveOffTrackShare: 0.25 };
    expect(
      objectiveStatus(buildObjective(["off_track", "off_track", "on_track", "on_track"]), stricter).status,
    ).toBe("off_track");
  });

  it("is at risk when its own progress is well behind pace though no KR says so", () => {
    // Milestones judged on confidence look fine one by one; 0.2 of an expected 0.5 does not.
    expect(statusOf(["on_track", "on_track"], { progress: 0.2 })).toEqual({
      status: "at_risk",
      basis: "behind_pace",
      pace: 0.4,
    });
    expect(statusOf(["on_track", "on_track"], { progress: 0.25 }).status).toBe("on_track"); // pace 0.5
    expect(statusOf(["on_track"], { progress: null })).toMatchObject({ status: "on_track", pace: null });
  });

  it("does not judge the Objective's pace during the grace days", () => {
    expect(statusOf(["on_track"], { progress: 0, today: "2026-07-10" })).toMatchObject({
      status: "on_track",
      pace: null,
    });
  });

  it("is stale only when all its KRs are stale; some stale KRs are left out", () => {
    expect(statusOf(["stale", "stale"])).toMatchObject({ status: "stale", basis: "all_key_results_stale" });
    expect(statusOf(["stale", "on_track"]).status).toBe("on_track");
    expect(statusOf(["stale", "stale", "off_track"]).status).toBe("off_track"); // the only judged KR
  });

  it("is not started before its cycle or without KRs", () => {
    expect(statusOf(["not_started"], { today: "2026-06-01" })).toMatchObject({
      status: "not_started",
      basis: "cycle_not_started",
    });
    expect(statusOf([])).toMatchObject({ status: "not_started", basis: "no_key_results" });
  });
});

import { describe, expect, it } from "vitest";
import type { KeyResultInput } from "./progress.ts";
import { confidenceStatus, daysSinceCheckIn, type KeyResultStatusInput, keyResultStatus } from "./status.ts";
import { DEFAULT_STATUS_SETTINGS } from "./status-settings.ts";

// Q3 2026: 1 July – 30 September, 92 days; 15 August is day 46, expected progress 0.5.
const q3 = { startsOn: "2026-07-01", endsOn: "2026-09-30" };
const midCycle = "2026-08-15";

/** A "grow weekly active teams 200 → 500" KR, checked in on `lastCheckInOn`. */
function buildStatusInput(overrides: Partial<KeyResultStatusInput> & { current?: number | null }) {
  const { current = 350, ...rest } = overrides;
  const keyResult: KeyResultInput = { kind: "metric", start: 200, target: 500, current };
  return { keyResult, lastCheckInOn: "2026-08-12", confidence: 7, cycle: q3, today: midCycle, ...rest };
}
const statusOf = (overrides: Parameters<typeof buildStatusInput>[0]) =>
  keyResultStatus(buildStatusInput(overrides)).status;

describe("confidence bands", () => {
  it("puts 6–10 on track, 4–5 at risk and 0–3 off track", () => {
    expect([10, 6, 5, 4, 3, 0].map((c) => confidenceStatus(c))).toEqual([
      "on_track",
      "on_track",
      "at_risk",
      "at_risk",
      "off_track",
      "off_track",
    ]);
    expect(confidenceStatus(null)).toBe("on_track");
    expect(() => confidenceStatus(11)).toThrow(RangeError);
  });
});

describe("key result status", () => {
  it("is on track at pace with good confidence", () => {
    // 350 of 200 → 500 = 0.5, expected 0.5: pace 1.
    expect(keyResultStatus(buildStatusInput({}))).toMatchObject({
      status: "on_track",
      basis: "pace_and_confidence",
      pace: 1,
      expected: 0.5,
    });
  });

  it("is on track exactly at a pace of 0.8, at risk just below", () => {
    // 0.4 / 0.5 = 0.8 (in floating point too: the threshold is compared with tolerance).
    expect(statusOf({ current: 320 })).toBe("on_track");
    expect(statusOf({ current: 317 })).toBe("at_risk"); // 0.39 / 0.5 = 0.78
  });

  it("is at risk between pace 0.5 and 0.8, off track below 0.5", () => {
    expect(statusOf({ current: 275 })).toBe("at_risk"); // 0.25 / 0.5 = 0.5
    expect(statusOf({ current: 272 })).toBe("off_track"); // 0.24 / 0.5 = 0.48
  });

  it("gives the statuses in docs/okr-status.md's half-way example", () => {
    expect([350, 320, 300, 270].map((current) => statusOf({ current }))).toEqual([
      "on_track",
      "on_track",
      "at_risk",
      "off_track",
    ]);
    expect(statusOf({ current: 350, confidence: 3 })).toBe("off_track");
  });

  it("lets confidence pull a KR down even at pace", () => {
    expect(statusOf({ confidence: 5 })).toBe("at_risk");
    expect(statusOf({ confidence: 3 })).toBe("off_track");
    expect(statusOf({ confidence: null })).toBe("on_track");
  });

  it("judges a decreasing KR by its pace too", () => {
    // Churn 40 → 20, now 35: progress 0.25 at expected 0.5 → pace 0.5 → at risk.
    const churn: KeyResultInput = { kind: "metric", start: 40, target: 20, current: 35 };
    expect(keyResultStatus({ ...buildStatusInput({}), keyResult: churn })).toMatchObject({
      status: "at_risk",
      pace: 0.5,
    });
    const worse: KeyResultInput = { kind: "metric", start: 40, target: 20, current: 45 };
    expect(keyResultStatus({ ...buildStatusInput({}), keyResult: worse }).status).toBe("off_track");
  });

  it("goes stale after more than 10 days without a check-in, not at 10", () => {
    expect(statusOf({ lastCheckInOn: "2026-08-05" })).toBe("on_track"); // 10 days
    expect(statusOf({ lastCheckInOn: "2026-08-04" })).toBe("stale"); // 11 days
    expect(keyResultStatus(buildStatusInput({ lastCheckInOn: "2026-08-04" })).basis).toBe(
      "no_recent_check_in",
    );
  });

  it("uses the organisation's staleAfterDays", () => {
    const input = buildStatusInput({ lastCheckInOn: "2026-08-07" }); // 8 days
    expect(keyResultStatus(input).status).toBe("on_track");
    expect(keyResultStatus(input, { ...DEFAULT_STATUS_SETTINGS, staleAfterDays: 7 }).status).toBe("stale");
  });

  it("counts the stale clock from the cycle start, or from when the KR was added", () => {
    expect(statusOf({ lastCheckInOn: null, today: "2026-07-11" })).toBe("on_track"); // day 10
    expect(statusOf({ lastCheckInOn: null, today: "2026-07-12" })).toBe("stale");
    // Added 5 days ago, never checked in: not stale, just judged (no progress yet → behind pace).
    expect(statusOf({ lastCheckInOn: null, addedOn: "2026-08-10", current: null })).toBe("off_track");
    expect(daysSinceCheckIn(buildStatusInput({ lastCheckInOn: null, addedOn: "2026-08-10" }))).toBe(5);
  });

  it("does not go stale once the cycle has ended", () => {
    const afterEnd = buildStatusInput({ lastCheckInOn: "2026-09-01", current: 500, today: "2026-10-20" });
    expect(keyResultStatus(afterEnd)).toMatchObject({ status: "on_track", expected: 1, pace: 1 });
    expect(statusOf({ lastCheckInOn: "2026-09-01", current: 320, today: "2026-10-20" })).toBe("off_track");
  });

  it("is not started before the cycle begins", () => {
    expect(keyResultStatus(buildStatusInput({ today: "2026-06-20", lastCheckInOn: null }))).toMatchObject({
      status: "not_started",
      basis: "cycle_not_started",
    });
  });

  it("judges only confidence during the first 14 days, when pace is noise", () => {
    const early = buildStatusInput({ today: "2026-07-10", current: null, lastCheckInOn: "2026-07-08" });
    expect(keyResultStatus(early)).toMatchObject({ status: "on_track", basis: "confidence", pace: null });
    expect(statusOf({ today: "2026-07-14", current: null, lastCheckInOn: "2026-07-08" })).toBe("on_track"); // day 14
    expect(statusOf({ today: "2026-07-15", current: null, lastCheckInOn: "2026-07-08" })).toBe("off_track"); // day 15
    const noGrace = { ...DEFAULT_STATUS_SETTINGS, paceGraceDays: 0 };
    expect(keyResultStatus(early, noGrace).status).toBe("off_track");
  });

  describe("milestones, which have no pace", () => {
    const launch = (done: boolean, confidence: number | null) =>
      keyResultStatus({
        ...buildStatusInput({ confidence }),
        keyResult: { kind: "milestone", done },
      });

    it("follow confidence alone", () => {
      expect(launch(false, 8)).toMatchObject({ status: "on_track", basis: "confidence", pace: null });
      expect(launch(false, 6).status).toBe("on_track");
      expect(launch(false, 5).status).toBe("at_risk");
      expect(launch(false, 4).status).toBe("at_risk");
      expect(launch(false, 3).status).toBe("off_track");
      expect(launch(false, null).status).toBe("on_track");
    });

    it("are on track when done, whatever the confidence, and never stale", () => {
      expect(launch(true, 2)).toMatchObject({ status: "on_track", basis: "complete" });
      const doneLongAgo = keyResultStatus({
        ...buildStatusInput({ lastCheckInOn: "2026-07-20" }),
        keyResult: { kind: "milestone", done: true },
      });
      expect(doneLongAgo.status).toBe("on_track");
    });

    it("still go stale while pending", () => {
      const pending = keyResultStatus({
        ...buildStatusInput({ lastCheckInOn: "2026-07-20" }),
        keyResult: { kind: "milestone", done: false },
      });
      expect(pending.status).toBe("stale");
    });
  });

  it("treats a percentage KR at 100 % as complete", () => {
    const migration: KeyResultInput = { kind: "percentage", current: 100 };
    expect(
      keyResultStatus({ ...buildStatusInput({ lastCheckInOn: "2026-07-20" }), keyResult: migration }).status,
    ).toBe("on_track");
    const halfway: KeyResultInput = { kind: "percentage", current: 20 };
    expect(keyResultStatus({ ...buildStatusInput({}), keyResult: halfway }).status).toBe("off_track"); // pace 0.4
  });

  it("judges a not-measurable metric by confidence alone", () => {
    const flat: KeyResultInput = { kind: "metric", start: 95, target: 95, current: 94 };
    expect(keyResultStatus({ ...buildStatusInput({ confidence: 5 }), keyResult: flat })).toMatchObject({
      status: "at_risk",
      basis: "confidence",
      progress: null,
    });
  });

  it("refuses a confidence outside 0–10", () => {
    expect(() => keyResultStatus(buildStatusInput({ confidence: 12 }))).toThrow(RangeError);
  });
});

describe("pace from the day the KR became active", () => {
  // Activated on 15 August, half-way through Q3: 47 days to the cycle's end.
  const activeFrom = midCycle;

  it("is not off track on its first day just because the cycle is half over", () => {
    // No progress yet: against the cycle's start it would be off track (expected 0.5).
    expect(statusOf({ current: 200, lastCheckInOn: midCycle })).toBe("off_track");
    expect(
      keyResultStatus(buildStatusInput({ current: 200, lastCheckInOn: midCycle, activeFrom })),
    ).toMatchObject({ status: "on_track", basis: "confidence", expected: 0.0213 });
  });

  it("counts the grace days and the expected share from its activation", () => {
    // 24 days after activation (8 September): past the 14 grace days, expected 24/47.
    const today = "2026-09-07";
    const late = buildStatusInput({ current: 200, lastCheckInOn: today, today, activeFrom });
    expect(keyResultStatus(late)).toMatchObject({ status: "off_track", expected: 0.5106, pace: 0 });
    // 0.3 of the way (290) against 0.51 expected: pace 0.59, at risk.
    expect(
      keyResultStatus({ ...late, keyResult: { kind: "metric", start: 200, target: 500, current: 290 } }),
    ).toMatchObject({ status: "at_risk", pace: 0.5875 });
  });

  it("runs the whole cycle when activated before it started or never", () => {
    expect(keyResultStatus(buildStatusInput({ activeFrom: "2026-06-20" })).expected).toBe(0.5);
    expect(keyResultStatus(buildStatusInput({ activeFrom: null })).expected).toBe(0.5);
  });
});

describe("the stale clock of a KR activated late", () => {
  it("starts on its activation day, not the cycle's start", () => {
    const input = buildStatusInput({ lastCheckInOn: null, activeFrom: "2026-08-10" });
    expect(daysSinceCheckIn(input)).toBe(5);
    expect(keyResultStatus(input).status).not.toBe("stale");
    // Without it, 45 days from the cycle's start: stale.
    expect(statusOf({ lastCheckInOn: null })).toBe("stale");
  });
});

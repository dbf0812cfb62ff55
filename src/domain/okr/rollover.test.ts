import { describe, expect, it } from "vitest";
import type { KeyResultInput, MetricKeyResult } from "./progress.ts";
import { keyResultProgress } from "./progress.ts";
import { rolloverKeyResult } from "./rollover.ts";

/** "Raise weekly active teams from 200 to 500", owned by Ana, with its other fields. */
const activeTeams: MetricKeyResult & { owner: string; unit: string; weight: number; direction: "increase" } =
  {
    kind: "metric",
    start: 200,
    target: 500,
    current: 380,
    owner: "ana",
    unit: "teams",
    weight: 2,
    direction: "increase",
  };

describe("rollover", () => {
  it("starts a metric KR from its last value and keeps everything else", () => {
    const { keyResult, needsNewTarget } = rolloverKeyResult(activeTeams);
    expect(keyResult).toEqual({ ...activeTeams, start: 380, current: null });
    expect(needsNewTarget).toBe(false);
    expect(keyResultProgress(keyResult)).toEqual({ raw: 0, clamped: 0 });
  });

  it("does the same for a decreasing KR", () => {
    const churn: KeyResultInput = { kind: "metric", start: 40, target: 20, current: 31 };
    expect(rolloverKeyResult(churn)).toEqual({
      keyResult: { kind: "metric", start: 31, target: 20, current: null },
      needsNewTarget: false,
    });
  });

  it("keeps the start of a metric KR that was never checked in", () => {
    expect(rolloverKeyResult({ ...activeTeams, current: null }).keyResult.start).toBe(200);
  });

  it("asks for a new target when the last value reached or passed it", () => {
    expect(rolloverKeyResult({ ...activeTeams, current: 500 }).needsNewTarget).toBe(true);
    // Passing the target would flip the KR's direction if rolled over as is.
    expect(rolloverKeyResult({ ...activeTeams, current: 520 }).needsNewTarget).toBe(true);
    expect(rolloverKeyResult({ kind: "metric", start: 40, target: 20, current: 18 }).needsNewTarget).toBe(
      true,
    );
    expect(rolloverKeyResult({ kind: "metric", start: 95, target: 95, current: 96 }).needsNewTarget).toBe(
      true,
    );
  });

  it("carries a percentage KR's completed work forward", () => {
    const migration = { kind: "percentage" as const, current: 60, owner: "li" };
    expect(rolloverKeyResult(migration)).toEqual({ keyResult: migration, needsNewTarget: false });
    expect(rolloverKeyResult(migration).keyResult).not.toBe(migration);
  });

  it("leaves a milestone unchanged", () => {
    const launch: KeyResultInput = { kind: "milestone", done: false };
    expect(rolloverKeyResult(launch)).toEqual({ keyResult: launch, needsNewTarget: false });
  });
});

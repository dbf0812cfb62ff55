import { describe, expect, it } from "vitest";
import { lintWording } from "./index.ts";

describe("lintWording", () => {
  it("places findings on the Objective and on each KR by position", () => {
    const findings = lintWording({
      title: "Grow the business",
      keyResults: [
        { title: "Repeat orders from café customers: 20% → 45%", startValue: 20, targetValue: 45, unit: "%" },
        { title: "Keep delivery on time at 97%", startValue: 97, targetValue: 97 },
        { title: "Launch a loyalty card" },
      ],
    });
    expect(findings.map((f) => [f.rule, f.on, f.severity])).toEqual([
      ["generic-objective", "objective", "warning"],
      ["business-as-usual", "keyResults.1", "warning"],
      ["activity-as-key-result", "keyResults.2", "info"],
    ]);
    expect(findings[1]?.fix).toEqual({
      kind: "move-to-kpi-board",
      name: "Keep delivery on time at 97%",
      target: 97,
    });
  });

  it("reports a number Objective once, not also as generic", () => {
    expect(lintWording({ title: "Increase revenue by 10%" }).map((f) => f.rule)).toEqual([
      "number-as-objective",
    ]);
  });

  it("finds nothing in a well-written draft", () => {
    expect(
      lintWording({
        title: "Make returns effortless for our Berlin customers",
        keyResults: [{ title: "Refund time after drop-off: 9 days → 2 days", startValue: 9, targetValue: 2 }],
      }),
    ).toEqual([]);
  });

  it("stays well under a millisecond per draft", () => {
    const draft = {
      title: "Become the bank first-time buyers in Leeds trust with their first mortgage",
      keyResults: Array.from({ length: 5 }, (_, i) => ({
        title: `Applications from first-time buyers: ${i}00 → 900`,
      })),
    };
    const runs = 2000;
    const started = performance.now();
    for (let i = 0; i < runs; i += 1) lintWording(draft);
    // A generous bound (shared, noisy machines): the real figure is in docs/benchmarks.md.
    expect((performance.now() - started) / runs).toBeLessThan(1);
  });
});

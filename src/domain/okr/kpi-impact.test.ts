import { describe, expect, it } from "vitest";
import { impactSentence, kpiImpact } from "./kpi-impact.ts";

// Weekly values; the cycle is days 0–90, the window after it days 91–181.
const weekly = (from: number, to: number, valueAt: (day: number) => number) => {
  const out: Array<{ day: number; value: number }> = [];
  for (let day = from; day <= to; day += 7) out.push({ day, value: valueAt(day) });
  return out;
};
// A small, fixed wobble so the trend has residuals.
const wobble = (day: number) => [0.4, -0.3, 0.2, -0.5, 0.3, -0.1][Math.abs(day) % 6]!;
const cycle = { cycleStart: 0, cycleEnd: 90 };

describe("kpiImpact", () => {
  it("sees a KPI that rose above its flat trend during and after the cycle as moved", () => {
    const values = [
      ...weekly(-84, -1, (d) => 80 + wobble(d)),
      ...weekly(0, 90, (d) => 80 + (d / 90) * 6 + wobble(d)),
      ...weekly(91, 181, (d) => 86 + wobble(d)),
    ];
    const impact = kpiImpact({ values, direction: "higher_is_better", ...cycle });
    expect(impact.during.verdict).toBe("moved");
    expect(impact.after.verdict).toBe("moved");
    expect(impact.after.change!).toBeGreaterThan(5);
    expect(impact.after.relativeChange!).toBeCloseTo(0.075, 1);
  });

  it("does not credit the Objective for a rise the KPI was already on", () => {
    const values = weekly(-84, 181, (d) => 80 + d * 0.05 + wobble(d));
    const impact = kpiImpact({ values, direction: "higher_is_better", ...cycle });
    expect(impact.during.verdict).toBe("no_visible_effect");
    expect(impact.after.verdict).toBe("no_visible_effect");
  });

  it("calls a rise in a lower-is-better KPI moved the wrong way", () => {
    const values = [
      ...weekly(-84, -1, (d) => 5 + wobble(d) / 10),
      ...weekly(0, 90, (d) => 7 + wobble(d) / 10),
    ];
    const impact = kpiImpact({ values, direction: "lower_is_better", ...cycle });
    expect(impact.during.verdict).toBe("moved_the_wrong_way");
    expect(impact.after.verdict).toBe("not_enough_data");
  });

  it("needs four values before the cycle and two in a window", () => {
    const values = [...weekly(-21, -1, () => 10), ...weekly(0, 90, () => 12)];
    expect(kpiImpact({ values, direction: "higher_is_better", ...cycle }).during.verdict).toBe(
      "not_enough_data",
    );
  });

  it("moves the after window by the lag, in cycles", () => {
    const values = weekly(-84, 400, (d) => 50 + wobble(d));
    const impact = kpiImpact({ values, direction: "higher_is_better", ...cycle, lagCycles: 2 });
    expect(impact.afterWindow).toEqual([182, 272]);
  });

  it("words it honestly", () => {
    const values = [...weekly(-84, -1, (d) => 80 + wobble(d)), ...weekly(0, 90, (d) => 86 + wobble(d))];
    const impact = kpiImpact({ values, direction: "higher_is_better", ...cycle });
    expect(impactSentence("On-time delivery", "during", impact.during)).toMatch(
      /^On-time delivery moved during the cycle: 7\.\d % above its earlier trend\. This is a change at the same time as the Objective, not proof/,
    );
    expect(impactSentence("On-time delivery", "after", impact.after)).toBe(
      "On-time delivery: not enough values after the cycle to tell.",
    );
  });
});

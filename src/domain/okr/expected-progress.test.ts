import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../dates.ts";
import {
  cycleLengthDays,
  cyclePhase,
  elapsedCycleDays,
  expectedProgress,
  paceWindow,
} from "./expected-progress.ts";

// Q3 2026: 1 July – 30 September, 92 days.
const q3 = { startsOn: "2026-07-01", endsOn: "2026-09-30" };

describe("expected progress", () => {
  it("counts both the first and the last day of a cycle", () => {
    expect(cycleLengthDays(q3)).toBe(92);
    expect(cycleLengthDays({ startsOn: "2028-01-01", endsOn: "2028-03-31" })).toBe(91); // leap year
  });

  it("is 0 before the cycle and 1 after it", () => {
    expect(expectedProgress(q3, "2026-06-30")).toBe(0);
    expect(expectedProgress(q3, "2025-12-01")).toBe(0);
    expect(expectedProgress(q3, "2026-10-01")).toBe(1);
    expect(expectedProgress(q3, "2027-03-01")).toBe(1);
  });

  it("counts today as elapsed: one day's share on the first day, all of it on the last", () => {
    expect(elapsedCycleDays(q3, "2026-07-01")).toBe(1);
    expect(expectedProgress(q3, "2026-07-01")).toBe(0.0109); // 1/92
    expect(expectedProgress(q3, "2026-09-29")).toBe(0.9891); // 91/92
    expect(expectedProgress(q3, "2026-09-30")).toBe(1);
  });

  it("is half-way in the middle of the cycle", () => {
    expect(expectedProgress(q3, "2026-08-15")).toBe(0.5); // day 46 of 92
  });

  it("handles a one-day cycle", () => {
    const hackDay = { startsOn: "2026-11-20", endsOn: "2026-11-20" };
    expect(expectedProgress(hackDay, "2026-11-19")).toBe(0);
    expect(expectedProgress(hackDay, "2026-11-20")).toBe(1);
  });

  it("tells where today falls", () => {
    expect(cyclePhase(q3, "2026-06-30")).toBe("before");
    expect(cyclePhase(q3, "2026-07-01")).toBe("running");
    expect(cyclePhase(q3, "2026-09-30")).toBe("running");
    expect(cyclePhase(q3, "2026-10-01")).toBe("after");
  });

  it("refuses malformed dates and cycles that end before they start", () => {
    expect(() => expectedProgress(q3, "2026-02-30")).toThrow(RangeError);
    expect(() => expectedProgress(q3, "15/08/2026")).toThrow(RangeError);
    expect(() => expectedProgress({ startsOn: "2026-09-30", endsOn: "2026-07-01" }, "2026-08-01")).toThrow(
      /before it starts/,
    );
  });

  it("never goes down as days pass, and stays within [0, 1]", () => {
    const day = fc.integer({ min: -400, max: 400 }).map((n) => addDays("2026-07-01", n));
    const length = fc.integer({ min: 1, max: 400 });
    fc.assert(
      fc.property(length, day, day, (days, a, b) => {
        const cycle = { startsOn: "2026-07-01", endsOn: addDays("2026-07-01", days - 1) };
        const [earlier, later] = a <= b ? [a, b] : [b, a];
        const early = expectedProgress(cycle, earlier);
        const late = expectedProgress(cycle, later);
        return early <= late && early >= 0 && late <= 1;
      }),
    );
  });
});

describe("paceWindow", () => {
  const q3 = { startsOn: "2026-07-01", endsOn: "2026-09-30" };
  it("starts on the activation day when it is inside the cycle", () => {
    expect(paceWindow(q3, "2026-08-15")).toEqual({ startsOn: "2026-08-15", endsOn: "2026-09-30" });
    expect(expectedProgress(paceWindow(q3, "2026-08-15"), "2026-08-15")).toBe(0.0213);
  });
  it("is the whole cycle when activated before it or never", () => {
    expect(paceWindow(q3, "2026-06-01")).toEqual(q3);
    expect(paceWindow(q3, null)).toEqual(q3);
  });
  it("is the last day alone when activated after the cycle ended", () => {
    expect(paceWindow(q3, "2026-10-05")).toEqual({ startsOn: "2026-09-30", endsOn: "2026-09-30" });
  });
});

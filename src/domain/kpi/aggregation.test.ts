import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../dates.ts";
import { aggregate, rollUp, valueForPeriod } from "./aggregation.ts";
import type { MeasuredPeriod, PeriodOptions } from "./types.ts";

const opts: PeriodOptions = { weekStart: 1, fiscalYearStartMonth: 1 };
const aprilFiscalYear: PeriodOptions = { weekStart: 1, fiscalYearStartMonth: 4 };

/** Daily values from `from`, one per day. */
const daily = (from: string, values: number[]): MeasuredPeriod[] =>
  values.map((value, i) => ({ periodStart: addDays(from, i), value }));

describe("aggregating values", () => {
  const values = [4, 9, 2, 7];

  it("combines values each way", () => {
    expect(aggregate(values, "sum")).toBe(22);
    expect(aggregate(values, "average")).toBe(5.5);
    expect(aggregate(values, "last")).toBe(7);
    expect(aggregate(values, "min")).toBe(2);
    expect(aggregate(values, "max")).toBe(9);
  });

  it("has nothing to combine without values", () => {
    for (const kind of ["sum", "average", "last", "min", "max"] as const)
      expect(aggregate([], kind)).toBeNull();
  });

  it("takes the last value in the order given", () => {
    expect(aggregate([7, 2, 9], "last")).toBe(9);
    expect(aggregate([-3], "last")).toBe(-3);
  });

  it("handles many values without running out of stack", () => {
    const many = Array.from({ length: 500_000 }, (_, i) => i);
    expect(aggregate(many, "max")).toBe(499_999);
    expect(aggregate(many, "min")).toBe(0);
  });
});

describe("a KPI's value for another KPI's period", () => {
  // Daily orders, 1–3 and 30–31 January 2026, 1 February 2026.
  const orders = {
    measurements: [...daily("2026-01-30", [30, 31, 1]), ...daily("2026-01-01", [10, 20, 30])],
    frequency: "daily" as const,
    aggregation: "sum" as const,
  };

  it("adds up finer periods inside the target period", () => {
    expect(valueForPeriod(orders, { periodStart: "2026-01-01", frequency: "monthly" })).toBe(121);
    expect(valueForPeriod(orders, { periodStart: "2026-02-01", frequency: "monthly" })).toBe(1);
    expect(valueForPeriod(orders, { periodStart: "2026-01-01", frequency: "quarterly" })).toBe(122);
  });

  it("uses the input KPI's own aggregation, in time order", () => {
    const headcount = { ...orders, aggregation: "last" as const };
    expect(valueForPeriod(headcount, { periodStart: "2026-01-01", frequency: "monthly" })).toBe(31);
    const average = { ...orders, aggregation: "average" as const };
    expect(valueForPeriod(average, { periodStart: "2026-01-01", frequency: "monthly" })).toBe(121 / 5);
  });

  it("has no value for a target period with no finer values", () => {
    expect(valueForPeriod(orders, { periodStart: "2026-03-01", frequency: "monthly" })).toBeNull();
  });

  it("counts a week in the month it starts in", () => {
    const weeklySignups = {
      measurements: [
        { periodStart: "2026-03-23", value: 5 },
        { periodStart: "2026-03-30", value: 7 }, // runs to 5 April
        { periodStart: "2026-04-06", value: 11 },
      ],
      frequency: "weekly" as const,
      aggregation: "sum" as const,
    };
    expect(valueForPeriod(weeklySignups, { periodStart: "2026-03-01", frequency: "monthly" })).toBe(12);
    expect(valueForPeriod(weeklySignups, { periodStart: "2026-04-01", frequency: "monthly" })).toBe(11);
  });

  it("takes the same period's value at the same frequency", () => {
    expect(valueForPeriod(orders, { periodStart: "2026-01-02", frequency: "daily" })).toBe(20);
    expect(valueForPeriod(orders, { periodStart: "2026-01-04", frequency: "daily" })).toBeNull();
  });

  it("gives a finer target the value of the coarser period containing its start", () => {
    const monthlyPrice = {
      measurements: [
        { periodStart: "2026-04-01", value: 12 },
        { periodStart: "2026-03-01", value: 10 },
      ],
      frequency: "monthly" as const,
      aggregation: "average" as const,
    };
    expect(valueForPeriod(monthlyPrice, { periodStart: "2026-03-30", frequency: "weekly" })).toBe(10);
    expect(valueForPeriod(monthlyPrice, { periodStart: "2026-04-06", frequency: "weekly" })).toBe(12);
    expect(valueForPeriod(monthlyPrice, { periodStart: "2026-04-30", frequency: "daily" })).toBe(12);
    // May has no value; April's does not carry over.
    expect(valueForPeriod(monthlyPrice, { periodStart: "2026-05-04", frequency: "weekly" })).toBeNull();
    expect(valueForPeriod(monthlyPrice, { periodStart: "2026-02-23", frequency: "weekly" })).toBeNull();
  });

  it("reads a fiscal quarter's value for a month inside it", () => {
    const quarterlyBudget = {
      measurements: [{ periodStart: "2026-01-01", value: 300 }], // Q4 of an April fiscal year
      frequency: "quarterly" as const,
      aggregation: "sum" as const,
    };
    expect(valueForPeriod(quarterlyBudget, { periodStart: "2026-03-01", frequency: "monthly" })).toBe(300);
    expect(valueForPeriod(quarterlyBudget, { periodStart: "2026-04-01", frequency: "monthly" })).toBeNull();
  });
});

describe("rolling values up for charts", () => {
  it("rolls daily values into months, oldest first", () => {
    const values = [...daily("2026-02-27", [1, 2, 3, 4]), ...daily("2026-01-31", [9])];
    expect(rollUp(values, "daily", "monthly", "sum", opts)).toEqual([
      { periodStart: "2026-01-01", value: 9 },
      { periodStart: "2026-02-01", value: 3 },
      { periodStart: "2026-03-01", value: 7 },
    ]);
    expect(rollUp(values, "daily", "monthly", "max", opts).map((p) => p.value)).toEqual([9, 2, 4]);
    expect(rollUp(values, "daily", "monthly", "last", opts).map((p) => p.value)).toEqual([9, 2, 4]);
  });

  it("rolls daily values into the organisation's weeks across a year end", () => {
    // Sunday weeks: 2026-12-27 (Sun) … 2027-01-02 (Sat), then 2027-01-03.
    const values = daily("2026-12-26", [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(rollUp(values, "daily", "weekly", "average", { ...opts, weekStart: 7 })).toEqual([
      { periodStart: "2026-12-20", value: 1 },
      { periodStart: "2026-12-27", value: 5 },
      { periodStart: "2027-01-03", value: 9 },
    ]);
  });

  it("rolls months into fiscal quarters", () => {
    const months = ["2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01"].map((periodStart, i) => ({
      periodStart,
      value: (i + 1) * 10,
    }));
    expect(rollUp(months, "monthly", "quarterly", "sum", aprilFiscalYear)).toEqual([
      { periodStart: "2026-01-01", value: 30 },
      { periodStart: "2026-04-01", value: 70 },
    ]);
    expect(rollUp(months, "monthly", "quarterly", "min", opts)).toEqual([
      { periodStart: "2026-01-01", value: 10 },
      { periodStart: "2026-04-01", value: 30 },
    ]);
  });

  it("sorts but keeps values at the same frequency, and refuses to roll down", () => {
    const values = [
      { periodStart: "2026-02-01", value: 2 },
      { periodStart: "2026-01-01", value: 1 },
    ];
    expect(rollUp(values, "monthly", "monthly", "sum", opts)).toEqual([...values].reverse());
    expect(() => rollUp(values, "monthly", "weekly", "sum", opts)).toThrow(/weekly is finer/);
  });

  it("keeps the total of a summed KPI whatever the grouping", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 120 }),
        fc.constantFrom("weekly", "monthly", "quarterly" as const),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 12 }),
        (values, to, weekStart, fiscalYearStartMonth) => {
          const rolled = rollUp(daily("2026-11-15", values), "daily", to, "sum", {
            weekStart,
            fiscalYearStartMonth,
          });
          expect(rolled.reduce((sum, p) => sum + p.value, 0)).toBe(values.reduce((sum, v) => sum + v, 0));
          for (const { periodStart, value } of rolled) {
            expect(
              valueForPeriod(
                { measurements: daily("2026-11-15", values), frequency: "daily", aggregation: "sum" },
                { periodStart, frequency: to },
              ),
            ).toBe(value);
          }
        },
      ),
    );
  });
});

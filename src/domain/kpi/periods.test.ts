import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween } from "../dates.ts";
import {
  GRACE_DAYS,
  isPeriodStart,
  latestDuePeriod,
  nextPeriodStart,
  periodDueDate,
  periodEnd,
  periodLabel,
  periodStartOf,
  periodsBetween,
  previousPeriodStart,
} from "./periods.ts";
import { FREQUENCIES, type PeriodOptions } from "./types.ts";

const mondayWeeks: PeriodOptions = { weekStart: 1, fiscalYearStartMonth: 1 };
const sundayWeeks: PeriodOptions = { weekStart: 7, fiscalYearStartMonth: 1 };
const aprilFiscalYear: PeriodOptions = { weekStart: 1, fiscalYearStartMonth: 4 };

const anyDate = fc
  .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2090-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const anyOptions = fc.record({
  weekStart: fc.integer({ min: 1, max: 7 }),
  fiscalYearStartMonth: fc.integer({ min: 1, max: 12 }),
});

describe("period starts", () => {
  it("keeps a daily period as the day itself", () => {
    expect(periodStartOf("2026-11-25", "daily", mondayWeeks)).toBe("2026-11-25");
  });

  it("starts weeks on the organisation's week start day", () => {
    // 2026-11-25 is a Wednesday.
    expect(periodStartOf("2026-11-25", "weekly", mondayWeeks)).toBe("2026-11-23");
    expect(periodStartOf("2026-11-25", "weekly", sundayWeeks)).toBe("2026-11-22");
    expect(periodStartOf("2026-11-22", "weekly", sundayWeeks)).toBe("2026-11-22");
    expect(periodStartOf("2026-11-22", "weekly", mondayWeeks)).toBe("2026-11-16");
    expect(periodStartOf("2026-11-25", "weekly", { ...mondayWeeks, weekStart: 6 })).toBe("2026-11-21");
  });

  it("starts a week in the previous year when the year begins mid-week", () => {
    // 2027-01-01 is a Friday.
    expect(periodStartOf("2027-01-01", "weekly", mondayWeeks)).toBe("2026-12-28");
    expect(periodStartOf("2027-01-02", "weekly", sundayWeeks)).toBe("2026-12-27");
  });

  it("starts months on the 1st", () => {
    expect(periodStartOf("2026-02-28", "monthly", mondayWeeks)).toBe("2026-02-01");
    expect(periodStartOf("2028-02-29", "monthly", mondayWeeks)).toBe("2028-02-01");
  });

  it("starts calendar quarters in January, April, July and October", () => {
    expect(periodStartOf("2026-03-31", "quarterly", mondayWeeks)).toBe("2026-01-01");
    expect(periodStartOf("2026-04-01", "quarterly", mondayWeeks)).toBe("2026-04-01");
    expect(periodStartOf("2026-12-31", "quarterly", mondayWeeks)).toBe("2026-10-01");
  });

  it("follows a fiscal year starting in April, with the last quarter across the year end", () => {
    expect(periodStartOf("2026-04-15", "quarterly", aprilFiscalYear)).toBe("2026-04-01");
    expect(periodStartOf("2026-09-30", "quarterly", aprilFiscalYear)).toBe("2026-07-01");
    expect(periodStartOf("2027-02-28", "quarterly", aprilFiscalYear)).toBe("2027-01-01");
    expect(periodStartOf("2026-12-31", "quarterly", aprilFiscalYear)).toBe("2026-10-01");
  });

  it("follows a fiscal year starting in February, whose quarter starts in November", () => {
    const february = { ...mondayWeeks, fiscalYearStartMonth: 2 };
    expect(periodStartOf("2027-01-20", "quarterly", february)).toBe("2026-11-01");
    expect(periodStartOf("2027-02-01", "quarterly", february)).toBe("2027-02-01");
  });

  it("says whether a date starts a period", () => {
    expect(isPeriodStart("2026-11-23", "weekly", mondayWeeks)).toBe(true);
    expect(isPeriodStart("2026-11-23", "weekly", sundayWeeks)).toBe(false);
    expect(isPeriodStart("2026-04-01", "quarterly", aprilFiscalYear)).toBe(true);
    expect(isPeriodStart("2026-05-01", "quarterly", aprilFiscalYear)).toBe(false);
    expect(isPeriodStart("2026-05-01", "monthly", aprilFiscalYear)).toBe(true);
  });

  it("refuses dates and settings that do not exist", () => {
    expect(() => periodStartOf("2026-02-30", "daily", mondayWeeks)).toThrow(RangeError);
    expect(() => periodStartOf("2026-02-01", "weekly", { ...mondayWeeks, weekStart: 0 })).toThrow(
      /weekStart/,
    );
    expect(() =>
      periodStartOf("2026-02-01", "quarterly", { ...mondayWeeks, fiscalYearStartMonth: 13 }),
    ).toThrow(/fiscalYearStartMonth/);
  });

  it("always returns a period start on or before the date, less than one period before", () => {
    fc.assert(
      fc.property(anyDate, anyOptions, fc.constantFrom(...FREQUENCIES), (date, opts, frequency) => {
        const start = periodStartOf(date, frequency, opts);
        expect(start <= date).toBe(true);
        expect(periodEnd(start, frequency) >= date).toBe(true);
        expect(isPeriodStart(start, frequency, opts)).toBe(true);
        expect(periodStartOf(nextPeriodStart(start, frequency), frequency, opts)).toBe(
          nextPeriodStart(start, frequency),
        );
      }),
    );
  });
});

describe("stepping between periods", () => {
  it("steps days, weeks, months and quarters across year ends", () => {
    expect(nextPeriodStart("2026-12-31", "daily")).toBe("2027-01-01");
    expect(nextPeriodStart("2026-12-28", "weekly")).toBe("2027-01-04");
    expect(nextPeriodStart("2026-12-01", "monthly")).toBe("2027-01-01");
    expect(nextPeriodStart("2026-11-01", "quarterly")).toBe("2027-02-01");
    expect(previousPeriodStart("2027-01-01", "daily")).toBe("2026-12-31");
    expect(previousPeriodStart("2027-01-04", "weekly")).toBe("2026-12-28");
    expect(previousPeriodStart("2027-01-01", "monthly")).toBe("2026-12-01");
    expect(previousPeriodStart("2027-01-01", "quarterly")).toBe("2026-10-01");
    expect(previousPeriodStart("2027-02-01", "quarterly")).toBe("2026-11-01");
  });

  it("ends periods on their last day, leap days included", () => {
    expect(periodEnd("2028-02-01", "monthly")).toBe("2028-02-29");
    expect(periodEnd("2026-02-01", "monthly")).toBe("2026-02-28");
    expect(periodEnd("2028-01-01", "quarterly")).toBe("2028-03-31");
    expect(periodEnd("2026-10-01", "quarterly")).toBe("2026-12-31");
    expect(periodEnd("2026-12-28", "weekly")).toBe("2027-01-03");
    expect(periodEnd("2028-02-29", "daily")).toBe("2028-02-29");
  });

  it("refuses to step a month or quarter from a day other than the 1st", () => {
    expect(() => nextPeriodStart("2026-01-31", "monthly")).toThrow(/1st of a month/);
    expect(() => periodEnd("2026-04-15", "quarterly")).toThrow(RangeError);
  });

  it("steps back and forth to the same period", () => {
    fc.assert(
      fc.property(anyDate, anyOptions, fc.constantFrom(...FREQUENCIES), (date, opts, frequency) => {
        const start = periodStartOf(date, frequency, opts);
        expect(previousPeriodStart(nextPeriodStart(start, frequency), frequency)).toBe(start);
        expect(nextPeriodStart(previousPeriodStart(start, frequency), frequency)).toBe(start);
      }),
    );
  });
});

describe("periods between two dates", () => {
  it("lists every period overlapping the range, including partial ones at both ends", () => {
    expect(periodsBetween("2026-11-15", "2027-02-03", "monthly", mondayWeeks)).toEqual([
      "2026-11-01",
      "2026-12-01",
      "2027-01-01",
      "2027-02-01",
    ]);
    expect(periodsBetween("2026-12-30", "2027-01-05", "weekly", sundayWeeks)).toEqual([
      "2026-12-27",
      "2027-01-03",
    ]);
    expect(periodsBetween("2026-03-01", "2027-03-31", "quarterly", aprilFiscalYear)).toEqual([
      "2026-01-01",
      "2026-04-01",
      "2026-07-01",
      "2026-10-01",
      "2027-01-01",
    ]);
  });

  it("lists single days in a leap February", () => {
    expect(periodsBetween("2028-02-27", "2028-03-01", "daily", mondayWeeks)).toEqual([
      "2028-02-27",
      "2028-02-28",
      "2028-02-29",
      "2028-03-01",
    ]);
  });

  it("gives one period for a one-day range and none for a backwards range", () => {
    expect(periodsBetween("2026-05-05", "2026-05-05", "monthly", mondayWeeks)).toEqual(["2026-05-01"]);
    expect(periodsBetween("2026-05-05", "2026-05-04", "daily", mondayWeeks)).toEqual([]);
  });

  it("covers the range with consecutive periods and nothing else", () => {
    fc.assert(
      fc.property(
        anyDate,
        fc.integer({ min: 0, max: 400 }),
        anyOptions,
        fc.constantFrom(...FREQUENCIES),
        (from, days, opts, frequency) => {
          const to = addDays(from, days);
          const starts = periodsBetween(from, to, frequency, opts);
          expect(starts[0]).toBe(periodStartOf(from, frequency, opts));
          expect(starts.at(-1)).toBe(periodStartOf(to, frequency, opts));
          for (let i = 1; i < starts.length; i++) {
            expect(starts[i]).toBe(nextPeriodStart(starts[i - 1]!, frequency));
          }
        },
      ),
    );
  });
});

describe("due dates and the latest due period", () => {
  it("gives each frequency its documented grace after the period's last day", () => {
    expect(GRACE_DAYS).toEqual({ daily: 1, weekly: 2, monthly: 10, quarterly: 30 });
    expect(periodDueDate("2026-11-23", "daily")).toBe("2026-11-24");
    expect(periodDueDate("2026-11-23", "weekly")).toBe("2026-12-01");
    expect(periodDueDate("2026-11-01", "monthly")).toBe("2026-12-10");
    expect(periodDueDate("2026-10-01", "quarterly")).toBe("2027-01-30");
    expect(periodDueDate("2028-02-01", "monthly")).toBe("2028-03-10");
  });

  it("keeps last month pending until its grace has passed", () => {
    expect(latestDuePeriod("2026-12-10", "monthly", mondayWeeks)).toBe("2026-10-01");
    expect(latestDuePeriod("2026-12-11", "monthly", mondayWeeks)).toBe("2026-11-01");
    expect(latestDuePeriod("2026-12-31", "monthly", mondayWeeks)).toBe("2026-11-01");
  });

  it("expects yesterday's daily figure from the day after tomorrow", () => {
    expect(latestDuePeriod("2026-11-23", "daily", mondayWeeks)).toBe("2026-11-21");
    expect(latestDuePeriod("2027-01-01", "daily", mondayWeeks)).toBe("2026-12-30");
  });

  it("counts weekly grace from the organisation's week end", () => {
    // Week of Mon 2026-11-16 ends Sun 11-22, due Tue 11-24.
    expect(latestDuePeriod("2026-11-24", "weekly", mondayWeeks)).toBe("2026-11-09");
    expect(latestDuePeriod("2026-11-25", "weekly", mondayWeeks)).toBe("2026-11-16");
    // Week of Sun 2026-11-15 ends Sat 11-21, due Mon 11-23.
    expect(latestDuePeriod("2026-11-24", "weekly", sundayWeeks)).toBe("2026-11-15");
  });

  it("waits 30 days after a fiscal quarter, across the calendar year end", () => {
    // April fiscal year: Q3 is Oct–Dec 2026, due 2027-01-30.
    expect(latestDuePeriod("2027-01-30", "quarterly", aprilFiscalYear)).toBe("2026-07-01");
    expect(latestDuePeriod("2027-01-31", "quarterly", aprilFiscalYear)).toBe("2026-10-01");
  });

  it("always returns a period due before today whose successor is not", () => {
    fc.assert(
      fc.property(anyDate, anyOptions, fc.constantFrom(...FREQUENCIES), (today, opts, frequency) => {
        const due = latestDuePeriod(today, frequency, opts);
        expect(isPeriodStart(due, frequency, opts)).toBe(true);
        expect(periodDueDate(due, frequency) < today).toBe(true);
        expect(periodDueDate(nextPeriodStart(due, frequency), frequency) >= today).toBe(true);
        expect(daysBetween(periodEnd(due, frequency), today)).toBeGreaterThan(GRACE_DAYS[frequency]);
      }),
    );
  });
});

describe("period labels", () => {
  it("names days, weeks and months", () => {
    expect(periodLabel("2026-11-23", "daily")).toBe("2026-11-23");
    expect(periodLabel("2026-11-23", "weekly")).toBe("Week of 2026-11-23");
    expect(periodLabel("2026-11-01", "monthly")).toBe("Nov 2026");
    expect(periodLabel("2027-01-01", "monthly")).toBe("Jan 2027");
  });

  it("names quarters as the OKR cycles of the same fiscal quarter are named", () => {
    expect(periodLabel("2026-07-01", "quarterly")).toBe("Q3 2026");
    expect(periodLabel("2026-07-01", "quarterly", mondayWeeks)).toBe("Q3 2026");
    expect(periodLabel("2026-04-01", "quarterly", aprilFiscalYear)).toBe("Q1 FY2026/27");
    expect(periodLabel("2026-10-01", "quarterly", aprilFiscalYear)).toBe("Q3 FY2026/27");
    // January–March belongs to the fiscal year that began the April before.
    expect(periodLabel("2027-01-01", "quarterly", aprilFiscalYear)).toBe("Q4 FY2026/27");
  });
});

import { describe, expect, it } from "vitest";
import {
  firstRunCycles,
  fiscalQuartersAround,
  fiscalStartMonthForQuarterIn,
  fiscalYearCycles,
  fiscalYearOf,
} from "./fiscal-cycles.ts";

describe("fiscalYearCycles", () => {
  it("generates calendar quarters for a January fiscal year", () => {
    const cycles = fiscalYearCycles(2027, 1);
    expect(cycles.map((c) => [c.name, c.startsOn, c.endsOn])).toEqual([
      ["FY2027", "2027-01-01", "2027-12-31"],
      ["Q1 2027", "2027-01-01", "2027-03-31"],
      ["Q2 2027", "2027-04-01", "2027-06-30"],
      ["Q3 2027", "2027-07-01", "2027-09-30"],
      ["Q4 2027", "2027-10-01", "2027-12-31"],
    ]);
  });
  it("wraps quarters into the next calendar year for an April start", () => {
    const cycles = fiscalYearCycles(2026, 4);
    expect(cycles[0]).toMatchObject({ name: "FY2026/27", startsOn: "2026-04-01", endsOn: "2027-03-31" });
    expect(cycles[4]).toMatchObject({ name: "Q4 FY2026/27", startsOn: "2027-01-01", endsOn: "2027-03-31" });
  });
  it("handles leap years in February-ending quarters", () => {
    const q = fiscalYearCycles(2027, 12)[1];
    expect(q).toMatchObject({ startsOn: "2027-12-01", endsOn: "2028-02-29" });
  });
  it("rejects a month outside 1–12", () => {
    expect(() => fiscalYearCycles(2027, 13)).toThrow(RangeError);
  });
  it("finds the fiscal year containing a date", () => {
    expect(fiscalYearOf("2027-03-31", 4)).toBe(2026);
    expect(fiscalYearOf("2027-04-01", 4)).toBe(2027);
    expect(fiscalYearOf("2027-06-15", 1)).toBe(2027);
  });
});

describe("fiscalQuartersAround", () => {
  it("finds the running fiscal quarter and its neighbours across fiscal years", () => {
    const calendar = fiscalQuartersAround("2026-12-07", 1);
    expect([calendar.previous.name, calendar.current.name, calendar.next.name]).toEqual([
      "Q3 2026",
      "Q4 2026",
      "Q1 2027",
    ]);
    expect(calendar.current).toMatchObject({ startsOn: "2026-10-01", endsOn: "2026-12-31" });
    const february = fiscalQuartersAround("2027-01-20", 2);
    expect(february.previous).toMatchObject({ name: "Q3 FY2026/27", startsOn: "2026-08-01" });
    expect(february.current).toMatchObject({
      name: "Q4 FY2026/27",
      startsOn: "2026-11-01",
      endsOn: "2027-01-31",
    });
    expect(february.next).toMatchObject({ name: "Q1 FY2027/28", startsOn: "2027-02-01" });
  });
});

describe("fiscalStartMonthForQuarterIn", () => {
  const range = { minDays: 35, maxDays: 70, preferredDays: 49 };
  const elapsed = (today: string, month: number) =>
    (Date.parse(today) - Date.parse(fiscalQuartersAround(today, month).current.startsOn)) / 86_400_000;

  it("keeps calendar quarters when the running one is 5–10 weeks in", () => {
    expect(fiscalStartMonthForQuarterIn("2026-12-07", range)).toBe(1); // 67 days into Q4
    expect(fiscalStartMonthForQuarterIn("2026-05-20", range)).toBe(1); // 49 days into Q2
  });

  it("moves the fiscal year when calendar quarters are too fresh or too old", () => {
    // 6 January: Q1 is 5 days old; a quarter from 1 December (March start) is 36 days in,
    // nearer seven weeks than one from 1 November (February start, 66 days).
    expect(fiscalStartMonthForQuarterIn("2027-01-06", range)).toBe(3);
    // 15 March: Q1 is 73 days old; a quarter from 1 February is 42 days in (Feb start), and
    // one from 1 December (Mar start) 104 days: February it is.
    expect(fiscalStartMonthForQuarterIn("2027-03-15", range)).toBe(2);
  });

  it("always lands 35–70 days into the running quarter, on every day of several years", () => {
    for (let day = Date.parse("2026-01-01"); day < Date.parse("2029-01-01"); day += 86_400_000) {
      const today = new Date(day).toISOString().slice(0, 10);
      const days = elapsed(today, fiscalStartMonthForQuarterIn(today, range));
      expect(days, today).toBeGreaterThanOrEqual(35);
      expect(days, today).toBeLessThanOrEqual(70);
    }
  });
});

describe("firstRunCycles", () => {
  const summary = (today: string, startMonth: number) =>
    firstRunCycles(today, startMonth).map((c) => `${c.name} ${c.startsOn}…${c.endsOn} ${c.state}`);

  it("on 7 December: this year and Q4 active, next year and its Q1 in planning, nothing past", () => {
    expect(summary("2026-12-07", 1)).toEqual([
      "FY2026 2026-01-01…2026-12-31 active",
      "Q4 2026 2026-10-01…2026-12-31 active",
      "FY2027 2027-01-01…2027-12-31 planning",
      "Q1 2027 2027-01-01…2027-03-31 planning",
    ]);
  });

  it("mid-year: the running year and quarter active, the next quarter in planning", () => {
    expect(summary("2026-05-14", 1)).toEqual([
      "FY2026 2026-01-01…2026-12-31 active",
      "Q2 2026 2026-04-01…2026-06-30 active",
      "Q3 2026 2026-07-01…2026-09-30 planning",
    ]);
  });

  it("follows the fiscal-year start month", () => {
    expect(summary("2026-12-07", 4)).toEqual([
      "FY2026/27 2026-04-01…2027-03-31 active",
      "Q3 FY2026/27 2026-10-01…2026-12-31 active",
      "Q4 FY2026/27 2027-01-01…2027-03-31 planning",
    ]);
    expect(summary("2027-02-01", 4)).toEqual([
      "FY2026/27 2026-04-01…2027-03-31 active",
      "Q4 FY2026/27 2027-01-01…2027-03-31 active",
      "FY2027/28 2027-04-01…2028-03-31 planning",
      "Q1 FY2027/28 2027-04-01…2027-06-30 planning",
    ]);
  });
});

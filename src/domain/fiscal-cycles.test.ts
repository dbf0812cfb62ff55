import { describe, expect, it } from "vitest";
import { fiscalYearCycles, fiscalYearOf } from "./fiscal-cycles.ts";

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

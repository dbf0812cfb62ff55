import { describe, expect, it } from "vitest";
import { addDays, daysBetween, todayIn } from "./dates.ts";

describe("dates", () => {
  it("computes today in the organisation's time zone, not the server's", () => {
    const instant = new Date("2026-11-23T23:30:00Z");
    expect(todayIn("UTC", instant)).toBe("2026-11-23");
    expect(todayIn("Europe/Berlin", instant)).toBe("2026-11-24");
    expect(todayIn("America/Los_Angeles", instant)).toBe("2026-11-23");
  });
  it("adds days across months and leap days", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysBetween("2026-01-01", "2026-03-01")).toBe(59);
  });
});

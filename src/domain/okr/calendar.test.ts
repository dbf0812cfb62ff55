import { describe, expect, it } from "vitest";
import { assertCalendarDate, isCalendarDate, isoWeekday } from "./calendar.ts";

describe("calendar dates", () => {
  it("accepts real YYYY-MM-DD dates only", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("2026-13-01")).toBe(false);
    expect(isCalendarDate("2026-7-1")).toBe(false);
    expect(isCalendarDate("2026-07-01T00:00:00Z")).toBe(false);
    expect(() => assertCalendarDate("yesterday", "lastCheckInOn")).toThrow(/lastCheckInOn/);
  });

  it("numbers weekdays Monday 1 to Sunday 7", () => {
    expect(isoWeekday("2026-11-23")).toBe(1);
    expect(isoWeekday("2026-11-28")).toBe(6);
    expect(isoWeekday("2026-11-29")).toBe(7);
  });
});

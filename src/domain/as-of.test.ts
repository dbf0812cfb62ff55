import { describe, expect, it } from "vitest";
import { endOfDayIn, startOfDayIn } from "./as-of.ts";
import { todayIn } from "./dates.ts";

describe("as of a date", () => {
  it("ends the day at the organisation's midnight, not UTC's", () => {
    expect(endOfDayIn("UTC", "2026-03-10").toISOString()).toBe("2026-03-10T23:59:59.999Z");
    expect(endOfDayIn("Europe/Amsterdam", "2026-01-15").toISOString()).toBe("2026-01-15T22:59:59.999Z");
    expect(endOfDayIn("America/New_York", "2026-07-01").toISOString()).toBe("2026-07-02T03:59:59.999Z");
    expect(endOfDayIn("Asia/Kolkata", "2026-07-01").toISOString()).toBe("2026-07-01T18:29:59.999Z");
  });

  it("counts a day that daylight saving shortens or lengthens as the zone does", () => {
    // Amsterdam moves to summer time on 29 March 2026 and back on 25 October 2026.
    expect(startOfDayIn("Europe/Amsterdam", "2026-03-30").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(endOfDayIn("Europe/Amsterdam", "2026-03-29").toISOString()).toBe("2026-03-29T21:59:59.999Z");
    expect(endOfDayIn("Europe/Amsterdam", "2026-10-25").toISOString()).toBe("2026-10-25T22:59:59.999Z");
  });

  it("its last millisecond is still that day in the zone, the next one is not", () => {
    for (const zone of ["Pacific/Auckland", "America/Los_Angeles", "Asia/Kathmandu", "UTC"]) {
      const end = endOfDayIn(zone, "2026-11-01");
      expect(todayIn(zone, end)).toBe("2026-11-01");
      expect(todayIn(zone, new Date(end.getTime() + 1))).toBe("2026-11-02");
    }
  });
});

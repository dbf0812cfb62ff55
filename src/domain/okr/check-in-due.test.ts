import { describe, expect, it } from "vitest";
import { type CheckInDueInput, checkInDue, weekStartOf } from "./check-in-due.ts";

describe("week start", () => {
  it("finds the Monday of a week that starts on Monday", () => {
    // 2026-11-23 is a Monday.
    expect(weekStartOf("2026-11-23", 1)).toBe("2026-11-23");
    expect(weekStartOf("2026-11-26", 1)).toBe("2026-11-23");
    expect(weekStartOf("2026-11-29", 1)).toBe("2026-11-23"); // Sunday closes the week
  });

  it("finds the Sunday of a week that starts on Sunday", () => {
    expect(weekStartOf("2026-11-29", 7)).toBe("2026-11-29");
    expect(weekStartOf("2026-11-28", 7)).toBe("2026-11-22");
    expect(weekStartOf("2026-11-23", 7)).toBe("2026-11-22");
  });

  it("crosses month and year ends", () => {
    expect(weekStartOf("2027-01-01", 1)).toBe("2026-12-28"); // a Friday
    expect(weekStartOf("2026-03-01", 6)).toBe("2026-02-28"); // Saturday start
  });

  it("refuses a week start outside 1–7 or a malformed date", () => {
    expect(() => weekStartOf("2026-11-23", 0 as 1)).toThrow(RangeError);
    expect(() => weekStartOf("2026-11-31", 1)).toThrow(RangeError);
  });
});

describe("check-in due", () => {
  /** Ana's "Cut onboarding time" KR in Q4 2026. */
  const buildInput = (change: Partial<CheckInDueInput>): CheckInDueInput => ({
    today: "2026-11-25", // Wednesday
    weekStart: 1,
    lastCheckInOn: "2026-11-23",
    expectedSince: "2026-10-01",
    ...change,
  });

  it("is not due once checked in this week", () => {
    expect(checkInDue(buildInput({}))).toEqual({
      due: false,
      overdue: false,
      weekStartsOn: "2026-11-23",
      dueBy: "2026-11-29",
      daysSinceLastCheckIn: 2,
    });
  });

  it("becomes due when a new week starts (Monday weeks)", () => {
    // Checked in on Friday; on Sunday still the same week, on Monday a new one.
    expect(checkInDue(buildInput({ lastCheckInOn: "2026-11-20", today: "2026-11-22" })).due).toBe(false);
    expect(checkInDue(buildInput({ lastCheckInOn: "2026-11-20", today: "2026-11-23" }))).toMatchObject({
      due: true,
      overdue: false,
    });
  });

  it("becomes due when a new week starts (Sunday weeks)", () => {
    const sunday = { weekStart: 7 as const, lastCheckInOn: "2026-11-20" };
    expect(checkInDue(buildInput({ ...sunday, today: "2026-11-21" })).due).toBe(false); // Saturday
    expect(checkInDue(buildInput({ ...sunday, today: "2026-11-22" }))).toMatchObject({
      due: true,
      weekStartsOn: "2026-11-22",
      dueBy: "2026-11-28",
    });
    // A Sunday check-in counts for the Sunday week but not for the Monday week before it closes.
    expect(
      checkInDue(buildInput({ weekStart: 7, lastCheckInOn: "2026-11-22", today: "2026-11-23" })).due,
    ).toBe(false);
    expect(
      checkInDue(buildInput({ weekStart: 1, lastCheckInOn: "2026-11-22", today: "2026-11-23" })).due,
    ).toBe(true);
  });

  it("is overdue after more than 7 days without a check-in", () => {
    expect(checkInDue(buildInput({ lastCheckInOn: "2026-11-18" })).overdue).toBe(false); // 7 days
    expect(checkInDue(buildInput({ lastCheckInOn: "2026-11-17" }))).toMatchObject({
      due: true,
      overdue: true,
      daysSinceLastCheckIn: 8,
    });
  });

  it("counts from when check-ins were expected when there is none yet", () => {
    expect(checkInDue(buildInput({ lastCheckInOn: null, expectedSince: "2026-11-20" }))).toMatchObject({
      due: true,
      overdue: false,
      daysSinceLastCheckIn: null,
    });
    expect(checkInDue(buildInput({ lastCheckInOn: null, expectedSince: "2026-11-17" })).overdue).toBe(true);
  });

  it("asks for nothing before check-ins are expected", () => {
    expect(checkInDue(buildInput({ lastCheckInOn: null, expectedSince: "2026-12-01" }))).toMatchObject({
      due: false,
      overdue: false,
    });
  });

  it("counts a check-in dated after today (a time-zone edge) as done", () => {
    expect(checkInDue(buildInput({ lastCheckInOn: "2026-11-26" }))).toMatchObject({
      due: false,
      overdue: false,
    });
  });
});

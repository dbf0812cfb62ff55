import { describe, expect, it } from "vitest";
import { calendarDate } from "./kpis.ts";

describe("calendarDate", () => {
  const check = calendarDate();
  it.each(["2024-02-29", "2000-02-29", "2026-12-31", "1900-01-01", "2999-12-31"])("takes %s", (date) => {
    expect(check.safeParse(date).success).toBe(true);
  });
  it.each([
    ["2026-02-29", "no 29 February in a common year"],
    ["2100-02-29", "centuries are leap years only every 400 years"],
    ["2026-04-31", "April has 30 days"],
    ["2026-13-01", "there is no 13th month"],
    ["2026-00-10", "nor a month 0"],
    ["2026-01-00", "nor a day 0"],
    ["1899-12-31", "before 1900"],
    ["26-01-01", "two-digit years"],
  ])("refuses %s (%s)", (date) => {
    expect(check.safeParse(date).success).toBe(false);
  });
});

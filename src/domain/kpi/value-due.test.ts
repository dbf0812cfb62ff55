import { describe, expect, it } from "vitest";
import { DEFAULT_PERIOD_OPTIONS } from "./types.ts";
import { kpiValueDue, lastEndedPeriod } from "./value-due.ts";

const periods = DEFAULT_PERIOD_OPTIONS;

describe("the KPI value a person owes", () => {
  it("is last week's on a weekly KPI, due two days after the week ended", () => {
    // Wednesday 2026-12-09: last week ran 2026-11-30 … 12-06, due by Tuesday 12-08.
    const due = kpiValueDue({
      today: "2026-12-09",
      frequency: "weekly",
      periods,
      definedOn: "2026-01-01",
      endedPeriodHasValue: false,
    });
    expect(due).toEqual({ periodStart: "2026-11-30", dueOn: "2026-12-08", overdue: true });
  });

  it("is not overdue on its due date", () => {
    const due = kpiValueDue({
      today: "2026-12-08",
      frequency: "weekly",
      periods,
      definedOn: "2026-01-01",
      endedPeriodHasValue: false,
    });
    expect(due?.overdue).toBe(false);
  });

  it("is nothing once the ended period has a value", () => {
    expect(
      kpiValueDue({
        today: "2026-12-09",
        frequency: "weekly",
        periods,
        definedOn: "2026-01-01",
        endedPeriodHasValue: true,
      }),
    ).toBeNull();
  });

  it("is nothing for a period that ended before the KPI was defined", () => {
    const input = { today: "2026-12-09", frequency: "weekly" as const, periods, endedPeriodHasValue: false };
    expect(kpiValueDue({ ...input, definedOn: "2026-12-07" })).toBeNull();
    // Defined on the ended week's last day: that week is owed.
    expect(kpiValueDue({ ...input, definedOn: "2026-12-06" })?.periodStart).toBe("2026-11-30");
  });

  it("is last month's on a monthly KPI, with ten days' grace", () => {
    const due = kpiValueDue({
      today: "2026-12-07",
      frequency: "monthly",
      periods,
      definedOn: "2025-06-01",
      endedPeriodHasValue: false,
    });
    expect(due).toEqual({ periodStart: "2026-11-01", dueOn: "2026-12-10", overdue: false });
  });

  it("names yesterday as the ended period of a daily KPI", () => {
    expect(lastEndedPeriod("2026-12-07", "daily", periods)).toBe("2026-12-06");
  });
});

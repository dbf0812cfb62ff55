import { describe, expect, it } from "vitest";
import { dueReportSlot, reportPeriodStart } from "./report-slots.ts";

// Amsterdam is UTC+1 in winter: 09:00 there is 08:00 UTC.
const org = { id: "org-1", timeZone: "Europe/Amsterdam", weekStart: 1 as const, reminderHour: 9 };
const weekly = { id: "s-1", frequency: "weekly" as const, createdAt: new Date("2027-01-20T10:00:00Z") };
const monthly = { ...weekly, id: "s-2", frequency: "monthly" as const };

describe("reportPeriodStart", () => {
  it("is the week's first day for weekly reports and the 1st for monthly ones", () => {
    expect(reportPeriodStart("weekly", "2027-03-04", 1)).toBe("2027-03-01");
    expect(reportPeriodStart("weekly", "2027-03-04", 7)).toBe("2027-02-28");
    expect(reportPeriodStart("monthly", "2027-03-31", 1)).toBe("2027-03-01");
  });
});

describe("dueReportSlot", () => {
  it("is nothing before the reminder hour, then the period's slot", () => {
    expect(dueReportSlot(org, weekly, new Date("2027-03-01T07:59:00Z"))).toBeNull();
    expect(dueReportSlot(org, weekly, new Date("2027-03-01T08:00:00Z"))).toEqual({
      slotKey: "report-schedule:org-1:s-1:weekly:2027-03-01",
      periodStartsOn: "2027-03-01",
      today: "2027-03-01",
    });
    expect(dueReportSlot(org, monthly, new Date("2027-03-01T08:00:00Z"))?.slotKey).toBe(
      "report-schedule:org-1:s-2:monthly:2027-03-01",
    );
  });

  it("keeps the period's slot later in the period, for an instance that was down at the hour", () => {
    expect(dueReportSlot(org, weekly, new Date("2027-03-03T10:00:00Z"))?.periodStartsOn).toBe("2027-03-01");
    expect(dueReportSlot(org, monthly, new Date("2027-03-17T10:00:00Z"))?.periodStartsOn).toBe("2027-03-01");
  });

  it("lets a schedule made after its period's hour wait for the next period", () => {
    const lateMonday = { ...weekly, createdAt: new Date("2027-03-01T09:30:00Z") };
    expect(dueReportSlot(org, lateMonday, new Date("2027-03-02T10:00:00Z"))).toBeNull();
    expect(dueReportSlot(org, lateMonday, new Date("2027-03-08T08:00:00Z"))?.periodStartsOn).toBe(
      "2027-03-08",
    );
    const earlyMonday = { ...weekly, createdAt: new Date("2027-03-01T07:30:00Z") };
    expect(dueReportSlot(org, earlyMonday, new Date("2027-03-01T08:05:00Z"))).not.toBeNull();
    const midMonth = { ...monthly, createdAt: new Date("2027-03-07T10:00:00Z") };
    expect(dueReportSlot(org, midMonth, new Date("2027-03-08T08:00:00Z"))).toBeNull();
    expect(dueReportSlot(org, midMonth, new Date("2027-04-01T07:00:00Z"))?.periodStartsOn).toBe("2027-04-01");
  });
});

/**
 * When a scheduled report goes out (docs/reports.md, "Scheduled reports"): weekly on the
 * organisation's first day of the week, monthly on the 1st, at its reminder hour in its
 * time zone. Each schedule's period is a slot of its own; the first instance to claim it
 * sends the period's copies. Like the digest, a period whose hour has passed is still
 * sent later in the period by an instance that was down at the hour; a schedule made
 * after its period's hour waits for the next period (no surprise mail on saving it).
 */
import { todayIn } from "../dates.ts";
import { weekStartOf } from "../okr/check-in-due.ts";
import { localHourIn, type ScheduleOrganization } from "./scheduled-mail.ts";

export type ReportScheduleTiming = {
  id: string;
  frequency: "weekly" | "monthly";
  createdAt: Date;
};

export type DueReportSlot = {
  slotKey: string;
  /** First day of the period: the week's first day, or the month's 1st. */
  periodStartsOn: string;
  /** Today in the organisation's time zone. */
  today: string;
};

/** The first day of the period that holds `day` (YYYY-MM-DD). */
export function reportPeriodStart(
  frequency: "weekly" | "monthly",
  day: string,
  weekStart: ScheduleOrganization["weekStart"],
): string {
  return frequency === "weekly" ? weekStartOf(day, weekStart) : `${day.slice(0, 8)}01`;
}

/** The schedule's slot due at `now`, or null: before the hour, or the period began before it. */
export function dueReportSlot(
  org: ScheduleOrganization,
  schedule: ReportScheduleTiming,
  now: Date,
): DueReportSlot | null {
  if (localHourIn(org.timeZone, now) < org.reminderHour) return null;
  const today = todayIn(org.timeZone, now);
  const periodStartsOn = reportPeriodStart(schedule.frequency, today, org.weekStart);
  const createdOn = todayIn(org.timeZone, schedule.createdAt);
  const createdBeforeSending =
    createdOn < periodStartsOn ||
    (createdOn === periodStartsOn && localHourIn(org.timeZone, schedule.createdAt) < org.reminderHour);
  if (!createdBeforeSending) return null;
  return {
    slotKey: `report-schedule:${org.id}:${schedule.id}:${schedule.frequency}:${periodStartsOn}`,
    periodStartsOn,
    today,
  };
}

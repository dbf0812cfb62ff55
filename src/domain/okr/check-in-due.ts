/**
 * Weekly check-in cadence. Weeks start on the organisation's week start day and are
 * counted in its time zone, so "this week" means the same days for everyone in it.
 */
import { addDays, daysBetween } from "../dates.ts";
import { assertCalendarDate, isoWeekday } from "./calendar.ts";

/** A check-in is overdue after this many days without one (one weekly cadence). */
export const CHECK_IN_OVERDUE_AFTER_DAYS = 7;

/** ISO weekday an organisation's week starts on: 1 = Monday (the default) … 7 = Sunday. */
export type WeekStart = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** First day of the week containing `date` (YYYY-MM-DD), for weeks starting on `weekStart`. */
export function weekStartOf(date: string, weekStart: WeekStart): string {
  assertCalendarDate(date, "date");
  if (!Number.isInteger(weekStart) || weekStart < 1 || weekStart > 7) {
    throw new RangeError(`weekStart must be 1 (Monday) … 7 (Sunday), got ${weekStart}`);
  }
  return addDays(date, -((isoWeekday(date) - weekStart + 7) % 7));
}

/** What is known about one KR's check-ins. */
export type CheckInDueInput = {
  /** Today in the organisation's time zone. */
  today: string;
  weekStart: WeekStart;
  /** Day of the KR's latest check-in, or null when it has none. */
  lastCheckInOn: string | null;
  /**
   * First day check-ins were expected: the cycle's start, or the day the KR was added if
   * later. With no check-in yet, "overdue" counts from here.
   */
  expectedSince: string;
};

/** Whether a KR needs a check-in, and since when. */
export type CheckInDue = {
  /** No check-in since the start of the current week: the KR appears in reminders. */
  due: boolean;
  /** No check-in for more than 7 days (counted from `expectedSince` when there is none). */
  overdue: boolean;
  /** First day of the current week. */
  weekStartsOn: string;
  /** Last day of the current week: the check-in is due by the end of it. */
  dueBy: string;
  /** Days since the latest check-in, or null when there is none. */
  daysSinceLastCheckIn: number | null;
};

/**
 * Whether a KR's weekly check-in is due and whether it is overdue. Nothing is due
 * before `expectedSince`. A check-in dated after `today` (a time-zone edge) counts as
 * done. Callers ask only about KRs in running cycles.
 */
export function checkInDue(input: CheckInDueInput): CheckInDue {
  const { today, weekStart, lastCheckInOn, expectedSince } = input;
  assertCalendarDate(expectedSince, "expectedSince");
  if (lastCheckInOn !== null) assertCalendarDate(lastCheckInOn, "lastCheckInOn");
  const weekStartsOn = weekStartOf(today, weekStart);
  const dueBy = addDays(weekStartsOn, 6);
  const daysSinceLastCheckIn = lastCheckInOn === null ? null : daysBetween(lastCheckInOn, today);

  if (today < expectedSince) {
    return { due: false, overdue: false, weekStartsOn, dueBy, daysSinceLastCheckIn };
  }
  const due = lastCheckInOn === null || lastCheckInOn < weekStartsOn;
  const silentDays = daysSinceLastCheckIn ?? daysBetween(expectedSince, today);
  return {
    due,
    overdue: silentDays > CHECK_IN_OVERDUE_AFTER_DAYS,
    weekStartsOn,
    dueBy,
    daysSinceLastCheckIn,
  };
}

/**
 * When an organisation's scheduled mail goes out. Check-in reminders and the weekly
 * digest are sent at the organisation's reminder hour, in its time zone. Each run is a
 * slot with a key; the first instance to claim the key does the work (scheduled_slots),
 * so several instances send one set of mail. A slot is taken at the first tick at or
 * after the hour, so an instance that was down at that hour still sends later that day.
 */

import { todayIn } from "../dates.ts";
import { type WeekStart, weekStartOf } from "../okr/check-in-due.ts";

const hourFormatters = new Map<string, Intl.DateTimeFormat>();

/** The hour of the day (0–23) in `timeZone` at `now`. */
export function localHourIn(timeZone: string, now: Date): number {
  let formatter = hourFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", hourCycle: "h23" });
    hourFormatters.set(timeZone, formatter);
  }
  return Number(formatter.format(now));
}

export type ScheduleOrganization = {
  id: string;
  timeZone: string;
  weekStart: WeekStart;
  /** Local hour (0–23) reminders and digests go out. */
  reminderHour: number;
};

export type DueSlot = {
  kind: "check_in_reminders" | "weekly_digest";
  /** Unique per organisation and run: a day for reminders, a week for the digest. */
  slotKey: string;
  /** Today in the organisation's time zone. */
  today: string;
  /** First day of the organisation's current week. */
  weekStartsOn: string;
};

/**
 * The slots due for an organisation at `now`: none before its reminder hour; from then
 * on today's reminder slot (check-ins become due at different times: a KR activated
 * mid-week) and this week's digest slot. Claimed slots are skipped by the caller.
 */
export function dueSlots(org: ScheduleOrganization, now: Date): DueSlot[] {
  if (localHourIn(org.timeZone, now) < org.reminderHour) return [];
  const today = todayIn(org.timeZone, now);
  const weekStartsOn = weekStartOf(today, org.weekStart);
  return [
    {
      kind: "check_in_reminders",
      slotKey: `check-in-reminders:${org.id}:${today}`,
      today,
      weekStartsOn,
    },
    {
      kind: "weekly_digest",
      slotKey: `weekly-digest:${org.id}:${weekStartsOn}`,
      today,
      weekStartsOn,
    },
  ];
}

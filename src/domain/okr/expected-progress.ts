/** Where a KR should be by a given day if it moved evenly through its cycle. */
import { daysBetween } from "../dates.ts";
import { assertCalendarDate } from "./calendar.ts";
import { roundTo } from "./numbers.ts";
import { PROGRESS_DECIMALS } from "./progress.ts";

/** A cycle's first and last day, both inclusive, in the organisation's time zone. */
export type CycleDates = { startsOn: string; endsOn: string };

/** Number of days in a cycle, counting both its first and its last day. */
export function cycleLengthDays(cycle: CycleDates): number {
  assertCycle(cycle);
  return daysBetween(cycle.startsOn, cycle.endsOn) + 1;
}

/**
 * Days of the cycle elapsed by the end of `today`, counting today: 0 before the cycle,
 * 1 on its first day, the cycle's length on its last day and after it.
 */
export function elapsedCycleDays(cycle: CycleDates, today: string): number {
  assertCycle(cycle);
  assertCalendarDate(today, "today");
  const length = daysBetween(cycle.startsOn, cycle.endsOn) + 1;
  const elapsed = daysBetween(cycle.startsOn, today) + 1;
  return Math.min(length, Math.max(0, elapsed));
}

/**
 * Expected progress on `today` = elapsed share of the cycle, in whole days:
 * (days from start to today, both inclusive) / (days in the cycle, both inclusive).
 * Today counts as elapsed because a check-in today is read against where the KR should
 * be by the end of today; so the first day of a 90-day cycle expects 1/90, the last day
 * expects exactly 1, any day before the start 0 and any day after the end 1.
 * Rounded like progress (4 decimals). Throws a RangeError on malformed dates or a cycle
 * that ends before it starts.
 */
export function expectedProgress(cycle: CycleDates, today: string): number {
  const elapsed = elapsedCycleDays(cycle, today);
  return roundTo(elapsed / cycleLengthDays(cycle), PROGRESS_DECIMALS);
}

/**
 * The stretch a KR's pace is measured over: from the day it became active (its
 * Objective's activation, or the day it was added to an active Objective) to the cycle's
 * end. A KR activated before the cycle starts, or with no such day known, runs the whole
 * cycle; one activated after the cycle's last day gets that last day alone. Without this,
 * an Objective activated late in a cycle would be expected to be half-way on its first
 * day and show off track at once.
 */
export function paceWindow(cycle: CycleDates, activeFrom: string | null | undefined): CycleDates {
  assertCycle(cycle);
  if (activeFrom === null || activeFrom === undefined || activeFrom <= cycle.startsOn) return cycle;
  assertCalendarDate(activeFrom, "activeFrom");
  return { startsOn: activeFrom > cycle.endsOn ? cycle.endsOn : activeFrom, endsOn: cycle.endsOn };
}

/** Where `today` falls relative to a cycle. */
export function cyclePhase(cycle: CycleDates, today: string): "before" | "running" | "after" {
  assertCycle(cycle);
  assertCalendarDate(today, "today");
  if (today < cycle.startsOn) return "before";
  if (today > cycle.endsOn) return "after";
  return "running";
}

function assertCycle(cycle: CycleDates): void {
  assertCalendarDate(cycle.startsOn, "cycle start");
  assertCalendarDate(cycle.endsOn, "cycle end");
  // YYYY-MM-DD strings compare in calendar order.
  if (cycle.endsOn < cycle.startsOn) {
    throw new RangeError(`cycle ends (${cycle.endsOn}) before it starts (${cycle.startsOn})`);
  }
}

/**
 * Calendar-date checks for the OKR rules. Dates are YYYY-MM-DD strings already
 * converted to the organisation's time zone (see `todayIn` in ../dates.ts), so the
 * rules count whole days and never see a clock time or an offset.
 */

const pattern = /^(\d{4})-(\d{2})-(\d{2})$/;

// A page judges thousands of KRs against the same few days (today, the cycle's start and
// end), and each status checks its dates several times: remember the dates found valid.
// Bounded, so a long-running process does not collect every day it ever saw.
const knownDates = new Set<string>();
const KNOWN_DATES_LIMIT = 4096;

/** Whether `value` is a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  if (knownDates.has(value)) return true;
  const match = pattern.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const valid = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  if (valid) {
    if (knownDates.size >= KNOWN_DATES_LIMIT) knownDates.clear();
    knownDates.add(value);
  }
  return valid;
}

/**
 * Throws a RangeError naming `what` when `value` is not a calendar date. Dates reach
 * these rules from the database or from validated input, so a bad one is a bug to
 * surface, not a user error to explain.
 */
export function assertCalendarDate(value: string, what: string): void {
  if (!isCalendarDate(value)) throw new RangeError(`${what} must be a YYYY-MM-DD date, got "${value}"`);
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

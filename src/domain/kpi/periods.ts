/**
 * KPI periods: where each daily, weekly, monthly or quarterly period starts and ends,
 * when its value is due, and how it is named. Weeks start on the organisation's week
 * start day; quarters are quarters of its fiscal year. A period is identified by its
 * first day.
 */
import { addDays } from "../dates.ts";
import { fiscalYearCycles, fiscalYearOf } from "../fiscal-cycles.ts";
import { assertCalendarDate, isoWeekday } from "../okr/calendar.ts";
import { DEFAULT_PERIOD_OPTIONS, type Frequency, type PeriodOptions } from "./types.ts";

/**
 * Days after a period's last day during which its value may still arrive before the
 * period counts as "no data". Values are often known only after the period closes
 * (month-end figures come from finance days later), so a missing value is not flagged
 * the moment the period ends:
 * - daily: 1 day (yesterday's figure may arrive today);
 * - weekly: 2 days (a week's figure by its second day after);
 * - monthly: 10 days (month-end close);
 * - quarterly: 30 days (quarter-end close and reporting).
 */
export const GRACE_DAYS: Readonly<Record<Frequency, number>> = Object.freeze({
  daily: 1,
  weekly: 2,
  monthly: 10,
  quarterly: 30,
});

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const pad = (n: number) => String(n).padStart(2, "0");

function parts(date: string): { y: number; m: number; d: number } {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return { y, m, d };
}

/** First day of the month `months` months after (y, m), months may be negative. */
function firstOfMonth(y: number, m: number, months: number): string {
  const index = y * 12 + (m - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${pad((((index % 12) + 12) % 12) + 1)}-01`;
}

function checkOptions(opts: PeriodOptions): void {
  if (!Number.isInteger(opts.weekStart) || opts.weekStart < 1 || opts.weekStart > 7) {
    throw new RangeError(`weekStart must be 1 (Monday) … 7 (Sunday), got ${opts.weekStart}`);
  }
  const month = opts.fiscalYearStartMonth;
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`fiscalYearStartMonth must be 1–12, got ${month}`);
  }
}

/**
 * Monthly and quarterly periods start on a first of the month; stepping from any other
 * day would be ambiguous (one month after 31 January), so it is a caller's bug.
 */
function assertMonthStart(periodStart: string, frequency: Frequency): void {
  if ((frequency === "monthly" || frequency === "quarterly") && !periodStart.endsWith("-01")) {
    throw new RangeError(`a ${frequency} period starts on the 1st of a month, got "${periodStart}"`);
  }
}

// A batch of values, or a board of KPIs, asks for the periods of the same few dates
// thousands of times. One map of date → period start per calendar (frequency, week
// start, fiscal year start), so a lookup builds no key string; bounded, so a
// long-running process does not keep every date.
const periodStarts = new Map<number, Map<string, string>>();
const FREQUENCY_INDEX: Readonly<Record<Frequency, number>> = {
  daily: 0,
  weekly: 1,
  monthly: 2,
  quarterly: 3,
};

/** First day of the `frequency` period that contains `date`. */
export function periodStartOf(date: string, frequency: Frequency, opts: PeriodOptions): string {
  const calendar = FREQUENCY_INDEX[frequency] * 1000 + opts.weekStart * 100 + opts.fiscalYearStartMonth;
  let starts = periodStarts.get(calendar);
  if (!starts) {
    starts = new Map();
    periodStarts.set(calendar, starts);
  }
  let start = starts.get(date);
  if (start === undefined) {
    start = computePeriodStart(date, frequency, opts);
    if (starts.size >= 8192) starts.clear();
    starts.set(date, start);
  }
  return start;
}

function computePeriodStart(date: string, frequency: Frequency, opts: PeriodOptions): string {
  assertCalendarDate(date, "date");
  checkOptions(opts);
  const { y, m } = parts(date);
  switch (frequency) {
    case "daily":
      return date;
    case "weekly":
      return addDays(date, -((isoWeekday(date) - opts.weekStart + 7) % 7));
    case "monthly":
      return firstOfMonth(y, m, 0);
    case "quarterly": {
      // Months since the fiscal year began, then back to the first month of its quarter.
      const intoYear = (m - opts.fiscalYearStartMonth + 12) % 12;
      return firstOfMonth(y, m, -(intoYear % 3));
    }
  }
}

/** Whether `date` is the first day of a `frequency` period. */
export function isPeriodStart(date: string, frequency: Frequency, opts: PeriodOptions): boolean {
  return periodStartOf(date, frequency, opts) === date;
}

/**
 * First day of the period after the one starting on `periodStart`. Needs no calendar
 * options: a period's length does not depend on where weeks or fiscal years begin.
 */
export function nextPeriodStart(periodStart: string, frequency: Frequency): string {
  return stepPeriod(periodStart, frequency, 1);
}

/** First day of the period before the one starting on `periodStart`. */
export function previousPeriodStart(periodStart: string, frequency: Frequency): string {
  return stepPeriod(periodStart, frequency, -1);
}

function stepPeriod(periodStart: string, frequency: Frequency, steps: number): string {
  assertCalendarDate(periodStart, "periodStart");
  assertMonthStart(periodStart, frequency);
  const { y, m } = parts(periodStart);
  switch (frequency) {
    case "daily":
      return addDays(periodStart, steps);
    case "weekly":
      return addDays(periodStart, 7 * steps);
    case "monthly":
      return firstOfMonth(y, m, steps);
    case "quarterly":
      return firstOfMonth(y, m, 3 * steps);
  }
}

/** Last day (inclusive) of the period starting on `periodStart`. */
export function periodEnd(periodStart: string, frequency: Frequency): string {
  return addDays(nextPeriodStart(periodStart, frequency), -1);
}

/**
 * First days of every period that overlaps [from, to] (both inclusive), oldest first.
 * The first one may start before `from`: a chart from mid-month still shows that month.
 * Empty when `to` is before `from`.
 */
export function periodsBetween(
  from: string,
  to: string,
  frequency: Frequency,
  opts: PeriodOptions,
): string[] {
  assertCalendarDate(to, "to");
  const starts: string[] = [];
  if (to < from) return starts;
  for (
    let start = periodStartOf(from, frequency, opts);
    start <= to;
    start = nextPeriodStart(start, frequency)
  ) {
    starts.push(start);
  }
  return starts;
}

/**
 * Last day a period's value may arrive before the period counts as "no data": its last
 * day plus the grace days of its frequency (`GRACE_DAYS`). From the day after, a
 * missing value is flagged.
 */
export function periodDueDate(periodStart: string, frequency: Frequency): string {
  return addDays(periodEnd(periodStart, frequency), GRACE_DAYS[frequency]);
}

/**
 * The newest period whose due date is before `today`: the latest period that must have
 * a value by now. On a monthly KPI, on 10 December November's figure can still arrive,
 * so the latest due period is October; on 11 December it is November.
 */
export function latestDuePeriod(today: string, frequency: Frequency, opts: PeriodOptions): string {
  let start = periodStartOf(today, frequency, opts);
  while (periodDueDate(start, frequency) >= today) start = previousPeriodStart(start, frequency);
  return start;
}

/**
 * How a period is named on screens and in reports: "2026-11-23", "Week of 2026-11-23",
 * "Nov 2026", and for quarters the same name Keel gives the fiscal quarter's OKR cycle
 * ("Q3 2026" for a calendar fiscal year, "Q1 FY2026/27" for one starting in April), so a
 * KPI's quarter and the cycle beside it read alike. `opts` matters only for quarters.
 */
export function periodLabel(
  periodStart: string,
  frequency: Frequency,
  opts: PeriodOptions = DEFAULT_PERIOD_OPTIONS,
): string {
  assertCalendarDate(periodStart, "periodStart");
  switch (frequency) {
    case "daily":
      return periodStart;
    case "weekly":
      return `Week of ${periodStart}`;
    case "monthly": {
      const { y, m } = parts(periodStart);
      return `${MONTH_NAMES[m - 1]} ${y}`;
    }
    case "quarterly": {
      const start = periodStartOf(periodStart, "quarterly", opts);
      const fiscalYear = fiscalYearOf(start, opts.fiscalYearStartMonth);
      const quarter = fiscalYearCycles(fiscalYear, opts.fiscalYearStartMonth).find(
        (cycle) => cycle.kind === "quarter" && cycle.startsOn === start,
      );
      // Every quarter start of a fiscal year is one of its four cycles.
      return quarter!.name;
    }
  }
}

/**
 * Cycles generated from the fiscal calendar: the fiscal year and its four quarters.
 * Dates are plain calendar dates (YYYY-MM-DD) in the organisation's time zone.
 */
export type GeneratedCycle = { name: string; kind: "year" | "quarter"; startsOn: string; endsOn: string };

const pad = (n: number) => String(n).padStart(2, "0");

/** First day of `month` (1–12) in `year`, allowing month overflow into later years. */
function firstOfMonth(year: number, month: number): { y: number; m: number } {
  const zeroBased = month - 1;
  return { y: year + Math.floor(zeroBased / 12), m: (zeroBased % 12) + 1 };
}

function lastDayOf(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The day before the first of the month `month` months after (year, startMonth). */
function endAfterMonths(year: number, startMonth: number, months: number): string {
  const last = firstOfMonth(year, startMonth + months - 1);
  return `${last.y}-${pad(last.m)}-${pad(lastDayOf(last.y, last.m))}`;
}

/**
 * The fiscal year `fiscalYear` (named by the calendar year it starts in) and its
 * quarters, for a fiscal year starting in `startMonth`. A calendar fiscal year gives
 * "FY2027" and "Q1 2027"…; an April start gives "FY2027/28" and "Q1 FY2027/28"….
 */
export function fiscalYearCycles(fiscalYear: number, startMonth: number): GeneratedCycle[] {
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) {
    throw new RangeError("startMonth must be 1–12");
  }
  const label = startMonth === 1 ? `${fiscalYear}` : `FY${fiscalYear}/${String(fiscalYear + 1).slice(2)}`;
  const year: GeneratedCycle = {
    name: startMonth === 1 ? `FY${fiscalYear}` : label,
    kind: "year",
    startsOn: `${fiscalYear}-${pad(startMonth)}-01`,
    endsOn: endAfterMonths(fiscalYear, startMonth, 12),
  };
  const quarters: GeneratedCycle[] = [0, 1, 2, 3].map((q) => {
    const start = firstOfMonth(fiscalYear, startMonth + q * 3);
    return {
      name: `Q${q + 1} ${label}`,
      kind: "quarter",
      startsOn: `${start.y}-${pad(start.m)}-01`,
      endsOn: endAfterMonths(start.y, start.m, 3),
    };
  });
  return [year, ...quarters];
}

/** The fiscal year (by starting calendar year) that contains `date` (YYYY-MM-DD). */
export function fiscalYearOf(date: string, startMonth: number): number {
  const [y, m] = date.split("-").map(Number) as [number, number];
  return m >= startMonth ? y : y - 1;
}

/** The fiscal quarter containing `date`, and the quarters just before and after it. */
export function fiscalQuartersAround(
  date: string,
  startMonth: number,
): { previous: GeneratedCycle; current: GeneratedCycle; next: GeneratedCycle } {
  const year = fiscalYearOf(date, startMonth);
  const quarters = [year - 1, year, year + 1].flatMap((y) =>
    fiscalYearCycles(y, startMonth).filter((c) => c.kind === "quarter"),
  );
  const index = quarters.findIndex((q) => q.startsOn <= date && date <= q.endsOn);
  // The middle year's four quarters cover `date`, so index is 4–7 and both neighbours exist.
  return { previous: quarters[index - 1]!, current: quarters[index]!, next: quarters[index + 1]! };
}

/**
 * A fiscal-year start month under which the quarter running on `today` has been running
 * for `minDays`–`maxDays` days (counting from its first day to `today`), nearest to
 * `preferredDays`; January (calendar quarters) wins whenever it is within the range. Some
 * month always fits a range of at least 35 days that starts no later than day 35.
 */
export function fiscalStartMonthForQuarterIn(
  today: string,
  range: { minDays: number; maxDays: number; preferredDays: number },
): number {
  const candidates = [1, 2, 3].map((startMonth) => {
    const { current } = fiscalQuartersAround(today, startMonth);
    const elapsed = Math.round((Date.parse(today) - Date.parse(current.startsOn)) / 86_400_000);
    return { startMonth, elapsed, fits: elapsed >= range.minDays && elapsed <= range.maxDays };
  });
  const fitting = candidates.filter((c) => c.fits);
  if (fitting.some((c) => c.startMonth === 1)) return 1;
  const best = (fitting.length > 0 ? fitting : candidates).reduce((a, b) =>
    Math.abs(b.elapsed - range.preferredDays) < Math.abs(a.elapsed - range.preferredDays) ? b : a,
  );
  return best.startMonth;
}

/** A generated cycle with the state it starts in. */
export type FirstRunCycle = GeneratedCycle & { state: "planning" | "active" };

/**
 * The cycles a new organisation starts with on `today` (YYYY-MM-DD in its time zone):
 * the running fiscal year and quarter, active, so Objectives set today can be checked in
 * on at once; and the next quarter in planning, with the next fiscal year (in planning)
 * when that quarter starts it. Nothing wholly in the past: a newcomer in December has no
 * use for three finished quarters in planning.
 */
export function firstRunCycles(today: string, startMonth: number): FirstRunCycle[] {
  const fy = fiscalYearOf(today, startMonth);
  const [year, ...quarters] = fiscalYearCycles(fy, startMonth) as [GeneratedCycle, ...GeneratedCycle[]];
  const index = quarters.findIndex((q) => q.startsOn <= today && today <= q.endsOn);
  const current = quarters[index]!;
  const out: FirstRunCycle[] = [
    { ...year, state: "active" },
    { ...current, state: "active" },
  ];
  if (index < 3) {
    out.push({ ...quarters[index + 1]!, state: "planning" });
  } else {
    const [nextYear, nextQuarter] = fiscalYearCycles(fy + 1, startMonth) as [GeneratedCycle, GeneratedCycle];
    out.push({ ...nextYear, state: "planning" }, { ...nextQuarter, state: "planning" });
  }
  return out;
}

/** Whether a cycle ended before `today`: generated cycles leave those out unless asked. */
export function isPast(cycle: { endsOn: string }, today: string): boolean {
  return cycle.endsOn < today;
}

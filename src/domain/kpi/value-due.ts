/**
 * When a person owes a KPI value. A value is owed for the period that ended last, from
 * the day after it ended; it is due by that period's due date (its last day plus the
 * frequency's grace days, `periodDueDate`) and overdue after it. The running period owes
 * nothing yet: its value cannot be known. A KPI defined after that period ended owes
 * nothing for it (nobody could have entered it then).
 */
import { periodDueDate, periodEnd, periodStartOf, previousPeriodStart } from "./periods.ts";
import type { Frequency, PeriodOptions } from "./types.ts";

/** The period that ended last on `today`: the one before the running period. */
export function lastEndedPeriod(today: string, frequency: Frequency, periods: PeriodOptions): string {
  return previousPeriodStart(periodStartOf(today, frequency, periods), frequency);
}

export type ValueDueInput = {
  /** Today in the organisation's time zone. */
  today: string;
  frequency: Frequency;
  periods: PeriodOptions;
  /** The day the KPI was defined, in the organisation's time zone. */
  definedOn: string;
  /** Whether the period that ended last already has a value. */
  endedPeriodHasValue: boolean;
};

export type ValueDue = {
  /** The period whose value is owed. */
  periodStart: string;
  /** The last day the value may arrive before the period counts as "no data". */
  dueOn: string;
  overdue: boolean;
};

/** The value owed for the period that ended last, or null when nothing is owed. */
export function kpiValueDue(input: ValueDueInput): ValueDue | null {
  const periodStart = lastEndedPeriod(input.today, input.frequency, input.periods);
  if (input.endedPeriodHasValue) return null;
  if (input.definedOn > periodEnd(periodStart, input.frequency)) return null;
  const dueOn = periodDueDate(periodStart, input.frequency);
  return { periodStart, dueOn, overdue: input.today > dueOn };
}

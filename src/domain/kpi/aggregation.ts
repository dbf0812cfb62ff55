/**
 * Combining a KPI's values across periods of different lengths: a daily KPI shown by
 * month on a chart, or a monthly KPI feeding a weekly formula. Each KPI's aggregation
 * says how its own values combine (sales add up, a satisfaction score averages, a
 * headcount takes the last value).
 */
import { nextPeriodStart, periodEnd, periodStartOf } from "./periods.ts";
import {
  type Aggregation,
  FREQUENCIES,
  type Frequency,
  type MeasuredPeriod,
  type PeriodOptions,
} from "./types.ts";

/**
 * Combines values with an aggregation; null for no values. "last" takes the last value
 * in the order given, so pass values oldest first. "average" is the plain mean of the
 * periods' values, not weighted by period length.
 */
export function aggregate(values: readonly number[], aggregation: Aggregation): number | null {
  if (values.length === 0) return null;
  switch (aggregation) {
    case "sum":
      return values.reduce((sum, v) => sum + v, 0);
    case "average":
      return values.reduce((sum, v) => sum + v, 0) / values.length;
    case "last":
      return values[values.length - 1]!;
    // A loop rather than Math.min(...values): spreading a long series overflows the stack.
    case "min":
      return values.reduce((min, v) => (v < min ? v : min));
    case "max":
      return values.reduce((max, v) => (v > max ? v : max));
  }
}

/** Position of a frequency from finest (daily, 0) to coarsest (quarterly, 3). */
export function frequencyRank(frequency: Frequency): number {
  return FREQUENCIES.indexOf(frequency);
}

function byPeriod(a: MeasuredPeriod, b: MeasuredPeriod): number {
  return a.periodStart < b.periodStart ? -1 : a.periodStart > b.periodStart ? 1 : 0;
}

/** What a KPI's values are, for `valueForPeriod`. */
export type ValueSource = {
  measurements: readonly MeasuredPeriod[];
  frequency: Frequency;
  aggregation: Aggregation;
};

/**
 * The value of the `input` KPI for a period of another KPI (`target`), as a formula that
 * mixes frequencies needs it:
 * - input finer than the target (daily into monthly): the input's periods that start
 *   inside the target period, combined with the input's aggregation; null when none. A
 *   week that straddles two months counts in the month it starts in.
 * - same frequency: that period's value, or null.
 * - input coarser (monthly into weekly): the value of the input period that contains the
 *   target period's first day, or null. A week starting 30 March takes March's value.
 */
export function valueForPeriod(
  input: ValueSource,
  target: { periodStart: string; frequency: Frequency },
): number | null {
  const inputRank = frequencyRank(input.frequency);
  const targetRank = frequencyRank(target.frequency);
  if (inputRank === targetRank) {
    return input.measurements.find((m) => m.periodStart === target.periodStart)?.value ?? null;
  }
  if (inputRank < targetRank) {
    const last = periodEnd(target.periodStart, target.frequency);
    const inside = input.measurements
      .filter((m) => m.periodStart >= target.periodStart && m.periodStart <= last)
      .sort(byPeriod);
    return aggregate(
      inside.map((m) => m.value),
      input.aggregation,
    );
  }
  // Coarser input: its periods are identified by their first day, so the one containing
  // the target's first day is the latest one starting on or before it, if it reaches it.
  let containing: MeasuredPeriod | null = null;
  for (const m of input.measurements) {
    if (m.periodStart > target.periodStart) continue;
    if (containing === null || m.periodStart > containing.periodStart) containing = m;
  }
  if (containing === null || nextPeriodStart(containing.periodStart, input.frequency) <= target.periodStart) {
    return null;
  }
  return containing.value;
}

/**
 * A KPI's values regrouped into longer periods for a chart (daily sales by month), each
 * combined with the KPI's aggregation, oldest first. A period that is still running, or
 * only partly measured, is included with what it has. Rolling into a finer frequency
 * would invent values, so it throws; the same frequency returns the values sorted.
 */
export function rollUp(
  measurements: readonly MeasuredPeriod[],
  from: Frequency,
  to: Frequency,
  aggregation: Aggregation,
  opts: PeriodOptions,
): MeasuredPeriod[] {
  if (frequencyRank(to) < frequencyRank(from)) {
    throw new RangeError(`cannot roll ${from} values up into ${to} periods: ${to} is finer`);
  }
  const sorted = [...measurements].sort(byPeriod);
  if (from === to) return sorted.map(({ periodStart, value }) => ({ periodStart, value }));
  const groups = new Map<string, number[]>();
  for (const { periodStart, value } of sorted) {
    const start = periodStartOf(periodStart, to, opts);
    const group = groups.get(start);
    if (group) group.push(value);
    else groups.set(start, [value]);
  }
  // Insertion order follows the sorted input, so the groups are already oldest first.
  return [...groups].map(([periodStart, values]) => ({
    periodStart,
    value: aggregate(values, aggregation)!,
  }));
}

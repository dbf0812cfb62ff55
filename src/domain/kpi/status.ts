/**
 * KPI status: the colour of one value against the bands in force for its period, the
 * KPI's current status (which also knows when a value is missing), and floor breaches.
 * docs/kpi-status.md says the same for users; change the two together.
 */
import { bandsInForce } from "./bands.ts";
import { latestDuePeriod } from "./periods.ts";
import type { Bands, Direction, Frequency, KpiStatus, MeasuredPeriod, PeriodOptions } from "./types.ts";

export type { MeasuredPeriod } from "./types.ts";

/** The colour of a value; null when no bands judge it. */
export type ValueStatus = "green" | "amber" | "red";

/**
 * Relative tolerance for boundary comparisons. Values computed by formulas carry binary
 * float noise (0.1 + 0.2 is 0.30000000000000004); a value that is on a boundary to nine
 * significant digits counts as on it, so it takes the better colour as a person expects.
 */
export const BOUNDARY_TOLERANCE = 1e-9;

function slack(bound: number): number {
  return BOUNDARY_TOLERANCE * Math.max(1, Math.abs(bound));
}
/** value ≥ bound, forgiving float noise. */
const atLeast = (value: number, bound: number) => value >= bound - slack(bound);
/** value ≤ bound, forgiving float noise. */
const atMost = (value: number, bound: number) => value <= bound + slack(bound);

/**
 * The colour of `value` under `bands` (see `Bands` for the rules per direction; a value
 * on a boundary takes the better colour). Null when no bands are in force, when the
 * bands lack a field the direction needs (bands set for another direction before the
 * KPI's direction changed), or when the value is not a finite number: a guessed colour
 * would be worse than none.
 */
export function valueStatus(value: number, direction: Direction, bands: Bands | null): ValueStatus | null {
  if (bands === null || !Number.isFinite(value)) return null;
  const { greenMin, greenMax, redMin, redMax } = bands;
  switch (direction) {
    case "higher_is_better":
      if (greenMin === null || redMin === null) return null;
      if (atLeast(value, greenMin)) return "green";
      return atLeast(value, redMin) ? "amber" : "red";
    case "lower_is_better":
      if (greenMax === null || redMax === null) return null;
      if (atMost(value, greenMax)) return "green";
      return atMost(value, redMax) ? "amber" : "red";
    case "within_range":
      if (greenMin === null || greenMax === null || redMin === null || redMax === null) return null;
      if (atLeast(value, greenMin) && atMost(value, greenMax)) return "green";
      return atLeast(value, redMin) && atMost(value, redMax) ? "amber" : "red";
  }
}

/** What a KPI's current status is computed from. */
export type CurrentStatusInput = {
  /** One value per period (the current one, corrections applied), in any order. */
  measurements: readonly MeasuredPeriod[];
  /** Every version of the KPI's bands, in any order. */
  series: readonly Bands[];
  direction: Direction;
  frequency: Frequency;
  /** Today in the organisation's time zone. */
  today: string;
  opts: PeriodOptions;
};

/** A KPI's current status, and the period and value it rests on. */
export type CurrentStatus = {
  /** null: there is a value but no bands judge its period. */
  status: KpiStatus | null;
  periodStart: string | null;
  /** null with `no_data`. */
  value: number | null;
};

/**
 * The status a KPI shows now. It judges the latest period whose value is due (see
 * `latestDuePeriod`), or a newer period when that one already has a value (a value
 * entered early is news; waiting for the grace days to pass would hide it). Periods that
 * start after `today` are ignored. When the latest due period has no value the status is
 * `no_data`, whatever the bands: a missing figure is not a red one, and it is flagged
 * even on a KPI without bands so that someone enters it. Otherwise the value is judged by
 * the bands in force for its period; status is null when there are none.
 */
export function currentStatus(input: CurrentStatusInput): CurrentStatus {
  const { measurements, series, direction, frequency, today, opts } = input;
  const due = latestDuePeriod(today, frequency, opts);
  let chosen: MeasuredPeriod | null = null;
  let dueValue: MeasuredPeriod | null = null;
  for (const measurement of measurements) {
    if (measurement.periodStart > today) continue;
    if (measurement.periodStart === due) dueValue = measurement;
    if (measurement.periodStart > due && (chosen === null || measurement.periodStart >= chosen.periodStart)) {
      chosen = measurement;
    }
  }
  chosen ??= dueValue;
  if (chosen === null) return { status: "no_data", periodStart: due, value: null };
  const status = valueStatus(chosen.value, direction, bandsInForce(series, chosen.periodStart));
  return { status, periodStart: chosen.periodStart, value: chosen.value };
}

/** One measured period with its colour. */
export type StatusHistoryEntry = { periodStart: string; value: number; status: ValueStatus | null };

/**
 * Every measured period, oldest first, each judged by the bands that were in force for
 * it, so raising a target today does not repaint last year red. Periods without a value
 * are not listed (the chart shows them as gaps).
 */
export function statusHistory(
  measurements: readonly MeasuredPeriod[],
  series: readonly Bands[],
  direction: Direction,
): StatusHistoryEntry[] {
  return [...measurements]
    .sort((a, b) => (a.periodStart < b.periodStart ? -1 : a.periodStart > b.periodStart ? 1 : 0))
    .map(({ periodStart, value }) => ({
      periodStart,
      value,
      status: valueStatus(value, direction, bandsInForce(series, periodStart)),
    }));
}

/**
 * Whether a value breaks a KPI floor ("must not fall below / rise above this while the
 * cycle runs"). Higher-is-better: below the threshold; lower-is-better: above it. A floor
 * has one threshold, so for a keep-within-range KPI it is a lower bound (the usual worry
 * is falling out of the range at the bottom); use the KPI's red band for the ceiling. A
 * value exactly at the threshold holds the floor. A non-finite value breaks nothing.
 */
export function floorBreached(value: number, direction: Direction, threshold: number): boolean {
  if (!Number.isFinite(value) || !Number.isFinite(threshold)) return false;
  return floorGuards(direction) === "above" ? !atMost(value, threshold) : !atLeast(value, threshold);
}

/** Which side of its threshold a floor guards: a lower-is-better KPI must not rise above it, others must not fall below. */
export function floorGuards(direction: Direction): "above" | "below" {
  return direction === "lower_is_better" ? "above" : "below";
}

/**
 * The red limit on the side a floor guards (redMax above, redMin below): the level the
 * team already calls bad, so the natural first guess for a floor's threshold.
 */
export function floorRedLimit(direction: Direction): "redMin" | "redMax" {
  return floorGuards(direction) === "above" ? "redMax" : "redMin";
}

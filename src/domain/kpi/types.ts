/**
 * Vocabulary of the KPI rules. A KPI is a standing metric measured once per period of
 * its frequency and judged against threshold bands that may change over time. Dates are
 * YYYY-MM-DD strings already in the organisation's time zone (see `todayIn` in
 * ../dates.ts), so these rules count whole calendar days and never see a clock time.
 * docs/kpi-status.md describes the same rules for users; change the two together.
 */

/** How often a KPI gets one value: one measurement per period. */
export type Frequency = "daily" | "weekly" | "monthly" | "quarterly";

/** Frequencies from finest to coarsest: the order roll-ups and mixed-frequency formulas need. */
export const FREQUENCIES: readonly Frequency[] = Object.freeze(["daily", "weekly", "monthly", "quarterly"]);

/**
 * Which values are good: more (revenue), less (churn), or neither, when the KPI must
 * stay inside a range (stock level, headcount against plan).
 */
export type Direction = "higher_is_better" | "lower_is_better" | "within_range";

/** How the values of a KPI's periods combine into a longer period (charts, formulas). */
export type Aggregation = "sum" | "average" | "last" | "min" | "max";

/**
 * A KPI's status. `no_data` means a value was due and has not arrived: it is shown
 * distinctly from red, because a missing number is a process problem, not a bad result.
 */
export type KpiStatus = "green" | "amber" | "red" | "no_data";

/**
 * One version of a KPI's thresholds, in force for periods that start on or after
 * `effectiveFrom` until a later version takes over. Keeping versions (instead of
 * overwriting) lets history be judged by the bands that applied at the time.
 *
 * - higher_is_better uses greenMin and redMin: value ≥ greenMin green, value < redMin
 *   red, amber between (redMin ≤ greenMin).
 * - lower_is_better uses greenMax and redMax: value ≤ greenMax green, value > redMax
 *   red, amber between (greenMax ≤ redMax).
 * - within_range uses all four: green inside [greenMin, greenMax], red outside
 *   [redMin, redMax], amber between (redMin ≤ greenMin ≤ greenMax ≤ redMax).
 *
 * A value exactly on a boundary takes the better colour. Fields a direction does not use
 * are ignored. `target` is the value aimed for, shown on charts; it does not change
 * the colour.
 */
export type Bands = {
  effectiveFrom: string;
  target: number | null;
  greenMin: number | null;
  greenMax: number | null;
  redMin: number | null;
  redMax: number | null;
};

/** The organisation's calendar settings that decide where weeks and quarters begin. */
export type PeriodOptions = {
  /** ISO weekday weeks start on: 1 = Monday (the default) … 7 = Sunday. */
  weekStart: number;
  /** Month (1–12) the fiscal year starts in; quarters are fiscal quarters. */
  fiscalYearStartMonth: number;
};

/** An organisation that changed nothing: weeks from Monday, fiscal year = calendar year. */
export const DEFAULT_PERIOD_OPTIONS: Readonly<PeriodOptions> = Object.freeze({
  weekStart: 1,
  fiscalYearStartMonth: 1,
});

/** One KPI value, for the period of the KPI's frequency that starts on `periodStart`. */
export type MeasuredPeriod = { periodStart: string; value: number };

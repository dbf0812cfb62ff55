/**
 * Threshold bands: which fields each direction needs, whether their order makes sense,
 * and which version of the bands judged a given period. See `Bands` in ./types.ts for
 * what each field means.
 */
import { isCalendarDate } from "../okr/calendar.ts";
import type { Bands, Direction } from "./types.ts";

/** One problem with a KPI's bands; `field` is the Bands property (or `bands[i].field`). */
export type BandIssue = { field: string; message: string };

type BandValues = Omit<Bands, "effectiveFrom">;
type BandField = keyof BandValues;

/** The bounds of the green range and the red limits; the target is not one of them. */
export type ThresholdField = Exclude<BandField, "target">;

/** Every threshold field, low to high on the value axis for a keep-within-range KPI. */
export const THRESHOLD_FIELDS: readonly ThresholdField[] = Object.freeze([
  "redMin",
  "greenMin",
  "greenMax",
  "redMax",
]);

/** Band fields each direction uses, low to high on the value axis; the others are ignored. */
export const FIELDS_BY_DIRECTION: Readonly<Record<Direction, readonly ThresholdField[]>> = Object.freeze({
  higher_is_better: Object.freeze(["redMin", "greenMin"] as const),
  lower_is_better: Object.freeze(["greenMax", "redMax"] as const),
  within_range: Object.freeze(["redMin", "greenMin", "greenMax", "redMax"] as const),
});

/** Whether a KPI of this direction uses the field; the fields it does not use are ignored. */
export function usesBandField(direction: Direction, field: ThresholdField): boolean {
  return FIELDS_BY_DIRECTION[direction].includes(field);
}

/**
 * The fields that bound the green range for a direction: a higher-is-better KPI's green
 * range has only a lower bound (greenMin), a lower-is-better one only an upper bound
 * (greenMax), a keep-within-range one both. Null marks an open side.
 */
export function greenBounds(direction: Direction): { min: "greenMin" | null; max: "greenMax" | null } {
  return {
    min: usesBandField(direction, "greenMin") ? "greenMin" : null,
    max: usesBandField(direction, "greenMax") ? "greenMax" : null,
  };
}

/** The red limits a direction uses: values below `min` or above `max` are red. Null marks no limit. */
export function redLimits(direction: Direction): { min: "redMin" | null; max: "redMax" | null } {
  return {
    min: usesBandField(direction, "redMin") ? "redMin" : null,
    max: usesBandField(direction, "redMax") ? "redMax" : null,
  };
}

const DIRECTION_WORDS: Record<Direction, string> = {
  higher_is_better: "a higher-is-better KPI",
  lower_is_better: "a lower-is-better KPI",
  within_range: "a keep-within-range KPI",
};

const REQUIRED_WHY: Record<BandField, string> = {
  target: "",
  greenMin: "values at or above it are green",
  greenMax: "values at or below it are green",
  redMin: "values below it are red",
  redMax: "values above it are red",
};

/**
 * Pairs that must be in order (`low` at or below `high`) for each direction, with the
 * reason shown to the person editing the bands.
 */
const ORDER_RULES: Readonly<
  Record<Direction, ReadonlyArray<{ low: BandField; high: BandField; why: string }>>
> = {
  higher_is_better: [
    {
      low: "redMin",
      high: "greenMin",
      why: "values below redMin are red and values at or above greenMin are green, with amber between",
    },
  ],
  lower_is_better: [
    {
      low: "greenMax",
      high: "redMax",
      why: "values at or below greenMax are green and values above redMax are red, with amber between",
    },
  ],
  within_range: [
    {
      low: "redMin",
      high: "greenMin",
      why: "values below redMin are red, so the red floor must sit under the green range",
    },
    {
      low: "greenMin",
      high: "greenMax",
      why: "values from greenMin to greenMax are green, so the range must not be empty",
    },
    {
      low: "greenMax",
      high: "redMax",
      why: "values above redMax are red, so the red ceiling must sit over the green range",
    },
  ],
};

/**
 * Problems with one version of a KPI's bands: each field its direction uses must be set
 * and be a finite number, the target (optional) must be finite when set, and the bands
 * must be ordered so that green, amber and red do not overlap. Equal bounds are allowed
 * (redMin = greenMin leaves no amber). Fields the direction does not use are ignored, so
 * switching a KPI's direction does not force anyone to clear them first. An empty list
 * means the bands are usable.
 */
export function validateBands(direction: Direction, bands: BandValues): BandIssue[] {
  const issues: BandIssue[] = [];
  const what = DIRECTION_WORDS[direction];
  if (bands.target !== null && !Number.isFinite(bands.target)) {
    issues.push({ field: "target", message: "target must be a finite number, or left empty." });
  }
  const usable = new Set<BandField>();
  for (const field of FIELDS_BY_DIRECTION[direction]) {
    const value = bands[field];
    if (value === null || value === undefined) {
      issues.push({ field, message: `Set ${field} for ${what}: ${REQUIRED_WHY[field]}.` });
    } else if (!Number.isFinite(value)) {
      issues.push({ field, message: `${field} must be a finite number for ${what}.` });
    } else {
      usable.add(field);
    }
  }
  for (const { low, high, why } of ORDER_RULES[direction]) {
    if (!usable.has(low) || !usable.has(high)) continue;
    const lowValue = bands[low]!;
    const highValue = bands[high]!;
    if (lowValue > highValue) {
      issues.push({
        field: low,
        message: `${low} must be at or below ${high} for ${what}: ${why} (got ${low} ${lowValue}, ${high} ${highValue}).`,
      });
    }
  }
  return issues;
}

/**
 * Problems with a KPI's whole band history: every version valid (fields reported as
 * `bands[i].field`), each effective date a real calendar date, and no two versions
 * taking effect on the same day (which one would apply would be a guess). An empty
 * series is valid: the KPI simply has no status colours yet.
 */
export function validateBandSeries(direction: Direction, series: readonly Bands[]): BandIssue[] {
  const issues: BandIssue[] = [];
  const firstByDate = new Map<string, number>();
  series.forEach((bands, index) => {
    const prefix = `bands[${index}]`;
    if (!isCalendarDate(bands.effectiveFrom)) {
      issues.push({
        field: `${prefix}.effectiveFrom`,
        message: `effectiveFrom must be a real date written YYYY-MM-DD, got "${bands.effectiveFrom}".`,
      });
    } else {
      const earlier = firstByDate.get(bands.effectiveFrom);
      if (earlier === undefined) {
        firstByDate.set(bands.effectiveFrom, index);
      } else {
        issues.push({
          field: `${prefix}.effectiveFrom`,
          message: `bands[${earlier}] already takes effect on ${bands.effectiveFrom}: pick another date, or edit that version instead.`,
        });
      }
    }
    for (const issue of validateBands(direction, bands)) {
      issues.push({ field: `${prefix}.${issue.field}`, message: issue.message });
    }
  });
  return issues;
}

/**
 * The bands that judge the period starting on `periodStart`: the version with the latest
 * `effectiveFrom` on or before that day, or null when none had taken effect yet. A
 * version that takes effect mid-period first applies to the next period, so one period
 * is never judged by two sets of bands. `series` may be in any order; should two versions
 * share a date (validation prevents it), the later one in the list wins.
 */
export function bandsInForce(series: readonly Bands[], periodStart: string): Bands | null {
  let found: Bands | null = null;
  for (const bands of series) {
    if (bands.effectiveFrom > periodStart) continue;
    if (found === null || bands.effectiveFrom >= found.effectiveFrom) found = bands;
  }
  return found;
}

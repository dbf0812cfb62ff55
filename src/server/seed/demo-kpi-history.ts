/**
 * How the demo's KPI values move over two years: a level that drifts from `from` to
 * `to`, a season (the parcel peak before Christmas, the summer holidays, winter), a
 * wobble that carries over from one period to the next (real figures are not white
 * noise), and, where a story needs it, the newest values or a past dip as they happened.
 * Pure and deterministic: the same KPI and dates give the same values on every setup.
 */
import { bandsInForce } from "../../domain/kpi/bands.ts";
import { valueStatus } from "../../domain/kpi/status.ts";
import type { Bands, Direction, Frequency } from "../../domain/kpi/types.ts";
import { seededRandom } from "./seed-demo.ts";

const DAY_MS = 86_400_000;
/** Days since 1970-01-01 of a YYYY-MM-DD date, and back: date arithmetic without string parsing per step. */
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * The `count` periods of a frequency that end with the one starting on `latest` (a
 * period start), oldest first. Two years of daily values are 730 of them, so this steps
 * in whole days and months instead of going through the calendar rules once per period.
 */
export function periodsEndingAt(latest: string, frequency: Frequency, count: number): string[] {
  const out: string[] = new Array(count);
  if (frequency === "daily" || frequency === "weekly") {
    const step = frequency === "daily" ? 1 : 7;
    const last = dayNumber(latest);
    for (let i = 0; i < count; i++) out[i] = dateOf(last - (count - 1 - i) * step);
    return out;
  }
  const months = frequency === "monthly" ? 1 : 3;
  const [y, m] = latest.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1);
  for (let i = 0; i < count; i++) {
    const k = index - (count - 1 - i) * months;
    out[i] = `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}-01`;
  }
  return out;
}

/** The day after a period's last day: its end, exclusive. */
export function periodEndExclusive(periodStart: string, frequency: Frequency): string {
  if (frequency === "daily") return dateOf(dayNumber(periodStart) + 1);
  if (frequency === "weekly") return dateOf(dayNumber(periodStart) + 7);
  const [y, m] = periodStart.split("-").map(Number) as [number, number];
  const k = y * 12 + (m - 1) + (frequency === "monthly" ? 1 : 3);
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}-01`;
}

export type SeasonShape = "peak" | "summer" | "winter";

export type Curve = {
  /** The level two years ago and at the latest period, before season and wobble. */
  from: number;
  to: number;
  /** Added at the height of the season (negative: a dip), fading in and out around it. */
  season?: [shape: SeasonShape, amount: number];
  /** Typical size of the period-to-period wobble. */
  noise: number;
  /** Daily KPIs: added on Saturdays and Sundays. */
  weekend?: number;
  /** Bounds the values never leave (percentages stay within 0–100). */
  min?: number;
  max?: number;
  /**
   * The newest values as they happened, oldest of them first: a red streak, a slide.
   * These are the only values allowed to be red, with `dip`.
   */
  recent?: number[];
  /** A past red spell: its values, oldest first, ending `periodsAgo` periods before the latest. */
  dip?: { periodsAgo: number; values: number[] };
  /**
   * A lasting change of level (something people did worked): from `periodsAgo` periods
   * before the latest, the level moves by `by`, reaching it over three periods.
   */
  shift?: { periodsAgo: number; by: number };
};

const SHIFT_RAMP_PERIODS = 3;

/** How far a lasting shift has moved the level by period `i` of `last`. */
function shiftAt(shift: Curve["shift"], i: number, last: number): number {
  if (!shift) return 0;
  const into = i - (last - shift.periodsAgo) + 1;
  return shift.by * Math.min(1, Math.max(0, into / SHIFT_RAMP_PERIODS));
}

/** Day of the year's centre of each season, and how wide it is (days, one standard deviation). */
const SEASONS: Record<SeasonShape, { centre: number; width: number }> = {
  peak: { centre: 345, width: 16 },
  summer: { centre: 212, width: 24 },
  winter: { centre: 25, width: 28 },
};

function dayOfYear(day: number): number {
  return day - Date.UTC(new Date(day * DAY_MS).getUTCFullYear(), 0, 1) / DAY_MS;
}

/** 1 at the centre of the season, fading to 0 away from it (across New Year too). */
export function seasonWeight(day: number, shape: SeasonShape): number {
  const { centre, width } = SEASONS[shape];
  const raw = Math.abs(dayOfYear(day) - centre);
  const distance = Math.min(raw, 365 - raw);
  return Math.exp(-(distance * distance) / (2 * width * width));
}

/** The day (number) that stands for a period in the season: the middle of a week or a month. */
function representativeDay(periodStart: string, frequency: Frequency): number {
  const offset = { daily: 0, weekly: 3, monthly: 14, quarterly: 45 }[frequency];
  return dayNumber(periodStart) + offset;
}

/** A stable seed per KPI key, so adding a KPI never changes another one's history. */
function seedOf(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/**
 * Values for `periods` (oldest first) along `curve`. Values the curve does not declare as
 * red (`recent`, `dip`) are kept out of red under the bands in force for their period:
 * every red spell in the demo is one the escalations tell the story of.
 */
export function curveValues(
  key: string,
  curve: Curve,
  periods: readonly string[],
  frequency: Frequency,
  decimals: number,
  direction: Direction,
  bands: readonly Bands[],
): number[] {
  const random = seededRandom(seedOf(key));
  const gauss = () => {
    const u = Math.max(random(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const last = periods.length - 1;
  const declared = new Map<number, number>();
  curve.recent?.forEach((v, i) => {
    declared.set(last - (curve.recent!.length - 1) + i, v);
  });
  if (curve.dip) {
    const end = last - curve.dip.periodsAgo;
    curve.dip.values.forEach((v, i) => {
      declared.set(end - (curve.dip!.values.length - 1) + i, v);
    });
  }
  let wobble = 0;
  return periods.map((periodStart, i) => {
    // An AR(1) wobble: each period keeps 60 % of the last one's deviation.
    wobble = 0.6 * wobble + 0.8 * curve.noise * gauss();
    const fixed = declared.get(i);
    if (fixed !== undefined) return fixed;
    const level =
      curve.from + ((curve.to - curve.from) * i) / Math.max(1, last) + shiftAt(curve.shift, i, last);
    const day = representativeDay(periodStart, frequency);
    let value = level + wobble;
    if (curve.season) value += curve.season[1] * seasonWeight(day, curve.season[0]);
    // Day 0 (1970-01-01) was a Thursday: (day + 3) % 7 is 0 on Mondays, 5 and 6 at weekends.
    if (curve.weekend && (day + 3) % 7 >= 5) value += curve.weekend;
    value = Math.min(
      curve.max ?? Number.POSITIVE_INFINITY,
      Math.max(curve.min ?? Number.NEGATIVE_INFINITY, value),
    );
    value = roundTo(value, decimals);
    return keepOutOfRed(value, direction, bandsInForce(bands, periodStart), decimals, random);
  });
}

/**
 * A value judged red moved onto the amber side of the red bound, a random part of the
 * way towards green, so a clamped spell still wobbles.
 */
function keepOutOfRed(
  value: number,
  direction: Direction,
  bands: Bands | null,
  decimals: number,
  random: () => number,
): number {
  if (!bands || valueStatus(value, direction, bands) !== "red") return value;
  const { redMin, redMax, greenMin, greenMax } = bands;
  const amber = (bound: number, green: number | null) =>
    roundTo(green === null ? bound : bound + (green - bound) * (0.15 + 0.5 * random()), decimals);
  switch (direction) {
    case "higher_is_better":
      return amber(redMin!, greenMin);
    case "lower_is_better":
      return amber(redMax!, greenMax);
    case "within_range":
      return value < redMin! ? amber(redMin!, greenMin) : amber(redMax!, greenMax);
  }
}

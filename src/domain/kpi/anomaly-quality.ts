/**
 * How well `judgeLatest` finds unusual values: synthetic KPI series (seeded, so every
 * run sees the same ones) with a known shift injected into the newest value of some of
 * them. Used by the quality test and `npm run bench -- kpi-anomaly`; the figures are in
 * docs/benchmarks.md.
 */
import { addDays } from "../dates.ts";
import { mulberry32, normal } from "../okr/forecast.ts";
import { ANOMALY_MIN_HISTORY, ANOMALY_WINDOW, judgeLatest } from "./anomaly.ts";
import type { Frequency, MeasuredPeriod } from "./types.ts";

export type SyntheticSeries = {
  frequency: Frequency;
  shape: "flat" | "trend" | "weekday";
  points: MeasuredPeriod[];
  /** Size of the shift injected into the newest value, in noise standard deviations; 0 for none. */
  injected: number;
};

export type QualityOptions = {
  series: number;
  seed: number;
  /** Share of series whose newest value is shifted. */
  anomalyShare: number;
  /** Shifts are drawn uniformly from this range (in σ), either sign. */
  shiftRange: [number, number];
};

export const DEFAULT_QUALITY: QualityOptions = {
  series: 2000,
  seed: 20261207,
  anomalyShare: 0.05,
  shiftRange: [2, 8],
};

/**
 * Flat weekly series, steadily trending weekly series and daily series with a weekday
 * pattern (weekends at a fifth of weekdays), with normal noise for four in five series
 * and heavier-tailed noise (Student's t, 5 degrees of freedom, scaled to σ = 1) for the
 * rest; one series in ten carries an outlier somewhere in its history; one in five has
 * a shorter history than the full window.
 */
export function syntheticSeries(options: QualityOptions = DEFAULT_QUALITY): SyntheticSeries[] {
  const random = mulberry32(options.seed);
  const t5 = () => {
    const z = normal(random);
    let chi = 0;
    for (let i = 0; i < 5; i++) chi += normal(random) ** 2;
    return (z / Math.sqrt(chi / 5)) * Math.sqrt(3 / 5);
  };
  const out: SyntheticSeries[] = [];
  for (let s = 0; s < options.series; s++) {
    const pick = random();
    const shape: SyntheticSeries["shape"] = pick < 0.4 ? "flat" : pick < 0.7 ? "trend" : "weekday";
    const frequency: Frequency = shape === "weekday" ? "daily" : "weekly";
    const window = ANOMALY_WINDOW[frequency];
    const minimum = ANOMALY_MIN_HISTORY[frequency];
    const length = random() < 0.2 ? minimum + Math.floor(random() * (window - minimum)) : window;
    const sigma = 1 + random() * 20;
    const level = sigma * (20 + random() * 100);
    const slope = shape === "trend" ? (random() < 0.5 ? -1 : 1) * sigma * (0.2 + random() * 1.8) : 0;
    const heavy = random() < 0.2;
    const noise = () => sigma * (heavy ? t5() : normal(random));
    const base = (i: number) => {
      const weekday = shape === "weekday" && [5, 6].includes(i % 7) ? 0.2 : 1;
      return (level + slope * i) * weekday;
    };
    const values = Array.from({ length: length + 1 }, (_, i) => base(i) + noise());
    if (random() < 0.1) {
      const at = Math.floor(random() * length);
      values[at] = (values[at] as number) + (random() < 0.5 ? -1 : 1) * sigma * (6 + random() * 10);
    }
    let injected = 0;
    if (random() < options.anomalyShare) {
      const [low, high] = options.shiftRange;
      injected = low + random() * (high - low);
      values[length] = (values[length] as number) + (random() < 0.5 ? -1 : 1) * sigma * injected;
    }
    const step = frequency === "daily" ? 1 : 7;
    const points = values.map((value, i) => ({ periodStart: addDays("2026-01-05", step * i), value }));
    out.push({ frequency, shape, points, injected });
  }
  return out;
}

export type QualityFigures = {
  series: number;
  flagged: number;
  /** Flagged series whose newest value was shifted (any size) ÷ flagged series. */
  precision: number;
  /** Series shifted by ≥ 4σ that were flagged ÷ series shifted by ≥ 4σ. */
  recallAtLeast4: number;
  shiftedAtLeast4: number;
  /** The same for shifts of 2–4σ, which are meant to be missed more often. */
  recallBelow4: number;
  shiftedBelow4: number;
  /** Series without a shift that were flagged ÷ series without a shift. */
  falseAlarmRate: number;
  /** Precision and recall (≥ 4σ) per shape, to show no shape carries the others. */
  byShape: Record<SyntheticSeries["shape"], { precision: number; recallAtLeast4: number }>;
};

const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

/** Judges the newest value of every series and scores the verdicts against what was injected. */
export function measureQuality(series: readonly SyntheticSeries[]): QualityFigures {
  const verdicts = series.map((s) => ({ s, flagged: judgeLatest(s.points, s.frequency) !== null }));
  const score = (subset: typeof verdicts) => {
    const flagged = subset.filter((v) => v.flagged);
    const big = subset.filter((v) => v.s.injected >= 4);
    return {
      flagged,
      big,
      precision: ratio(flagged.filter((v) => v.s.injected > 0).length, flagged.length),
      recallAtLeast4: ratio(big.filter((v) => v.flagged).length, big.length),
    };
  };
  const all = score(verdicts);
  const small = verdicts.filter((v) => v.s.injected > 0 && v.s.injected < 4);
  const clean = verdicts.filter((v) => v.s.injected === 0);
  const shape = (name: SyntheticSeries["shape"]) => {
    const { precision, recallAtLeast4 } = score(verdicts.filter((v) => v.s.shape === name));
    return { precision, recallAtLeast4 };
  };
  return {
    series: series.length,
    flagged: all.flagged.length,
    precision: all.precision,
    recallAtLeast4: all.recallAtLeast4,
    shiftedAtLeast4: all.big.length,
    recallBelow4: ratio(small.filter((v) => v.flagged).length, small.length),
    shiftedBelow4: small.length,
    falseAlarmRate: ratio(clean.filter((v) => v.flagged).length, clean.length),
    byShape: { flat: shape("flat"), trend: shape("trend"), weekday: shape("weekday") },
  };
}

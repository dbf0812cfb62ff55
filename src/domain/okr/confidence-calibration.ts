/**
 * How well a person's (or a team's) confidence predicted how their Key Results ended.
 * Each graded KR of a closed cycle is one prediction: the mean confidence of its check-ins
 * during the cycle, read as the chance (0–10 → 0–1) that it would be delivered, and the
 * outcome: delivered when its final score is 0.7 or more (docs/okr-status.md, "Grading").
 * Worded to help, not to judge: the answer says what happened, not what a person is.
 */

export type GradedPrediction = { meanConfidence: number; finalScore: number };

export type ConfidenceBand = {
  /** The confidence range, both ends included: 0–3, 4–6, 7–10. */
  from: number;
  to: number;
  keyResults: number;
  /** Share delivered (final score ≥ 0.7); null when the band is empty. */
  delivered: number | null;
};

export type Calibration = {
  keyResults: number;
  /** Mean of the KRs' mean confidences, 0–10. */
  meanConfidence: number | null;
  /** Share of the KRs delivered. */
  delivered: number | null;
  /** Mean (confidence ÷ 10 − delivered)²: 0 is perfect, 0.25 is what always saying 5 gives on a coin flip. */
  brierScore: number | null;
  bands: ConfidenceBand[];
  /** `too_few` below MIN_KEY_RESULTS graded KRs. */
  reading: "too_few" | "well_calibrated" | "overconfident" | "underconfident";
  /** One sentence for the person and their manager. */
  summary: string;
};

/** Fewer graded KRs than this say too little about anyone. */
export const MIN_KEY_RESULTS = 5;
/** A final score from which a KR counts as delivered. */
export const DELIVERED_FROM = 0.7;
/** Stated and actual rates further apart than this (in share points) are called over- or underconfident. */
const TOLERANCE = 0.15;

const BANDS: Array<[number, number]> = [
  [0, 3],
  [4, 6],
  [7, 10],
];

export function calibrate(predictions: ReadonlyArray<GradedPrediction>): Calibration {
  const valid = predictions.filter((p) => Number.isFinite(p.meanConfidence) && Number.isFinite(p.finalScore));
  const n = valid.length;
  const delivered = (p: GradedPrediction) => (p.finalScore >= DELIVERED_FROM ? 1 : 0);
  const bands = BANDS.map(([from, to]) => {
    // A mean confidence of 6.5 belongs to the band it rounds into.
    const inBand = valid.filter(
      (p) => Math.round(p.meanConfidence) >= from && Math.round(p.meanConfidence) <= to,
    );
    return {
      from,
      to,
      keyResults: inBand.length,
      delivered: inBand.length ? inBand.reduce((s, p) => s + delivered(p), 0) / inBand.length : null,
    };
  });
  if (n === 0) {
    return {
      keyResults: 0,
      meanConfidence: null,
      delivered: null,
      brierScore: null,
      bands,
      reading: "too_few",
      summary: "No graded Key Results with check-ins yet.",
    };
  }
  const meanConfidence = valid.reduce((s, p) => s + p.meanConfidence, 0) / n;
  const deliveredRate = valid.reduce((s, p) => s + delivered(p), 0) / n;
  const brierScore = valid.reduce((s, p) => s + (p.meanConfidence / 10 - delivered(p)) ** 2, 0) / n;
  const stated = meanConfidence / 10;
  const reading =
    n < MIN_KEY_RESULTS
      ? "too_few"
      : stated - deliveredRate > TOLERANCE
        ? "overconfident"
        : deliveredRate - stated > TOLERANCE
          ? "underconfident"
          : "well_calibrated";
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  const facts = `Mean confidence ${meanConfidence.toFixed(1)} of 10 across ${n} graded Key Results; ${pct(deliveredRate)} were delivered (final score 0.7 or more).`;
  const readings: Record<Calibration["reading"], string> = {
    too_few: `${facts} ${MIN_KEY_RESULTS} or more are needed before this says much.`,
    well_calibrated: `${facts} Confidence and results agree: a confidence of 7 meant about 7 in 10.`,
    overconfident: `${facts} Confidence ran ahead of results: raising a risk earlier, while there is time to act, helps.`,
    underconfident: `${facts} Results beat confidence: these KRs were safer than they felt, so targets may have room to stretch.`,
  };
  return {
    keyResults: n,
    meanConfidence: round2(meanConfidence),
    delivered: round2(deliveredRate),
    brierScore: round2(brierScore),
    bands,
    reading,
    summary: readings[reading],
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

import type { CheckIn, KeyResult } from "../schemas/okrs.ts";

export type KeyResultChartPoint = {
  t: number;
  value: number | null;
  confidence: number | null;
  note: string;
};

/**
 * The points of a KR's chart, oldest first: its baseline at the cycle's start (metric:
 * the start value; percentage: 0; milestone: not done), then one per check-in.
 */
export function checkInSeries(
  kr: Pick<KeyResult, "kind" | "startValue">,
  checkIns: ReadonlyArray<Pick<CheckIn, "createdAt" | "value" | "done" | "confidence" | "note">>,
  cycleStart: number | null,
): KeyResultChartPoint[] {
  const points: KeyResultChartPoint[] = [...checkIns]
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))
    .map((c) => ({
      t: Date.parse(c.createdAt),
      value: kr.kind === "milestone" ? (c.done ? 1 : 0) : c.value,
      confidence: c.confidence,
      note: c.note,
    }));
  const baseline = kr.kind === "metric" ? kr.startValue : 0;
  const first = points[0];
  if (cycleStart !== null && baseline !== null && (!first || first.t > cycleStart)) {
    points.unshift({ t: cycleStart, value: baseline, confidence: null, note: "" });
  }
  return points;
}

import type { CheckIn, KeyResult } from "../../lib/types.ts";

/** A linear map from a domain of data to a range of pixels. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]) {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  return (value: number) => (span === 0 ? (r0 + r1) / 2 : r0 + ((value - d0) / span) * (r1 - r0));
}

/** A step that reads well on an axis: 1, 2 or 5 times a power of ten. */
export function niceStep(span: number, ticks = 4): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * A y-domain covering every value, widened to whole steps so the line never touches the
 * frame; a flat series gets room around its one value.
 */
export function niceDomain(values: readonly number[], ticks = 4): [number, number] {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return [0, 1];
  let min = Math.min(...finite);
  let max = Math.max(...finite);
  if (min === max) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 1;
    min -= pad;
    max += pad;
  }
  const step = niceStep(max - min, ticks);
  return [Math.floor(min / step + 1e-9) * step, Math.ceil(max / step - 1e-9) * step];
}

/** Tick values from a nice domain. */
export function ticksOf(domain: readonly [number, number], ticks = 4): number[] {
  const step = niceStep(domain[1] - domain[0], ticks);
  const out: number[] = [];
  for (let v = domain[0]; v <= domain[1] + step * 1e-6; v += step) out.push(Math.round(v / step) * step);
  return out;
}

export type ChartPoint = { t: number; value: number | null; confidence: number | null; note: string };

/**
 * The points of a KR's chart, oldest first: its baseline at the cycle's start (metric:
 * the start value; percentage: 0; milestone: not done), then one per check-in.
 */
export function checkInSeries(
  kr: Pick<KeyResult, "kind" | "startValue">,
  checkIns: readonly CheckIn[],
  cycleStart: number | null,
): ChartPoint[] {
  const points: ChartPoint[] = [...checkIns]
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

/** SVG path through the points with a value ("M x y L x y …"); gaps are skipped. */
export function linePath(points: ReadonlyArray<{ x: number; y: number | null }>): string {
  let d = "";
  let pen = false;
  for (const p of points) {
    if (p.y === null) {
      pen = false;
      continue;
    }
    d += `${pen ? "L" : "M"}${round1(p.x)} ${round1(p.y)} `;
    pen = true;
  }
  return d.trim();
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

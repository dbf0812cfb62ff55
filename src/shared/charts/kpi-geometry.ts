import type { Kpi } from "../schemas/kpis.ts";
import { niceStep } from "./scale.ts";

/** One version of a KPI's thresholds, as the API returns it. */
export type KpiBands = Kpi["bands"][number];

const DAY = 86_400_000;

/** A YYYY-MM-DD date as milliseconds at UTC midnight (charts never shift a day). */
export function dayMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** One version of the bands over the part of the chart where it is in force. */
export type BandSegment = { from: number; to: number; bands: KpiBands };

/**
 * Where each version of the bands applies between x0 and x1 (ms): from its date until
 * the next version's, clipped to the chart. A version that took effect before x0 covers
 * the chart's start.
 */
export function bandSegments(series: readonly KpiBands[], x0: number, x1: number): BandSegment[] {
  const sorted = [...series].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const out: BandSegment[] = [];
  sorted.forEach((bands, i) => {
    const start = dayMs(bands.effectiveFrom);
    const next = sorted[i + 1];
    const end = next ? dayMs(next.effectiveFrom) : Number.POSITIVE_INFINITY;
    const from = Math.max(start, x0);
    const to = Math.min(end, x1);
    if (to > from) out.push({ from, to, bands });
  });
  return out;
}

export type Zone = { status: "green" | "amber" | "red"; lo: number; hi: number };

/**
 * The value ranges one version of the bands colours, low to high (the rule of
 * src/domain/kpi/status.ts drawn as areas). Empty when a field the direction needs is
 * missing: no guessed colours.
 */
export function zonesOf(direction: Kpi["direction"], b: KpiBands): Zone[] {
  const inf = Number.POSITIVE_INFINITY;
  switch (direction) {
    case "higher_is_better":
      if (b.redMin === null || b.greenMin === null) return [];
      return [
        { status: "red", lo: -inf, hi: b.redMin },
        { status: "amber", lo: b.redMin, hi: b.greenMin },
        { status: "green", lo: b.greenMin, hi: inf },
      ];
    case "lower_is_better":
      if (b.greenMax === null || b.redMax === null) return [];
      return [
        { status: "green", lo: -inf, hi: b.greenMax },
        { status: "amber", lo: b.greenMax, hi: b.redMax },
        { status: "red", lo: b.redMax, hi: inf },
      ];
    case "within_range":
      if (b.redMin === null || b.greenMin === null || b.greenMax === null || b.redMax === null) return [];
      return [
        { status: "red", lo: -inf, hi: b.redMin },
        { status: "amber", lo: b.redMin, hi: b.greenMin },
        { status: "green", lo: b.greenMin, hi: b.greenMax },
        { status: "amber", lo: b.greenMax, hi: b.redMax },
        { status: "red", lo: b.redMax, hi: inf },
      ];
  }
}

/** Every number the y-axis must show: values, thresholds and targets on screen. */
export function domainValues(
  points: ReadonlyArray<{ value: number }>,
  segments: readonly BandSegment[],
  direction: Kpi["direction"],
): number[] {
  const out = points.map((p) => p.value);
  const bounds: number[] = [];
  const redEdges: Array<{ at: number; side: "below" | "above" }> = [];
  for (const s of segments) {
    if (s.bands.target !== null) out.push(s.bands.target);
    for (const z of zonesOf(direction, s.bands)) {
      if (Number.isFinite(z.lo)) bounds.push(z.lo);
      if (Number.isFinite(z.hi)) bounds.push(z.hi);
      if (z.status === "red" && !Number.isFinite(z.lo)) redEdges.push({ at: z.hi, side: "below" });
      if (z.status === "red" && !Number.isFinite(z.hi)) redEdges.push({ at: z.lo, side: "above" });
    }
  }
  out.push(...bounds);
  // A red threshold at the edge of the chart would hide its red area: show a strip of it.
  const all = out.length > 0 ? out : [0];
  const span = Math.max(...all) - Math.min(...all) || Math.abs(all[0] ?? 1) * 0.1 || 1;
  for (const edge of redEdges)
    out.push(edge.side === "below" ? edge.at - span * 0.08 : edge.at + span * 0.08);
  return out;
}

/** Value-axis ticks on round steps, all inside the domain (which need not start on a step). */
export function axisTicks(domain: readonly [number, number], count = 5): number[] {
  const [d0, d1] = domain;
  const step = niceStep(d1 - d0, count);
  const out: number[] = [];
  for (let v = Math.ceil(d0 / step - 1e-9) * step; v <= d1 + step * 1e-6 && out.length < 20; v += step)
    out.push(Math.round(v / step) * step);
  return out;
}

/** A little room above and below, so no line runs along the chart's frame. */
export function paddedDomain(values: readonly number[]): number[] {
  if (values.length === 0) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const pad = (max - min) * 0.04;
  return [...values, min - pad, max + pad];
}

/**
 * The time axis: the range asked for, but starting shortly before the first value when
 * the KPI is younger than the range (a fresh KPI should not be a dot at the right edge),
 * and ending a little after the last period so its point is not on the frame.
 */
export function timeDomain(times: readonly number[], from: number, to: number): { x0: number; x1: number } {
  const first = times[0];
  const last = Math.max(to, times[times.length - 1] ?? to);
  if (first === undefined || first <= from) return { x0: from, x1: last + (last - from) * 0.015 };
  const span = Math.max(last - first, 28 * DAY);
  const x0 = Math.max(from, first - span * 0.08);
  return { x0, x1: last + (last - x0) * 0.015 };
}

/**
 * The target as a step line: [time, value] corners, flat while a version is in force and
 * stepping where the next one starts; null where a version has no target, which breaks
 * the line.
 */
export function targetSteps(segments: readonly BandSegment[]): Array<[number, number | null]> {
  const out: Array<[number, number | null]> = [];
  let prevTo: number | null = null;
  for (const s of segments) {
    const t = s.bands.target;
    if (t === null) {
      if (prevTo !== null) out.push([s.from, null]);
      prevTo = null;
      continue;
    }
    if (prevTo !== null && prevTo !== s.from) out.push([prevTo, null]);
    out.push([s.from, t], [s.to, t]);
    prevTo = s.to;
  }
  return out;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Ticks on the time axis: years over long spans, quarters or months over short ones. */
export function timeTicks(x0: number, x1: number): Array<{ t: number; label: string }> {
  const years = (x1 - x0) / (365 * DAY);
  const everyYears = years > 6 ? Math.ceil(years / 6) : 1;
  const everyMonths = years > 1.5 ? 12 : years > 0.6 ? 3 : 1;
  const first = new Date(x0);
  const out: Array<{ t: number; label: string }> = [];
  let y = first.getUTCFullYear();
  let m = first.getUTCMonth();
  for (let i = 0; i < 2400; i++) {
    const t = Date.UTC(y, m, 1);
    if (t > x1) break;
    const onStep = everyMonths === 12 ? m === 0 && y % everyYears === 0 : m % everyMonths === 0;
    if (t >= x0 && onStep)
      out.push({ t, label: everyMonths === 12 ? String(y) : `${MONTHS[m]} ${String(y).slice(2)}` });
    m += 1;
    if (m === 12) {
      m = 0;
      y += 1;
    }
  }
  return out;
}

import { nextPeriodStart, periodStartOf } from "./periods.ts";
import type { Bands, Direction, Frequency, PeriodOptions } from "./types.ts";

/**
 * A promotion that met its target offers the KPI a new baseline: the achieved level
 * becomes the target, and the thresholds move by the same step (achieved − old target),
 * so the bands keep their shape. The step only goes the way the KPI improves (up for
 * higher_is_better, down for lower_is_better; either way for within_range): a KR that
 * met a target below the KPI's own never lowers the KPI's bar. Without an old target the
 * achieved level becomes the target and the thresholds stay.
 */
export function proposedBaseline(
  inForce: Omit<Bands, "effectiveFrom"> | null,
  achieved: number,
  direction: Direction,
): Omit<Bands, "effectiveFrom"> {
  const old = inForce ?? { target: null, greenMin: null, greenMax: null, redMin: null, redMax: null };
  if (old.target === null) return { ...old, target: achieved };
  const raw = achieved - old.target;
  const step =
    direction === "higher_is_better"
      ? Math.max(0, raw)
      : direction === "lower_is_better"
        ? Math.min(0, raw)
        : raw;
  const move = (v: number | null) => (v === null ? null : roundStep(v + step));
  return {
    target: move(old.target),
    greenMin: move(old.greenMin),
    greenMax: move(old.greenMax),
    redMin: move(old.redMin),
    redMax: move(old.redMax),
  };
}

/** Sums of doubles drift (91.2 + 4.8 = 96.00000000000001): keep 10 significant decimals. */
function roundStep(v: number): number {
  return Number.parseFloat(v.toFixed(10));
}

/** The new baseline applies from the KPI's first period after the cycle's last day. */
export function baselineEffectiveFrom(
  cycleEndsOn: string,
  frequency: Frequency,
  opts: PeriodOptions,
): string {
  return nextPeriodStart(periodStartOf(cycleEndsOn, frequency, opts), frequency);
}

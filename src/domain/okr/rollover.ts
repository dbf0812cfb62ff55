/**
 * Rolling a Key Result over into the next cycle: the unfinished KR carries on, starting
 * from where it got to.
 */
import type { KeyResultInput } from "./progress.ts";

/** The rolled-over KR, and whether it needs a new target before it can be activated. */
export type RolledOverKeyResult<T extends KeyResultInput> = { keyResult: T; needsNewTarget: boolean };

/**
 * The new KR's baseline. Every other field (target, weight, owner, unit, direction,
 * linked KPI…) is copied as is; the caller gives it a new id and cycle.
 * - metric: start = the last value (current; unchanged when never checked in), current
 *   = null (no check-in in the new cycle yet, so progress starts at 0);
 * - percentage: keeps its current percentage: it measures the same piece of work, and
 *   what was done last cycle stays done;
 * - milestone: unchanged.
 * `needsNewTarget` is true when a metric's last value already reached or passed its
 * target in the KR's direction (start → target): rolled over as is it would be not
 * measurable or run backwards, so the owner must re-target (the linter says so too).
 * It is also true for a metric that was not measurable to begin with.
 */
export function rolloverKeyResult<T extends KeyResultInput>(kr: T): RolledOverKeyResult<T> {
  if (kr.kind !== "metric") return { keyResult: { ...kr }, needsNewTarget: false };
  const newStart = kr.current ?? kr.start;
  const direction = Math.sign(kr.target - kr.start);
  const remaining = Math.sign(kr.target - newStart);
  return {
    keyResult: { ...kr, start: newStart, current: null },
    needsNewTarget: direction === 0 || remaining !== direction,
  };
}

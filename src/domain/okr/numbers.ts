/**
 * Number helpers shared by the OKR rules. Progress, pace and scores are ratios of
 * user-entered numbers, so binary floating point leaves noise such as
 * 0.30000000000000004; rounding outputs and comparing thresholds with a tolerance keeps
 * "exactly on the line" on the side a person would expect.
 */

/** Tolerance for threshold comparisons: far below any precision a person enters or sees. */
export const EPSILON = 1e-9;

/** Rounds to `decimals` places (halves go up, as Math.round does); never returns -0. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  // -0 prints as "0" but fails Object.is checks and sorts oddly; normalise it.
  return rounded === 0 ? 0 : rounded;
}

/** Clamps to [0, 1]: the range roll-ups work in. */
export function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** `a >= b`, forgiving float noise: 0.7999999999999999 counts as reaching 0.8. */
export function atLeast(a: number, b: number): boolean {
  return a >= b - EPSILON;
}

/** `a <= b`, forgiving float noise. */
export function atMost(a: number, b: number): boolean {
  return a <= b + EPSILON;
}

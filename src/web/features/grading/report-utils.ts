/** Bar heights for a distribution, each 0–1 of the tallest bucket (all 0 when empty). */
export function barHeights(byTenth: readonly number[]): number[] {
  const max = Math.max(0, ...byTenth);
  return byTenth.map((n) => (max === 0 ? 0 : n / max));
}

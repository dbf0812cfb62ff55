/** What typing one key into the confidence control does. */
export type ConfidenceKey = {
  /** The confidence the key sets. */
  value: number;
  /** The number is complete (0, 2–9 or 10): focus moves on to the next field. */
  complete: boolean;
  /** A lone 1 was typed: a 0 next makes it 10. */
  pendingOne: boolean;
};

/**
 * Typing a number 0–10 sets the confidence, so a keyboard user does not step the slider
 * with arrow keys. A 1 may be the start of 10, so it waits for one more key; every other
 * digit (and the 0 of 10) completes the number. Keys that are not digits return null and
 * keep their usual meaning (arrows, Home/End, Tab).
 */
export function typeConfidence(pendingOne: boolean, key: string): ConfidenceKey | null {
  if (!/^[0-9]$/.test(key)) return null;
  const digit = Number(key);
  if (pendingOne && digit === 0) return { value: 10, complete: true, pendingOne: false };
  if (digit === 1) return { value: 1, complete: false, pendingOne: true };
  return { value: digit, complete: true, pendingOne: false };
}

/**
 * When a failed webhook delivery is tried again: 30 s after the first failure, doubling
 * each time (30 s, 1, 2, 4, 8, 16, 32 min), and given up after MAX_DELIVERY_ATTEMPTS, about
 * an hour after the event: long enough to ride out a deploy or a short outage of the
 * receiver, short enough that a delivery log does not fill with one dead target's retries.
 */
export const MAX_DELIVERY_ATTEMPTS = 8;
const FIRST_RETRY_MS = 30_000;

/** Milliseconds until the next attempt after `attempts` failed ones, or null to give up. */
export function retryDelayMs(attempts: number): number | null {
  if (attempts >= MAX_DELIVERY_ATTEMPTS) return null;
  return FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1);
}

/** At most this much of a target's answer is kept in the delivery log. */
export const KEPT_RESPONSE_CHARS = 2048;

/** The start of an answer for the log, marked when cut. */
export function trimResponse(text: string): string {
  return text.length <= KEPT_RESPONSE_CHARS ? text : `${text.slice(0, KEPT_RESPONSE_CHARS)}… (cut)`;
}

/**
 * When a mail that could not be sent is tried again. A mail server that is down delays
 * mail and loses none: transient failures are retried for as long as it takes, the wait
 * doubling from a minute up to an hour so a long outage costs one attempt an hour. Only
 * an answer that says retrying cannot help (an SMTP 5xx: no such mailbox, sender
 * refused) ends the mail as failed.
 */

/** Wait after the first failed attempt. */
export const FIRST_RETRY_DELAY_MS = 60_000;
/** Longest wait between two attempts. */
export const MAX_RETRY_DELAY_MS = 3_600_000;

/** How long to wait after `attempts` failed attempts (1 = the first failure). */
export function retryDelayMs(attempts: number): number {
  if (!Number.isInteger(attempts) || attempts < 1) {
    throw new RangeError(`attempts must be a positive whole number, got ${attempts}`);
  }
  // 2^20 minutes is far past the cap; clamping the exponent keeps the number finite.
  const doubled = FIRST_RETRY_DELAY_MS * 2 ** Math.min(attempts - 1, 20);
  return Math.min(doubled, MAX_RETRY_DELAY_MS);
}

/**
 * Whether an SMTP failure is final. 5xx replies are permanent by the protocol's own
 * definition (RFC 5321 §4.2.1); connection errors, timeouts and 4xx replies are not.
 */
export function isPermanentSmtpFailure(responseCode: number | undefined): boolean {
  return responseCode !== undefined && responseCode >= 500 && responseCode < 600;
}

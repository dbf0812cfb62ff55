import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * How a receiver knows a webhook request came from Keel and is fresh (docs/webhooks.md):
 * `Keel-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<body>">` under the webhook's
 * secret, with the same `Keel-Timestamp` (Unix seconds). Signing the timestamp with the
 * body lets a receiver refuse a replay of an old request without keeping a log.
 */

export const SIGNATURE_HEADER = "keel-signature";
export const TIMESTAMP_HEADER = "keel-timestamp";
export const EVENT_HEADER = "keel-event";
export const DELIVERY_HEADER = "keel-delivery";

/** A new signing secret: 32 random bytes, prefixed so that a leaked one is recognisable. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

/** The signature header's value for a body sent at `timestampSeconds`. */
export function signWebhook(secret: string, timestampSeconds: number, body: string): string {
  const mac = createHmac("sha256", secret).update(`${timestampSeconds}.${body}`).digest("hex");
  return `v1=${mac}`;
}

/**
 * What a receiver does (Keel's tests use it as their receiver): recompute, compare in
 * constant time, and refuse a timestamp further than `toleranceSeconds` from `nowSeconds`.
 */
export function verifyWebhook(
  secret: string,
  headers: { signature: string | undefined; timestamp: string | undefined },
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const ts = Number(headers.timestamp);
  if (!headers.signature || !Number.isInteger(ts)) return false;
  if (Math.abs(nowSeconds - ts) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, ts, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

import { describe, expect, it } from "vitest";
import { retryDelayMs, trimResponse } from "./delivery-retry.ts";
import { newWebhookSecret, signWebhook, verifyWebhook } from "./webhook-signature.ts";

describe("webhook signatures", () => {
  const secret = "whsec_test-secret";
  const body = '{"type":"check_in.created"}';

  it("signs timestamp.body with HMAC-SHA256, as the docs' example computes it", () => {
    // echo -n '1700000000.{"type":"check_in.created"}' | openssl dgst -sha256 -hmac whsec_test-secret
    expect(signWebhook(secret, 1_700_000_000, body)).toBe(
      "v1=134fee19210d5a336e91e20452d85ce0350f48552411c382a7aed3a58f30a10e",
    );
    expect(signWebhook(secret, 1_700_000_000, body)).not.toBe(signWebhook(secret, 1_700_000_001, body));
  });

  it("verifies its own signature and refuses a changed body, another secret or a stale timestamp", () => {
    const ts = 1_700_000_000;
    const signature = signWebhook(secret, ts, body);
    const headers = { signature, timestamp: String(ts) };
    expect(verifyWebhook(secret, headers, body, ts + 10)).toBe(true);
    expect(verifyWebhook(secret, headers, `${body} `, ts)).toBe(false);
    expect(verifyWebhook("whsec_other", headers, body, ts)).toBe(false);
    expect(verifyWebhook(secret, headers, body, ts + 301)).toBe(false);
    expect(verifyWebhook(secret, { signature: undefined, timestamp: String(ts) }, body, ts)).toBe(false);
  });

  it("makes a different secret each time", () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(a);
  });
});

describe("delivery retries", () => {
  it("doubles from 30 seconds and gives up after the eighth attempt", () => {
    expect([1, 2, 3, 7].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 1_920_000]);
    expect(retryDelayMs(8)).toBeNull();
  });

  it("keeps the start of a long answer, marked as cut", () => {
    expect(trimResponse("ok")).toBe("ok");
    const kept = trimResponse("x".repeat(5000));
    expect(kept.length).toBeLessThan(2100);
    expect(kept.endsWith("(cut)")).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { isPermanentSmtpFailure, MAX_RETRY_DELAY_MS, retryDelayMs } from "./delivery-retry.ts";

const MINUTE = 60_000;

describe("retryDelayMs", () => {
  it("doubles from one minute", () => {
    expect([1, 2, 3, 4, 5, 6].map(retryDelayMs)).toEqual([1, 2, 4, 8, 16, 32].map((m) => m * MINUTE));
  });

  it("waits at most an hour however long the server stays down", () => {
    expect(retryDelayMs(7)).toBe(60 * MINUTE);
    expect(retryDelayMs(500)).toBe(MAX_RETRY_DELAY_MS);
  });

  it("refuses a count that is not a failed attempt", () => {
    expect(() => retryDelayMs(0)).toThrow(RangeError);
    expect(() => retryDelayMs(1.5)).toThrow(RangeError);
  });
});

describe("isPermanentSmtpFailure", () => {
  it("gives up only on 5xx replies", () => {
    expect(isPermanentSmtpFailure(550)).toBe(true);
    expect(isPermanentSmtpFailure(553)).toBe(true);
    expect(isPermanentSmtpFailure(451)).toBe(false);
    expect(isPermanentSmtpFailure(421)).toBe(false);
    // No reply at all: the connection failed, which the next attempt may not.
    expect(isPermanentSmtpFailure(undefined)).toBe(false);
  });
});

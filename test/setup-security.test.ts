/**
 * When setup may skip the one-time code: only for a browser on the server itself. Any
 * sign of a proxy, a Host that is not loopback (DNS rebinding), a foreign Origin or
 * production asks for the code; every instance's announced code works.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../src/db/client.ts";
import { announceSetupCode } from "../src/server/services/setup-service.ts";
import { buildPerson } from "./support/factories.ts";
import { expectError, type Harness, startHarness } from "./support/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const codeRequired = async (headers: Record<string, string>) => {
  const reply = await h.request("GET", "/api/setup", { headers });
  expect(reply.status, reply.text).toBe(200);
  return reply.body.setupCodeRequired as boolean;
};

const person = buildPerson({ name: "Lotte Visser" });
const setupBody = { start: "own", organizationName: "Van der Berg Logistics", ...person };

describe("setup without the code", () => {
  it("is offered to a loopback browser that names a loopback host", async () => {
    expect(await codeRequired({})).toBe(false);
    for (const host of ["localhost", "localhost:3000", "127.0.0.1:3240", "[::1]:3000"]) {
      expect(await codeRequired({ host }), host).toBe(false);
    }
    expect(await codeRequired({ host: "localhost:3000", origin: "http://localhost:3000" })).toBe(false);
  });

  it("is not offered when any proxy header is present", async () => {
    for (const [name, value] of [
      ["forwarded", "for=203.0.113.7"],
      ["x-forwarded-for", "203.0.113.7"],
      ["x-forwarded-host", "okr.example.com"],
      ["x-forwarded-proto", "https"],
      ["x-real-ip", "203.0.113.7"],
      ["via", "1.1 proxy"],
    ] as const) {
      expect(await codeRequired({ [name]: value }), name).toBe(true);
    }
  });

  it("is not offered to a page that reached loopback under another name (DNS rebinding) or from a foreign origin", async () => {
    expect(await codeRequired({ host: "rebind.attacker.example" })).toBe(true);
    expect(await codeRequired({ host: "localhost:3000", origin: "http://attacker.example" })).toBe(true);
    expect(await codeRequired({ host: "localhost:3000", origin: "null" })).toBe(true);
    const reply = await h.request("POST", "/api/setup", {
      headers: { host: "rebind.attacker.example:3000" },
      body: setupBody,
    });
    expectError(reply, 403, "setup_code_required", "setupCode");
    expect(await h.findUser(person.email)).toBeUndefined();
  });

  it("is never offered in production", async () => {
    const production = h.appWith({ NODE_ENV: "production" });
    const reply = await h.requestOn(production, "GET", "/api/setup");
    expect(reply.body).toEqual({ needsSetup: true, setupCodeRequired: true });
  });
});

describe("setup codes of several instances", () => {
  it("accepts the code of any instance, refuses others, and forgets them all once set up", async () => {
    // Two instances started on the same database, each printing its own code.
    const first = await announceSetupCode(h.deps);
    const second = await announceSetupCode(h.deps);
    expect(first).not.toBe(second);
    const remote = { "x-forwarded-for": "203.0.113.7" };
    const wrong = await h.request("POST", "/api/setup", {
      headers: remote,
      body: { ...setupBody, setupCode: "AAAA-BBBB-CCCC" },
    });
    expectError(wrong, 403, "setup_code_required", "setupCode");
    const reply = await h.request("POST", "/api/setup", {
      headers: remote,
      body: { ...setupBody, setupCode: first },
    });
    expect(reply.status, reply.text).toBe(201);
    const left = rowsOf(await h.db.execute(sql`select key from instance_settings where key like 'setup%'`));
    expect(left).toEqual([]);
  });
});

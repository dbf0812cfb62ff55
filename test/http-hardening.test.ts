/**
 * What the HTTP layer refuses before any route runs, and how: oversized bodies,
 * bodies that are not JSON, malformed paths, and forwarded addresses it must not
 * believe.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../src/db/client.ts";
import { createApp } from "../src/server/app.ts";
import type { AppEnv } from "../src/server/context.ts";
import { handleError } from "../src/server/lib/http.ts";
import { buildTeam } from "./support/factories.ts";
import { instanceFingerprint } from "./support/fingerprint.ts";
import {
  expectError,
  type Harness,
  type OrgRef,
  type SessionClient,
  startHarness,
} from "./support/harness.ts";

let h: Harness;
let owner: SessionClient;
let org: OrgRef;

beforeAll(async () => {
  h = await startHarness();
  ({ owner, org } = await h.createOwnerWithOrg({ org: { name: "Van der Berg Logistics" } }));
});
afterAll(() => h?.close());

const teams = () => `/api/orgs/${org.slug}/teams`;
/** The documented limit (docs/OPERATIONS.md), on purpose not imported from the code. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

describe("request bodies over 2 MB", () => {
  it("are refused with 413 payload_too_large, saying the limit, and store nothing", async () => {
    const before = await instanceFingerprint(h.db);
    const huge = JSON.stringify(buildTeam({ name: "x".repeat(MAX_BODY_BYTES + 1) }));
    const streamed = await h.request("POST", teams(), {
      as: owner,
      raw: huge,
      contentType: "application/json",
    });
    expectError(streamed, 413, "payload_too_large");
    expect(streamed.body.error.message).toContain("2 MB");
    // A declared length over the limit is refused without reading the body.
    const declared = await h.request("POST", teams(), {
      as: owner,
      raw: JSON.stringify(buildTeam()),
      contentType: "application/json",
      headers: { "content-length": String(MAX_BODY_BYTES + 1) },
    });
    expectError(declared, 413, "payload_too_large");
    // Even before authentication.
    expectError(
      await h.request("POST", "/api/auth/sign-in", { raw: huge, contentType: "application/json" }),
      413,
      "payload_too_large",
    );
    expect(await instanceFingerprint(h.db)).toEqual(before);
  });

  it("a body just under the limit still reaches the route's validation", async () => {
    const reply = await h.request("POST", teams(), {
      as: owner,
      body: buildTeam({ name: "x".repeat(MAX_BODY_BYTES - 1000) }),
    });
    expectError(reply, 400, "validation_failed", "name");
  });
});

describe("a body that is not JSON", () => {
  it("is a 400 validation_failed about the body that says to send JSON", async () => {
    const before = await instanceFingerprint(h.db);
    for (const contentType of ["application/x-www-form-urlencoded", "text/plain"]) {
      const reply = await h.request("POST", teams(), { as: owner, raw: "name=Hub+Rotterdam", contentType });
      expectError(reply, 400, "validation_failed", "body");
      expect(reply.body.error.message).toBe("Send the body as JSON with Content-Type: application/json");
    }
    expect(await instanceFingerprint(h.db)).toEqual(before);
  });
});

describe("a path with malformed percent-encoding", () => {
  it("gets the web app, not a 500", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keel-web-"));
    fs.writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>Keel</title>");
    try {
      const app = createApp({ ...h.deps, config: { ...h.deps.config, webDistDir: dir } });
      for (const p of ["/%E0%A4%A", "/teams/%", "/assets/%zz.js"]) {
        const reply = await h.requestOn(app, "GET", p);
        expect(reply.status, p).toBe(200);
        expect(reply.text, p).toContain("<title>Keel</title>");
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("X-Forwarded-For behind a trusted proxy", () => {
  it("counts sign-in attempts against the address our proxy added (the rightmost), not one the client made up", async () => {
    const proxied = h.appWith({ KEEL_TRUST_PROXY: "true" });
    const reply = await h.requestOn(proxied, "POST", "/api/auth/sign-in", {
      headers: { "x-forwarded-for": "10.9.8.7, 198.51.100.23" },
      body: { email: "nobody@vdberg-logistics.test", password: "not-a-password" },
    });
    expectError(reply, 401, "invalid_credentials");
    const buckets = rowsOf<{ bucket: string }>(
      await h.db.execute(sql`select bucket from rate_limits where bucket like 'sign-in:ip:%'`),
    ).map((r) => r.bucket);
    expect(buckets).toContain("sign-in:ip:198.51.100.23");
    expect(buckets).not.toContain("sign-in:ip:10.9.8.7");
  });
});

describe("a unique violation that no service check caught", () => {
  it("is answered 409 already_exists, not 500, whatever the engine's error looks like", async () => {
    const app = new Hono<AppEnv>();
    app.onError(handleError);
    app.post("/twice", async (c) => {
      await h.db.execute(sql`insert into instance_settings (key, value) values ('twice', '1')`);
      await h.db.execute(sql`insert into instance_settings (key, value) values ('twice', '2')`);
      return c.json({ ok: true });
    });
    try {
      const reply = await h.requestOn(app as never, "POST", "/twice");
      expectError(reply, 409, "already_exists");
    } finally {
      await h.db.execute(sql`delete from instance_settings where key = 'twice'`);
    }
  });
});

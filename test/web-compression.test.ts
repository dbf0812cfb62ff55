// Compressed answers: the built web app's files go out as the build's brotli or gzip copies,
// and JSON answers over ~1 kB are compressed for clients that accept it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { precompressDir } from "../scripts/lib/precompress.ts";
import { createApp } from "../src/server/app.ts";
import { buildTeam } from "./support/factories.ts";
import { type Harness, type OrgRef, type SessionClient, startHarness } from "./support/harness.ts";

let h: Harness;
let owner: SessionClient;
let org: OrgRef;
let dist: string;

/** A built app in miniature: a hashed script big enough to be worth compressing. */
const script = `export const routes = ${JSON.stringify(
  Array.from({ length: 200 }, (_, i) => ({ path: `/o/nordwind/teams/${i}`, title: `Team ${i}` })),
)};\n`;

beforeAll(async () => {
  h = await startHarness();
  ({ owner, org } = await h.createOwnerWithOrg({ org: { name: "Nordwind Logistics" } }));
  dist = fs.mkdtempSync(path.join(os.tmpdir(), "keel-web-"));
  fs.mkdirSync(path.join(dist, "assets"));
  fs.writeFileSync(path.join(dist, "index.html"), "<!doctype html><title>Keel</title>");
  fs.writeFileSync(path.join(dist, "assets/index-3f9a1c.js"), script);
  precompressDir(dist);
});
afterAll(async () => {
  fs.rmSync(dist, { recursive: true, force: true });
  await h?.close();
});

const web = () => createApp({ ...h.deps, config: { ...h.deps.config, webDistDir: dist } });
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe("built web assets", () => {
  it("go out as the build's brotli copy to a browser that accepts br, still cached for a year", async () => {
    const res = await web().request("/assets/index-3f9a1c.js", {
      headers: { "accept-encoding": "gzip, deflate, br, zstd" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(res.headers.get("vary")).toBe("Accept-Encoding");
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const body = await bytes(res);
    expect(body.length).toBeLessThan(script.length / 3);
    expect(zlib.brotliDecompressSync(body).toString()).toBe(script);
  });

  it("go out gzipped to a client without brotli, and as they are to one that accepts no coding", async () => {
    const gz = await web().request("/assets/index-3f9a1c.js", { headers: { "accept-encoding": "gzip" } });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(zlib.gunzipSync(await bytes(gz)).toString()).toBe(script);

    const plain = await web().request("/assets/index-3f9a1c.js", {
      headers: { "accept-encoding": "br;q=0, identity" },
    });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.headers.get("vary")).toBe("Accept-Encoding");
    expect((await bytes(plain)).toString()).toBe(script);
  });
});

describe("JSON answers", () => {
  it("over 1 kB are compressed with gzip when the client accepts it", async () => {
    for (let i = 0; i < 12; i++) {
      await h.ok("POST", `/api/orgs/${org.slug}/teams`, { as: owner, body: buildTeam() });
    }
    const res = await h.app.request(`/api/orgs/${org.slug}/teams?limit=200`, {
      headers: { cookie: `keel_session=${owner.cookie}`, "accept-encoding": "gzip" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(res.headers.get("vary")).toContain("Accept-Encoding");
    const json = JSON.parse(zlib.gunzipSync(await bytes(res)).toString());
    expect(json.items.length).toBeGreaterThanOrEqual(12);
  });

  it("over 1 kB go out with brotli when preferred, and small ones as they are", async () => {
    const doc = await h.app.request("/api/openapi.json", { headers: { "accept-encoding": "br, gzip" } });
    expect(doc.headers.get("content-encoding")).toBe("br");
    expect(JSON.parse(zlib.brotliDecompressSync(await bytes(doc)).toString()).openapi).toMatch(/^3\./);

    const health = await h.app.request("/api/health", { headers: { "accept-encoding": "br, gzip" } });
    expect(health.status).toBe(200);
    expect(health.headers.get("content-encoding")).toBeNull();
    expect((await bytes(health)).length).toBeLessThan(1024);
  });
});

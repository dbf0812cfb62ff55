// A signed-in page's index.html carries that person's session and, on an organisation's
// pages, its team tree (src/server/page-data.ts), so the web app needs no round trip for
// them; a signed-out page carries nothing, and no cache may keep a signed-in page.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/server/app.ts";
import { SESSION_COOKIE } from "../src/server/services/auth-service.ts";
import { buildTeam } from "./support/factories.ts";
import { type Harness, type OrgRef, type SessionClient, startHarness } from "./support/harness.ts";

let h: Harness;
let owner: SessionClient;
let org: OrgRef;
let other: SessionClient;
let otherOrg: OrgRef;
let dist: string;

const index =
  '<!doctype html><html><head><title>Keel</title></head><body><div id="root"></div></body></html>';

beforeAll(async () => {
  h = await startHarness();
  ({ owner, org } = await h.createOwnerWithOrg({ org: { name: "Nordwind Logistics" } }));
  ({ owner: other, org: otherOrg } = await h.createOwnerWithOrg({ org: { name: "Harbour Freight" } }));
  // A team name that would end a script element if it were not escaped.
  await h.ok(
    "POST",
    `/api/orgs/${org.slug}/teams`,
    {
      as: owner,
      body: buildTeam({ name: "Ops </script><script>alert(1)</script>" }),
    },
    201,
  );
  await h.ok(
    "POST",
    `/api/orgs/${otherOrg.slug}/teams`,
    { as: other, body: buildTeam({ name: "Harbour crew" }) },
    201,
  );
  dist = fs.mkdtempSync(path.join(os.tmpdir(), "keel-web-"));
  fs.writeFileSync(path.join(dist, "index.html"), index);
});
afterAll(async () => {
  fs.rmSync(dist, { recursive: true, force: true });
  await h?.close();
});

const web = () => createApp({ ...h.deps, config: { ...h.deps.config, webDistDir: dist } });
const page = (url: string, as?: SessionClient, headers: Record<string, string> = {}) =>
  web().request(url, {
    headers: { ...headers, ...(as ? { cookie: `${SESSION_COOKIE}=${as.cookie}` } : {}) },
  });
const dataOf = (html: string) => {
  const match = /<script type="application\/json" id="keel-page-data">(.*?)<\/script>/s.exec(html);
  return match ? JSON.parse(match[1]!) : null;
};

describe("index.html for a signed-in page", () => {
  it("carries that person's session and the organisation's team tree, escaped", async () => {
    const res = await page(`/o/${org.slug}/kpis`, owner);
    expect(res.status).toBe(200);
    const html = await res.text();
    // Exactly one script element of data, and the team's name did not end it.
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toContain("<script>alert(1)");
    const data = dataOf(html);
    expect(data.session.user.id).toBe(owner.userId);
    expect(data.session.csrfToken).toBe(owner.csrfToken);
    expect(data.session.organizations.map((o: { slug: string }) => o.slug)).toEqual([org.slug]);
    expect(data.teamTree.org).toBe(org.slug);
    const names = JSON.stringify(data.teamTree.tree);
    expect(names).toContain("Ops </script><script>alert(1)</script>");
    expect(names).not.toContain("Harbour crew");
  });

  it("is never stored by a cache, and varies by cookie", async () => {
    const res = await page(`/o/${org.slug}`, owner);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("vary")).toContain("Cookie");
  });

  it("carries no other organisation's tree: another's address gets the session only", async () => {
    const data = dataOf(await (await page(`/o/${otherOrg.slug}`, owner)).text());
    expect(data.session.user.id).toBe(owner.userId);
    expect(data.teamTree).toBeUndefined();
  });

  it("goes out compressed for a browser that accepts brotli", async () => {
    const res = await page(`/o/${org.slug}`, owner, { "accept-encoding": "gzip, br" });
    expect(res.headers.get("content-encoding")).toBe("br");
    const html = zlib.brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString();
    expect(dataOf(html).session.user.id).toBe(owner.userId);
  });
});

describe("index.html without a live session", () => {
  it("carries no data when signed out or with an unknown cookie", async () => {
    for (const res of [
      await page(`/o/${org.slug}`),
      await web().request(`/o/${org.slug}`, { headers: { cookie: `${SESSION_COOKIE}=not-a-session` } }),
    ]) {
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toBe(index);
      expect(res.headers.get("vary")).toContain("Cookie");
    }
  });

  it("carries no data after signing out", async () => {
    const gone = await h.signIn(owner.email, owner.password);
    await h.ok("POST", "/api/auth/sign-out", { as: gone }, 200);
    expect(await (await page(`/o/${org.slug}`, gone)).text()).toBe(index);
  });
});

/**
 * Tenant isolation and authentication, generated from the OpenAPI document: every route
 * under /api/orgs/{org} is called by organisation A against organisation B's data, and
 * every route is called without credentials. Routes added later are covered as they appear.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Fingerprint, tenantFingerprint } from "./support/fingerprint.ts";
import { type Client, expectError, type Harness, type Reply, startHarness } from "./support/harness.ts";
import {
  fillPath,
  loadOpenApiDocument,
  type Operation,
  operationsOf,
  sampleValue,
  typeOf,
} from "./support/openapi.ts";
import { bodyIdFor, buildWorld, pathValues, secretsOf, type World } from "./support/world.ts";

const doc = await loadOpenApiDocument();
const operations = operationsOf(doc);
const orgOperations = operations.filter((op) => op.pathParams.includes("org"));

/**
 * Routes anyone may call. Sign-out is here because without a session it only clears the
 * cookie. /api/openapi.json is not in the document itself; it is checked separately.
 */
const PUBLIC = new Set([
  "GET /api/health",
  "GET /api/ready",
  "GET /api/setup",
  "POST /api/setup",
  "POST /api/auth/sign-in",
  "POST /api/auth/sign-out",
  "POST /api/auth/password-reset",
  "GET /api/auth/sign-up",
  "POST /api/auth/sign-up",
  "POST /api/auth/verify-email",
  "POST /api/auth/verify-email/resend",
  "GET /api/invitations/{token}",
  "POST /api/invitations/{token}/accept",
]);

let h: Harness;
let a: World;
let b: World;
let bBefore: Fingerprint;
const coveredForeignOrg = new Set<string>();
const coveredForeignIds = new Set<string>();

beforeAll(async () => {
  h = await startHarness();
  a = await buildWorld(h, {
    org: "Van der Berg Logistics",
    owner: "Lotte Visser",
    person: "Sanne de Vries",
    team: "Hub Rotterdam North",
    cycle: "Rotterdam peak 2026",
    theme: "Sustainable fleet",
    invitee: "emma.smit@vdberg-logistics.test",
    serviceToken: "Rotterdam yard feed",
  });
  b = await buildWorld(h, {
    org: "Schelde Shipping",
    owner: "Stijn Jacobs",
    person: "Ruben de Wit",
    team: "Hub Antwerp Containers",
    cycle: "Schelde winter 2026",
    theme: "Port community",
    invitee: "eva.kok@schelde-shipping.test",
    serviceToken: "Antwerp crane telemetry",
  });
  bBefore = await tenantFingerprint(h.db, b.org.id);
});
afterAll(() => h?.close());

const callers = (): Array<[string, Client]> => [
  ["A's owner (session)", a.owner],
  ["A's owner token", a.ownerToken],
];

function bodyFor(op: Operation, world: World): unknown {
  return op.body ? sampleValue(doc, op.body, "", bodyIdFor(world)) : undefined;
}

function expectNoneOf(reply: Reply, secrets: string[], context: string) {
  for (const secret of secrets) {
    expect(reply.text.includes(secret), `${context} leaked "${secret}": ${reply.text.slice(0, 500)}`).toBe(
      false,
    );
  }
}

/** Whether a body schema has a field holding an id of another entity. */
function hasIdFields(op: Operation): boolean {
  const props = op.body ? (typeOf(doc, op.body).schema.properties ?? {}) : {};
  return Object.entries(props).some(([, p]) => typeOf(doc, p).schema.format === "uuid");
}

describe("organisation A cannot reach organisation B through B's slug", () => {
  it.each(orgOperations.map((op) => [op.label, op] as const))("%s → 404, B unchanged", async (_label, op) => {
    const path = fillPath(op.path, pathValues(b, op));
    for (const [who, as] of callers()) {
      const reply = await h.request(op.method, path, { as, body: bodyFor(op, b) });
      expectError(reply, 404, "not_found");
      expectNoneOf(reply, secretsOf(b), `${who} ${op.label}`);
    }
    expect(await tenantFingerprint(h.db, b.org.id)).toEqual(bBefore);
    coveredForeignOrg.add(op.label);
  });
});

describe("organisation A cannot reach B's data with B's ids under its own slug", () => {
  it.each(orgOperations.map((op) => [op.label, op] as const))("%s → never B's data", async (_label, op) => {
    const idParams = op.pathParams.filter((p) => p !== "org");
    const path = fillPath(op.path, { ...pathValues(b, op), org: a.org.slug });
    for (const [who, as] of callers()) {
      const reply = await h.request(op.method, path, { as, body: bodyFor(op, b) });
      const context = `${who} ${op.method} ${path}`;
      expect(reply.status, `${context}: ${reply.text}`).toBeLessThan(500);
      if (idParams.length > 0) {
        // B's ids under A's slug: not found (or refused as input), never B's data.
        expect([400, 403, 404], `${context}: ${reply.text}`).toContain(reply.status);
        if (reply.status === 404) expect(reply.body.error.code).toBe("not_found");
      }
      expectNoneOf(reply, secretsOf(b), context);
    }
    if (hasIdFields(op)) {
      // A's own entity in the path, but B's ids in the body (parent team, lead, manager…).
      const ownPath = fillPath(op.path, pathValues(a, op));
      const reply = await h.request(op.method, ownPath, { as: a.owner, body: bodyFor(op, b) });
      const context = `${op.method} ${ownPath} with B's ids in the body`;
      expect([400, 404], `${context}: ${reply.text}`).toContain(reply.status);
      expectNoneOf(reply, secretsOf(b), context);
    }
    expect(await tenantFingerprint(h.db, b.org.id)).toEqual(bBefore);
    coveredForeignIds.add(op.label);
  });
});

describe("every operation is public or needs authentication", () => {
  it("the list of public operations names only operations that exist", () => {
    const labels = new Set(operations.map((op) => op.label));
    for (const label of PUBLIC) expect(labels, label).toContain(label);
  });

  it.each(operations.map((op) => [op.label, op] as const))("%s", async (label, op) => {
    const path = fillPath(op.path, pathValues(a, op));
    const body = bodyFor(op, a);
    if (PUBLIC.has(label)) {
      expect(op.secured, `${label} is public but declares a security requirement`).toBe(false);
      const reply = await h.request(op.method, path, { body });
      expect(reply.status, reply.text).toBeLessThan(500);
      expect(reply.body?.error?.code, reply.text).not.toBe("unauthenticated");
      return;
    }
    expect(op.secured, `${label} needs authentication but the document does not say so (security)`).toBe(
      true,
    );
    expectError(await h.request(op.method, path, { body }), 401, "unauthenticated");
    const forgedCookie = await h.request(op.method, path, {
      body,
      headers: { cookie: "keel_session=forged-session-value", "x-csrf-token": "forged" },
    });
    expectError(forgedCookie, 401, "unauthenticated");
    const forgedToken = await h.request(op.method, path, {
      body,
      as: { kind: "token", secret: "keel_forged-token-value", tokenId: "" },
    });
    expectError(forgedToken, 401, "unauthenticated");
  });

  it("the OpenAPI document itself is public", async () => {
    expect((await h.request("GET", "/api/openapi.json")).status).toBe(200);
  });
});

describe("coverage", () => {
  it("covered every {org} operation of the live document, in both directions", async () => {
    const live = operationsOf((await h.ok("GET", "/api/openapi.json")) as never).filter((op) =>
      op.pathParams.includes("org"),
    );
    expect(live.map((op) => op.label).sort()).toEqual(orgOperations.map((op) => op.label).sort());
    expect(live.length).toBeGreaterThan(25);
    expect(coveredForeignOrg.size).toBe(live.length);
    expect(coveredForeignIds.size).toBe(live.length);
  });
});

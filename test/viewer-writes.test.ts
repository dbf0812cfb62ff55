/**
 * Viewers read only, generated from the OpenAPI document: every write, sent by a viewer
 * (signed in, or through a viewer-role token) with a body a permitted caller could send,
 * is refused with 403 or 404 and stores nothing. The writes a viewer may make are marked
 * `x-keel-viewer-may` in the document; routes added later are covered as they appear.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changedTables, instanceFingerprint } from "./support/fingerprint.ts";
import { type Client, type Harness, startHarness } from "./support/harness.ts";
import { fillPath, loadOpenApiDocument, operationsOf, sampleValue } from "./support/openapi.ts";
import { bodyIdFor, buildWorld, pathValues, vanDerBergWorld, type World } from "./support/world.ts";

const doc = await loadOpenApiDocument();
const writes = operationsOf(doc).filter((op) => op.method !== "GET");
// Public writes (sign-in, setup, reset links) do not depend on who calls.
const refused = writes.filter((op) => op.secured && !op.viewerMay);

let h: Harness;
let w: World;
let viewers: Array<[string, Client]>;

beforeAll(async () => {
  h = await startHarness();
  w = await buildWorld(h, vanDerBergWorld);
  const viewer = await h.addPerson(w.owner, w.org, "viewer", { name: "Daan Mulder" });
  const token = await h.createToken(w.owner, w.org, {
    kind: "service",
    name: "Board screen",
    role: "viewer",
  });
  viewers = [
    ["a viewer (session)", viewer.client],
    ["a viewer-role token", token.client],
  ];
});
afterAll(() => h?.close());

it("the document marks only the writes a viewer may make", () => {
  expect(writes.filter((op) => op.viewerMay).map((op) => op.label)).toEqual([
    "POST /api/auth/sign-out",
    "DELETE /api/auth/view-as",
    "POST /api/auth/password",
    "POST /api/invitations/{token}/accept",
    "POST /api/orgs/{org}/tokens",
    "DELETE /api/orgs/{org}/tokens/{id}",
    // Reading a note sends it in a body, but stores nothing.
    "POST /api/orgs/{org}/check-in-notes/analyze",
    // Linting a draft changes nothing: viewers read the linter's advice too.
    "POST /api/orgs/{org}/lint",
    // Viewers receive the weekly digest too, and may turn their own off.
    "PATCH /api/orgs/{org}/my/email-settings",
  ]);
});

describe("a viewer's writes are refused before anything else is checked", () => {
  it.each(refused.map((op) => [op.label, op] as const))("%s → 403/404, nothing stored", async (_l, op) => {
    const path = fillPath(op.path, pathValues(w, op));
    const body = op.body ? sampleValue(doc, op.body, "", bodyIdFor(w)) : undefined;
    // A token records when it was last used (at most once a minute): let that happen first.
    for (const [, as] of viewers) await h.request("GET", `/api/orgs/${w.org.slug}`, { as });
    const before = await instanceFingerprint(h.db);
    for (const [who, as] of viewers) {
      const reply = await h.request(op.method, path, { as, body });
      expect([403, 404], `${who} ${op.label}: ${reply.text}`).toContain(reply.status);
      expect(reply.body.error.code, reply.text).toBe(reply.status === 403 ? "forbidden" : "not_found");
    }
    expect(changedTables(before, await instanceFingerprint(h.db))).toEqual([]);
  });
});

/**
 * An edit that changes nothing stores nothing: every PATCH in the OpenAPI document, sent
 * with only the version it read (or nothing, where no version is asked for), answers 200
 * with the entity as it is, writes no version and no audit entry. Also the check-in
 * rules that go with it: an empty correction, and a milestone check-in without `done`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changedTables, instanceFingerprint } from "./support/fingerprint.ts";
import { type Harness, type Json, startHarness } from "./support/harness.ts";
import { fillPath, loadOpenApiDocument, type Operation, operationsOf } from "./support/openapi.ts";
import { buildWorld, pathValues, vanDerBergWorld, type World } from "./support/world.ts";

const doc = await loadOpenApiDocument();
const patches = operationsOf(doc).filter((op) => op.method === "PATCH");

let h: Harness;
let w: World;

beforeAll(async () => {
  h = await startHarness();
  w = await buildWorld(h, vanDerBergWorld);
});
afterAll(() => h?.close());

/** The entity a PATCH edits, as the API shows it (for its version). */
async function current(op: Operation, path: string): Promise<Json> {
  const base = `/api/orgs/${w.org.slug}`;
  if (op.path.endsWith("/themes/{id}")) {
    const themes = await h.ok("GET", `${base}/themes`, { as: w.owner });
    return themes.items.find((t: Json) => t.id === w.theme.id);
  }
  if (op.path.endsWith("/key-results/{keyResultId}")) {
    const objective = await h.ok("GET", `${base}/objectives/${w.objective.id}`, { as: w.owner });
    return objective.keyResults.find((k: Json) => k.id === w.keyResult.id);
  }
  if (op.path.endsWith("/check-ins/{checkInId}")) return {};
  // A 1:1 agenda item has no version and no page of its own.
  if (op.path.endsWith("/one-on-one-agendas/{agendaId}/items/{itemId}")) return {};
  return h.ok("GET", path, { as: w.owner });
}

describe("a PATCH that changes nothing", () => {
  it.each(patches.map((op) => [op.label, op] as const))("%s → 200, nothing stored", async (_l, op) => {
    const path = fillPath(op.path, pathValues(w, op));
    const before = await current(op, path);
    const body = before.version === undefined ? {} : { version: before.version };
    const fingerprint = await instanceFingerprint(h.db);
    const reply = await h.request("PATCH", path, { as: w.owner, body });
    expect(reply.status, reply.text).toBe(200);
    // A KR's edit answers its Objective: the KR inside it keeps its version.
    const edited =
      reply.body.id === before.id ? reply.body : reply.body.keyResults?.find((k: Json) => k.id === before.id);
    if (before.version !== undefined) expect(edited.version).toBe(before.version);
    expect(changedTables(fingerprint, await instanceFingerprint(h.db))).toEqual([]);
  });
});

describe("check-ins", () => {
  it("a correction with the values it already has stores nothing and answers the check-in", async () => {
    const path = `/api/orgs/${w.org.slug}/check-ins/${w.checkIn.id}`;
    const fingerprint = await instanceFingerprint(h.db);
    const same = await h.ok("PATCH", path, {
      as: w.owner,
      body: { value: 86, confidence: 7, note: w.checkIn.note },
    });
    expect(same).toMatchObject({ id: w.checkIn.id, value: 86, confidence: 7, editedAt: null });
    expect(changedTables(fingerprint, await instanceFingerprint(h.db))).toEqual([]);
  });

  it("a milestone check-in may leave out done: the KR stays as it was", async () => {
    const base = `/api/orgs/${w.org.slug}`;
    const objective = await h.ok("GET", `${base}/objectives/${w.objective.id}`, { as: w.owner });
    const milestone = objective.keyResults.find((k: Json) => k.kind === "milestone");
    const first = await h.ok(
      "POST",
      `${base}/key-results/${milestone.id}/check-ins`,
      { as: w.person.client, body: { confidence: 6, note: "Design signed off." } },
      201,
    );
    expect(first).toMatchObject({ done: false, confidence: 6 });
    await h.ok("POST", `${base}/key-results/${milestone.id}/check-ins`, {
      as: w.person.client,
      body: { done: true, confidence: 9 },
    });
    const later = await h.ok(
      "POST",
      `${base}/key-results/${milestone.id}/check-ins`,
      { as: w.person.client, body: { confidence: 10 } },
      201,
    );
    expect(later).toMatchObject({ done: true, confidence: 10 });
  });
});

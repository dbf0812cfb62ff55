/**
 * Unknown fields are refused, generated from the OpenAPI document: every operation that
 * takes a body gets a valid-looking one plus a field it does not declare, and answers 400
 * naming that field, storing nothing. A typo never succeeds by being silently dropped.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changedTables, instanceFingerprint } from "./support/fingerprint.ts";
import { expectError, type Harness, issueFields, startHarness } from "./support/harness.ts";
import { fillPath, loadOpenApiDocument, operationsOf, sampleValue } from "./support/openapi.ts";
import { bodyIdFor, buildWorld, pathValues, vanDerBergWorld, type World } from "./support/world.ts";

const doc = await loadOpenApiDocument();
const withBody = operationsOf(doc).filter((op) => op.body);

let h: Harness;
let w: World;

beforeAll(async () => {
  h = await startHarness();
  w = await buildWorld(h, vanDerBergWorld);
});
afterAll(() => h?.close());

describe("a body with a field the operation does not declare", () => {
  it.each(withBody.map((op) => [op.label, op] as const))("%s → 400 naming it", async (_l, op) => {
    const body = sampleValue(doc, op.body!, "", bodyIdFor(w)) as Record<string, unknown>;
    const before = await instanceFingerprint(h.db);
    const reply = await h.request(op.method, fillPath(op.path, pathValues(w, op)), {
      as: w.owner,
      body: { ...body, ownerNote: "typo" },
    });
    expectError(reply, 400, "validation_failed", "ownerNote");
    expect(reply.body.error.details.issues).toContainEqual({
      field: "ownerNote",
      message: "is not a field of this request",
    });
    expect(changedTables(before, await instanceFingerprint(h.db))).toEqual([]);
  });
});

describe("typos that used to be dropped", () => {
  // `kpiId` became a real field (a KR that reads a KPI); a KPI's key in its place is still a typo.
  it("kpiKey on a new KR is refused, nested too", async () => {
    const base = `/api/orgs/${w.org.slug}`;
    const kr = { title: "Parcels scanned at the gate", kind: "metric", startValue: 0, targetValue: 95 };
    const direct = await h.request("POST", `${base}/objectives/${w.objective.id}/key-results`, {
      as: w.owner,
      body: { ...kr, kpiKey: w.kpi.key },
    });
    expectError(direct, 400, "validation_failed", "kpiKey");
    const nested = await h.request("POST", `${base}/objectives`, {
      as: w.owner,
      body: {
        cycleId: w.okrCycle.id,
        title: "Gate scans everywhere",
        keyResults: [{ ...kr, kpiKey: w.kpi.key }],
      },
    });
    expectError(nested, 400, "validation_failed", "keyResults.0.kpiKey");
  });

  it("date on a check-in is refused", async () => {
    const reply = await h.request("POST", `/api/orgs/${w.org.slug}/key-results/${w.keyResult.id}/check-ins`, {
      as: w.owner,
      body: { value: 88, confidence: 7, date: "2026-10-01" },
    });
    expectError(reply, 400, "validation_failed", "date");
    expect(issueFields(reply)).toEqual(["date"]);
  });
});

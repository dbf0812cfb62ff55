/**
 * Stored judgements (docs/ARCHITECTURE.md "Stored judgements"): after every kind of write
 * that changes what a status or a linter finding is judged from, and after the date moves,
 * what the leadership home and the strategy board read from the stored rows equals what the
 * OKR presenter and the linter compute on the spot (the Objective's own page, the health check).
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../src/db/client.ts";
import { buildMetricKeyResult } from "./support/factories.ts";
import { DAY, type Json } from "./support/harness.ts";
import { type LeadershipWorld, startLeadershipWorld } from "./support/leadership-world.ts";

let w: LeadershipWorld;
beforeAll(async () => {
  w = await startLeadershipWorld();
}, 60_000);
afterAll(() => w?.close());

type StoredObjective = {
  id: string;
  status: string;
  progress: number | null;
  expectedProgress: number;
  judgedOn: string;
  stale: boolean;
};
type StoredKeyResult = { id: string; objectiveId: string; status: string; progress: number | null };

async function stored() {
  const objectives = rowsOf<StoredObjective>(
    await w.h.db.execute(sql`select j.objective_id as id, j.status, j.progress,
        j.expected_progress as "expectedProgress", j.judged_on::text as "judgedOn", j.stale
      from objective_judgements j join objectives o
        on o.organization_id = j.organization_id and o.id = j.objective_id
      where o.organization_id = ${w.org.id} and o.cycle_id = ${w.cycle.id} and o.archived_at is null
      order by j.objective_id`),
  );
  const keyResults = rowsOf<StoredKeyResult>(
    await w.h.db.execute(sql`select key_result_id as id, objective_id as "objectiveId", status, progress
      from key_result_judgements where organization_id = ${w.org.id} order by key_result_id`),
  );
  const findings = rowsOf<Json>(
    await w.h.db.execute(sql`select f.objective_id as "objectiveId", f.key_result_id as "keyResultId",
        f.rule, f.severity, f.message
      from lint_findings f join objectives o on o.organization_id = f.organization_id and o.id = f.objective_id
      where f.organization_id = ${w.org.id} and f.cycle_id = ${w.cycle.id} and o.archived_at is null
      order by f.objective_id, f.position`),
  );
  return { objectives, keyResults, findings };
}

/** Reads through the home and the board (which refresh the stored rows), then compares them with a recompute. */
async function expectStoredEqualsRecomputed() {
  const home = await w.h.ok("GET", `${w.base}/leadership-home?cycleId=${w.cycle.id}`, {
    as: w.owner,
  });
  await w.h.ok("GET", `${w.base}/strategy-board?cycleId=${w.cycle.id}`, { as: w.owner });
  const check = await w.h.ok("GET", `${w.base}/health-check?cycleId=${w.cycle.id}`, { as: w.owner });
  const live: Json[] = await Promise.all(
    (check.objectives as Json[]).map((o) => w.okr.getObjective(w.owner, o.objectiveId)),
  );
  const now = await stored();
  expect(now.objectives.map((o) => o.id)).toEqual(live.map((o) => o.id).sort());
  for (const o of now.objectives) {
    const objective = live.find((l) => l.id === o.id);
    expect(o.stale, o.id).toBe(false);
    expect({ status: o.status, progress: o.progress, expectedProgress: o.expectedProgress }).toEqual({
      status: objective.status,
      progress: objective.progress,
      expectedProgress: objective.expectedProgress,
    });
    const krs = now.keyResults.filter((k) => k.objectiveId === o.id);
    const liveKrs = (objective.keyResults as Json[]).filter((k) => !k.archived);
    expect(krs.map((k) => [k.id, k.status, k.progress]).sort()).toEqual(
      liveKrs.map((k) => [k.id, k.status, k.progress]).sort(),
    );
  }
  const recomputed = (check.objectives as Json[])
    .flatMap((o) =>
      (o.findings as Json[]).map((f) => ({
        objectiveId: o.objectiveId,
        keyResultId: f.keyResultId,
        rule: f.rule,
        severity: f.severity,
        message: f.message,
      })),
    )
    .sort((a, b) => (a.objectiveId < b.objectiveId ? -1 : a.objectiveId > b.objectiveId ? 1 : 0));
  expect(now.findings).toEqual(recomputed);
  // One day for all: the day the organisation is on.
  expect(new Set(now.objectives.map((o) => o.judgedOn)).size).toBe(1);
  expect(home.counts.lintFindings.count).toBe(check.open);
  return { home, stored: now };
}

describe("stored judgements", () => {
  it("are filled on first read and equal the recompute", async () => {
    const { stored: now } = await expectStoredEqualsRecomputed();
    expect(now.objectives.length).toBeGreaterThan(0);
    expect(now.findings.length).toBeGreaterThan(0);
  });

  it("follow a check-in", async () => {
    const kr = w.objectives.rotterdam.keyResults[0];
    w.h.clock.advance(60_000);
    await w.okr.checkIn(w.milan.client, kr.id, { value: 90, confidence: 3, note: "" });
    const { stored: now } = await expectStoredEqualsRecomputed();
    expect(now.keyResults.find((k) => k.id === kr.id)?.progress).toBe(0.9);
  });

  it("follow KR edits, additions and archiving", async () => {
    const o = w.objectives.minute;
    await w.okr.updateKeyResult(w.sanne.client, o.id, o.keyResults[0].id, {
      title: "Departures: share done",
    });
    await expectStoredEqualsRecomputed();
    const added = await w.h.ok(
      "POST",
      `${w.base}/objectives/${o.id}/key-results`,
      {
        as: w.sanne.client,
        body: buildMetricKeyResult({ ownerUserId: w.sanne.id, title: "Late departures per week" }),
      },
      201,
    );
    await expectStoredEqualsRecomputed();
    const newKr = (added.keyResults as Json[]).find((k) => k.title === "Late departures per week");
    await w.okr.updateKeyResult(w.sanne.client, o.id, newKr.id, { archived: true });
    await expectStoredEqualsRecomputed();
  });

  it("follow Objective edits, state changes and alignment", async () => {
    await w.okr.updateObjective(w.milan.client, w.objectives.quotes.id, { title: "Improve quotes" });
    await expectStoredEqualsRecomputed();
    await w.okr.activate(w.sanne.client, w.objectives.draft.id);
    await expectStoredEqualsRecomputed();
    const child = await w.okr.getObjective(w.owner, w.objectives.quotes.id);
    await w.h.ok("PUT", `${w.base}/objectives/${child.id}/parents`, {
      as: w.milan.client,
      body: { version: child.version, parents: [{ objectiveId: w.objectives.antwerp.id, weight: 1 }] },
    });
    await expectStoredEqualsRecomputed();
    await w.okr.updateObjective(w.milan.client, w.objectives.antwerp.id, { archived: true });
    await expectStoredEqualsRecomputed();
  });

  it("follow the organisation's settings and the cycle's dates", async () => {
    const org = await w.h.ok("GET", `/api/orgs/${w.org.slug}`, { as: w.owner });
    await w.h.ok("PATCH", `/api/orgs/${w.org.slug}`, {
      as: w.owner,
      body: { version: org.version, okrStatusSettings: { staleAfterDays: 30 } },
    });
    await expectStoredEqualsRecomputed();
    const cycle = await w.h.ok("GET", `${w.base}/cycles/${w.cycle.id}`, { as: w.owner });
    const later = new Date(`${cycle.endsOn}T00:00:00Z`).getTime() + 30 * DAY;
    await w.h.ok("PATCH", `${w.base}/cycles/${w.cycle.id}`, {
      as: w.owner,
      body: { version: cycle.version, endsOn: new Date(later).toISOString().slice(0, 10) },
    });
    await expectStoredEqualsRecomputed();
  });

  it("are judged again for the new day when the date moves", async () => {
    const before = await stored();
    w.h.clock.advance(9 * DAY);
    const { stored: after } = await expectStoredEqualsRecomputed();
    expect(after.objectives[0]?.judgedOn).not.toBe(before.objectives[0]?.judgedOn);
    // Pace moved on, so some expected progress did too.
    expect(after.objectives.map((o) => o.expectedProgress)).not.toEqual(
      before.objectives.map((o) => o.expectedProgress),
    );
  });
});

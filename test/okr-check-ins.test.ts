/**
 * Check-ins through the API: what each kind of KR takes, who may check in, the history,
 * edits within 24 hours (append-only: the earlier version stays in the database), stale
 * versions, two people saving at once, and the "my check-ins" form.
 */
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../src/db/client.ts";
import {
  buildMetricKeyResult,
  buildMilestoneKeyResult,
  buildObjective,
  buildPercentageKeyResult,
  buildTeam,
  cycleAround,
  type KeyResultBody,
} from "./support/factories.ts";
import { tenantFingerprint } from "./support/fingerprint.ts";
import {
  DAY,
  expectError,
  type Harness,
  HOUR,
  type Json,
  type Member,
  MINUTE,
  type OrgRef,
  type SessionClient,
  startHarness,
} from "./support/harness.ts";
import { okrApi } from "./support/okr-api.ts";
import { pinToNoon } from "./support/world.ts";

let h: Harness;
let owner: SessionClient;
let org: OrgRef;
let okr: ReturnType<typeof okrApi>;
let admin: Member;
/** Leads Hub Rotterdam. */
let lead: Member;
/** Member of Hub Rotterdam; owns the KRs. */
let emma: Member;
/** Customs Desk; contributes to the on-time KR. */
let sem: Member;
/** Customs Desk; neither owner nor contributor. */
let tess: Member;
let viewer: Member;
let hub: Json;
let cycle: Json;
let today: string;
let objective: Json;
let onTime: Json;
let tracking: Json;
let docks: Json;

beforeAll(async () => {
  h = await startHarness();
  today = pinToNoon(h);
  ({ owner, org } = await h.createOwnerWithOrg({
    person: { name: "Lotte Visser" },
    org: { name: "Rijnmond Distribution" },
  }));
  okr = okrApi(h, org);
  admin = await h.addPerson(owner, org, "admin", { name: "Daan Bakker" });
  lead = await h.addPerson(owner, org, "member", { name: "Milan Jansen" });
  emma = await h.addPerson(owner, org, "member", { name: "Emma Smit" });
  sem = await h.addPerson(owner, org, "member", { name: "Sem de Jong" });
  tess = await h.addPerson(owner, org, "member", { name: "Tess Mulder" });
  viewer = await h.addPerson(owner, org, "viewer", { name: "Julia Meijer" });
  hub = await h.ok("POST", `${okr.base}/teams`, {
    as: owner,
    body: buildTeam({ name: "Hub Rotterdam", leadUserId: lead.id }),
  });
  const customs = await h.ok("POST", `${okr.base}/teams`, {
    as: owner,
    body: buildTeam({ name: "Customs Desk" }),
  });
  await h.ok("POST", `${okr.base}/teams/${hub.id}/members`, { as: owner, body: { userId: emma.id } });
  for (const p of [sem, tess]) {
    await h.ok("POST", `${okr.base}/teams/${customs.id}/members`, { as: owner, body: { userId: p.id } });
  }
  cycle = await okr.createCycle(owner, { name: "Peak season", ...cycleAround(today) });
  objective = await activeObjective("Make Hub Rotterdam the hub customers trust", [
    buildMetricKeyResult({ contributorUserIds: [sem.id] }),
    buildMilestoneKeyResult(),
    buildPercentageKeyResult(),
  ]);
  [onTime, tracking, docks] = objective.keyResults;
});
afterEach(() => {
  h.clock.set(`${today}T11:00:00Z`);
});
afterAll(() => h?.close());

async function activeObjective(
  title: string,
  keyResults: KeyResultBody[],
  cycleId = cycle.id,
): Promise<Json> {
  const draft = await okr.createObjective(
    lead.client,
    buildObjective({
      cycleId,
      teamId: hub.id,
      ownerUserId: lead.id,
      title,
      keyResults: keyResults.map((kr) => ({ ownerUserId: emma.id, ...kr })),
    }),
  );
  return okr.activate(lead.client, draft.id);
}

/** A timestamp the app's clock gave between two readings of that clock. */
function expectWithin(iso: string, from: number, to: number) {
  const at = Date.parse(iso);
  expect(at, iso).toBeGreaterThanOrEqual(from);
  expect(at, iso).toBeLessThanOrEqual(to);
}

const checkInPath = (krId: string) => `${okr.base}/key-results/${krId}/check-ins`;
const fingerprint = () => tenantFingerprint(h.db, org.id);

describe("a check-in", () => {
  it("records value, confidence and note, and the KR follows it", async () => {
    const from = h.clock.now().getTime();
    const checkIn = await okr.checkIn(emma.client, onTime.id, {
      value: 86.5,
      confidence: 7,
      note: "Two extra evening shifts helped. Blocked on the new carrier contract.",
    });
    expect(checkIn).toMatchObject({
      keyResultId: onTime.id,
      authorUserId: emma.id,
      authorName: "Emma Smit",
      value: 86.5,
      done: null,
      confidence: 7,
      note: "Two extra evening shifts helped. Blocked on the new carrier contract.",
      editedAt: null,
    });
    expectWithin(checkIn.createdAt, from, h.clock.now().getTime());
    const kr = await okr.keyResult(owner, objective.id, onTime.id);
    expect(kr).toMatchObject({ currentValue: 86.5, lastConfidence: 7, lastCheckInAt: checkIn.createdAt });
    // A check-in is a fact: it does not change the KR's version (nobody's edit is stale).
    expect(kr.version).toBe(onTime.version);
  });

  it("on a milestone says done or not; on a percentage gives 0–100", async () => {
    await okr.checkIn(emma.client, tracking.id, {
      done: false,
      confidence: 6,
      note: "Vendor demo on Friday",
    });
    expect(await okr.keyResult(owner, objective.id, tracking.id)).toMatchObject({ done: false, progress: 0 });
    await okr.checkIn(emma.client, tracking.id, { done: true, confidence: 10 });
    expect(await okr.keyResult(owner, objective.id, tracking.id)).toMatchObject({ done: true, progress: 1 });
    await okr.checkIn(emma.client, docks.id, { value: 40, confidence: 6 });
    expect(await okr.keyResult(owner, objective.id, docks.id)).toMatchObject({
      currentValue: 40,
      progress: 0.4,
    });
  });

  it("refuses values that do not fit, naming the field, and stores nothing", async () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      [tracking.id, { value: 1, done: true, confidence: 6 }, "value"],
      [onTime.id, { confidence: 6 }, "value"],
      [onTime.id, { value: null, confidence: 6 }, "value"],
      [onTime.id, { value: "86", confidence: 6 }, "value"],
      [onTime.id, { value: 86, done: true, confidence: 6 }, "done"],
      [onTime.id, { value: 1e300, confidence: 6 }, "value"],
      [docks.id, { value: 120, confidence: 6 }, "value"],
      [docks.id, { value: -5, confidence: 6 }, "value"],
      [onTime.id, { value: 86, confidence: 11 }, "confidence"],
      [onTime.id, { value: 86, confidence: -1 }, "confidence"],
      [onTime.id, { value: 86, confidence: 7.5 }, "confidence"],
      [onTime.id, { value: 86, confidence: "high" }, "confidence"],
      [onTime.id, { value: 86 }, "confidence"],
      [onTime.id, { value: 86, confidence: 6, note: "x".repeat(4001) }, "note"],
    ];
    const before = await fingerprint();
    for (const [krId, body, field] of cases) {
      const reply = await h.request("POST", checkInPath(krId), { as: emma.client, body });
      expectError(reply, 400, "validation_failed", field);
    }
    expect(await fingerprint()).toEqual(before);
  });

  it("may come from the owner, a contributor, the team's lead and admins; others get 403", async () => {
    const before = await fingerprint();
    for (const who of [tess, viewer]) {
      const reply = await h.request("POST", checkInPath(onTime.id), {
        as: who.client,
        body: { value: 90, confidence: 5 },
      });
      expectError(reply, 403, "forbidden");
    }
    // Sem contributes to the on-time KR, not to the milestone.
    expectError(
      await h.request("POST", checkInPath(tracking.id), {
        as: sem.client,
        body: { done: true, confidence: 5 },
      }),
      403,
      "forbidden",
    );
    expect(await fingerprint()).toEqual(before);
    for (const who of [sem, lead, admin]) {
      const made = await okr.checkIn(who.client, onTime.id, {
        value: 87,
        confidence: 6,
        note: `From ${who.name}`,
      });
      expect(made.authorUserId).toBe(who.id);
    }
  });

  it("on an archived KR is refused with 409 until the KR is restored", async () => {
    const o = await activeObjective("Archive test", [
      buildMetricKeyResult({
        title: "Returns processed within a day from 60 % to 90 %",
        startValue: 60,
        targetValue: 90,
      }),
      buildMilestoneKeyResult({ title: "Returns desk moved next to the dock" }),
    ]);
    const kr = o.keyResults[1];
    await okr.updateKeyResult(lead.client, o.id, kr.id, { archived: true });
    const before = await fingerprint();
    const reply = await h.request("POST", checkInPath(kr.id), {
      as: emma.client,
      body: { done: true, confidence: 8 },
    });
    expectError(reply, 409, "conflict");
    expect(await fingerprint()).toEqual(before);
    await okr.updateKeyResult(lead.client, o.id, kr.id, { archived: false });
    await okr.checkIn(emma.client, kr.id, { done: true, confidence: 8 });
  });

  it("on a closed cycle is refused with 409", async () => {
    const spring = await okr.createCycle(owner, {
      name: "Spring",
      ...cycleAround(today, { elapsedDays: 80 }),
    });
    const o = await activeObjective(
      "Spring clean-up",
      [buildMilestoneKeyResult({ title: "Yard cleared" })],
      spring.id,
    );
    const kr = o.keyResults[0];
    await okr.checkIn(emma.client, kr.id, { done: true, confidence: 9 });
    await okr.moveCycle(owner, spring.id, "grading");
    await h.ok("PUT", `${okr.base}/key-results/${kr.id}/score`, {
      as: emma.client,
      body: { version: kr.version, finalScore: 1 },
    });
    const graded = await okr.getObjective(owner, o.id);
    await h.ok("PUT", `${okr.base}/objectives/${o.id}/grade`, {
      as: lead.client,
      body: { version: graded.version, outcome: "achieved" },
    });
    await okr.moveCycle(owner, spring.id, "closed");
    const before = await fingerprint();
    for (const who of [emma, admin]) {
      const reply = await h.request("POST", checkInPath(kr.id), {
        as: who.client,
        body: { done: false, confidence: 3 },
      });
      expectError(reply, 409, "conflict");
    }
    expect(await fingerprint()).toEqual(before);
  });

  it("with a stale keyResultVersion is refused with 409 version_conflict", async () => {
    const o = await activeObjective("Version test", [
      buildMetricKeyResult({
        title: "First-time delivery rate from 88 % to 94 %",
        startValue: 88,
        targetValue: 94,
      }),
    ]);
    const kr = o.keyResults[0];
    await okr.updateKeyResult(lead.client, o.id, kr.id, { targetValue: 96 });
    const before = await fingerprint();
    const stale = await h.request("POST", checkInPath(kr.id), {
      as: emma.client,
      body: { value: 90, confidence: 6, keyResultVersion: kr.version },
    });
    expectError(stale, 409, "version_conflict");
    expect(await fingerprint()).toEqual(before);
    await okr.checkIn(emma.client, kr.id, { value: 90, confidence: 6, keyResultVersion: kr.version + 1 });
  });
});

describe("the history of a KR", () => {
  it("keeps every check-in, newest first, and the KR shows the newest", async () => {
    const o = await activeObjective("History test", [
      buildMetricKeyResult({
        title: "Parcels per driver hour from 20 to 26",
        startValue: 20,
        targetValue: 26,
        unit: "parcels",
      }),
    ]);
    const kr = o.keyResults[0];
    const made = [];
    for (const [value, confidence] of [
      [21, 6],
      [22.5, 7],
      [22, 4],
    ] as const) {
      made.push(await okr.checkIn(emma.client, kr.id, { value, confidence, note: `Week of ${value}` }));
      h.clock.advance(7 * DAY);
    }
    const history = await okr.history(viewer.client, kr.id);
    expect(history.map((c: Json) => c.id)).toEqual(made.map((c) => c.id).reverse());
    expect(history.map((c: Json) => [c.value, c.confidence])).toEqual([
      [22, 4],
      [22.5, 7],
      [21, 6],
    ]);
    expect(await okr.keyResult(owner, o.id, kr.id)).toMatchObject({
      currentValue: 22,
      lastConfidence: 4,
      lastCheckInAt: made[2]!.createdAt,
    });
  });

  it("shows the newest on the KR even when a check-in arrives stamped earlier (clocks apart)", async () => {
    const o = await activeObjective("Clock test", [
      buildMetricKeyResult({
        title: "Pallets scanned at the gate from 60 % to 95 %",
        startValue: 60,
        targetValue: 95,
        unit: "%",
      }),
    ]);
    const kr = o.keyResults[0];
    const newest = await okr.checkIn(emma.client, kr.id, { value: 80, confidence: 8 });
    // A second server whose clock is two minutes behind takes the next check-in.
    h.clock.advance(-2 * MINUTE);
    await okr.checkIn(emma.client, kr.id, { value: 70, confidence: 5 });
    const history = await okr.history(viewer.client, kr.id);
    expect(history.map((c: Json) => c.value)).toEqual([80, 70]);
    expect(await okr.keyResult(owner, o.id, kr.id)).toMatchObject({
      currentValue: 80,
      lastConfidence: 8,
      lastCheckInAt: newest.createdAt,
    });
  });
});

describe("editing a check-in", () => {
  let kr: Json;
  let o: Json;
  beforeAll(async () => {
    o = await activeObjective("Edit test", [
      buildMetricKeyResult({
        title: "Trucks loaded before 06:00 from 70 % to 90 %",
        startValue: 70,
        targetValue: 90,
      }),
    ]);
    kr = o.keyResults[0];
  });

  it("by its author within 24 hours makes a new version; the old one stays in the database", async () => {
    const first = await okr.checkIn(emma.client, kr.id, { value: 74, confidence: 6, note: "Slow week" });
    h.clock.advance(2 * HOUR);
    const from = h.clock.now().getTime();
    const edited = await h.ok("PATCH", `${okr.base}/check-ins/${first.id}`, {
      as: emma.client,
      body: { value: 77, note: "Slow week; the Monday figure was missing" },
    });
    // The edit's own time, two hours after the check-in it corrects.
    expectWithin(edited.editedAt, from, h.clock.now().getTime());
    const editedAt = edited.editedAt;
    expect(edited).toMatchObject({
      keyResultId: kr.id,
      value: 77,
      confidence: 6,
      note: "Slow week; the Monday figure was missing",
      createdAt: first.createdAt,
    });
    expect(edited.id).not.toBe(first.id);
    const history = await okr.history(owner, kr.id);
    expect(history).toEqual([edited]);
    expect(await okr.keyResult(owner, o.id, kr.id)).toMatchObject({ currentValue: 77, lastConfidence: 6 });

    // Facts are append-only: the first version is kept with its values, marked superseded.
    const rows = rowsOf<{
      id: string;
      value: number;
      note: string;
      superseded: boolean;
      supersedes: string | null;
    }>(
      await h.db.execute(sql`select id, value, note, superseded_at is not null as superseded,
        supersedes_id as supersedes from check_ins where key_result_id = ${kr.id}::uuid order by superseded_at nulls last`),
    );
    expect(rows).toEqual([
      { id: first.id, value: 74, note: "Slow week", superseded: true, supersedes: null },
      {
        id: edited.id,
        value: 77,
        note: "Slow week; the Monday figure was missing",
        superseded: false,
        supersedes: first.id,
      },
    ]);

    const [event] = await okr.audit(owner, edited.id, "check_in.edited");
    expect(event).toMatchObject({
      actorUserId: emma.id,
      before: { id: first.id, value: 74, note: "Slow week", editedAt: null },
      after: { id: edited.id, value: 77, editedAt },
    });

    // The replaced version cannot be edited any more.
    const again = await h.request("PATCH", `${okr.base}/check-ins/${first.id}`, {
      as: emma.client,
      body: { value: 78 },
    });
    expectError(again, 409, "conflict");
  });

  it("is refused after 24 hours (409), for someone else's check-in (403) and for bad values (400)", async () => {
    const mine = await okr.checkIn(emma.client, kr.id, { value: 80, confidence: 7 });
    const before = await fingerprint();
    const byLead = await h.request("PATCH", `${okr.base}/check-ins/${mine.id}`, {
      as: lead.client,
      body: { value: 81 },
    });
    expectError(byLead, 403, "forbidden");
    const byAdmin = await h.request("PATCH", `${okr.base}/check-ins/${mine.id}`, {
      as: admin.client,
      body: { value: 81 },
    });
    expectError(byAdmin, 403, "forbidden");
    const badConfidence = await h.request("PATCH", `${okr.base}/check-ins/${mine.id}`, {
      as: emma.client,
      body: { confidence: 12 },
    });
    expectError(badConfidence, 400, "validation_failed", "confidence");
    const doneOnMetric = await h.request("PATCH", `${okr.base}/check-ins/${mine.id}`, {
      as: emma.client,
      body: { done: true },
    });
    expectError(doneOnMetric, 400, "validation_failed", "done");
    h.clock.advance(24 * HOUR + 1_000);
    const late = await h.request("PATCH", `${okr.base}/check-ins/${mine.id}`, {
      as: emma.client,
      body: { value: 81 },
    });
    expectError(late, 409, "conflict");
    expect(await fingerprint()).toEqual(before);
  });

  it("of an older check-in leaves the KR on its newest one", async () => {
    h.clock.advance(3 * HOUR);
    const older = await okr.checkIn(emma.client, kr.id, { value: 82, confidence: 7 });
    h.clock.advance(HOUR);
    await okr.checkIn(emma.client, kr.id, { value: 84, confidence: 8 });
    h.clock.advance(HOUR);
    await h.ok("PATCH", `${okr.base}/check-ins/${older.id}`, { as: emma.client, body: { value: 83 } });
    expect(await okr.keyResult(owner, o.id, kr.id)).toMatchObject({ currentValue: 84, lastConfidence: 8 });
    const history = await okr.history(owner, kr.id);
    expect(history.slice(0, 2).map((c: Json) => c.value)).toEqual([84, 83]);
  });
});

describe("two people saving the same KR", () => {
  it("with the same version: one wins, the other gets 409 version_conflict and changes nothing", async () => {
    const o = await activeObjective("Race test", [
      buildMetricKeyResult({ title: "Empty kilometres from 18 % to 12 %", startValue: 18, targetValue: 12 }),
    ]);
    const kr = o.keyResults[0];
    const save = (who: Member, targetValue: number) =>
      h.request("PATCH", `${okr.base}/key-results/${kr.id}`, {
        as: who.client,
        body: { version: kr.version, targetValue },
      });
    const replies = await Promise.all([save(lead, 11), save(admin, 10)]);
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    const loser = replies.find((r) => r.status === 409)!;
    expectError(loser, 409, "version_conflict");
    const winner = replies.find((r) => r.status === 200)!;
    const winningTarget = winner.body.keyResults[0].targetValue;
    const now = await okr.keyResult(owner, o.id, kr.id);
    expect(now).toMatchObject({ targetValue: winningTarget, version: kr.version + 1 });
    expect(await okr.audit(owner, kr.id, "key_result.updated")).toHaveLength(1);

    // The one who lost saves again on a stale version: still refused, nothing changes.
    const before = await fingerprint();
    expectError(await save(lead, 9), 409, "version_conflict");
    expect(await fingerprint()).toEqual(before);
  });
});

describe("my check-ins", () => {
  let finn: Member;
  let mine: Json;
  let contributed: Json;
  let gradingKr: Json;

  beforeAll(async () => {
    finn = await h.addPerson(owner, org, "member", { name: "Finn de Boer" });
    await h.ok("POST", `${okr.base}/teams/${hub.id}/members`, { as: owner, body: { userId: finn.id } });
    const o = await activeObjective("Finn's hub goals", [
      buildMetricKeyResult({
        title: "Sorting errors from 2 % to 0.5 %",
        startValue: 2,
        targetValue: 0.5,
        ownerUserId: finn.id,
      }),
      buildMilestoneKeyResult({
        title: "New sorter commissioned",
        ownerUserId: emma.id,
        contributorUserIds: [finn.id],
      }),
      buildPercentageKeyResult({ title: "Someone else's KR", ownerUserId: emma.id }),
      buildMilestoneKeyResult({ title: "Archived KR of Finn", ownerUserId: finn.id }),
    ]);
    [mine, contributed] = o.keyResults;
    await okr.updateKeyResult(lead.client, o.id, o.keyResults[3].id, { archived: true });
    // A cycle in grading still takes check-ins; planning and closed ones do not count.
    const grading = await okr.createCycle(owner, {
      name: "Last quarter",
      ...cycleAround(today, { elapsedDays: 95 }),
    });
    const g = await activeObjective(
      "Last quarter's goal",
      [buildMilestoneKeyResult({ title: "Night shift staffed", ownerUserId: finn.id })],
      grading.id,
    );
    gradingKr = g.keyResults[0];
    await okr.moveCycle(owner, grading.id, "grading");
    const planning = await okr.createCycle(
      owner,
      { name: "Next quarter", ...cycleAround(today, { elapsedDays: -30 }) },
      "planning",
    );
    await activeObjective(
      "Next quarter's goal",
      [buildMilestoneKeyResult({ title: "Planned for later", ownerUserId: finn.id })],
      planning.id,
    );
    const archived = await activeObjective("Archived Objective", [
      buildMilestoneKeyResult({ title: "In an archived Objective", ownerUserId: finn.id }),
    ]);
    await okr.updateObjective(lead.client, archived.id, { archived: true });
  });

  const myItems = async (who: Member) =>
    (await h.ok("GET", `${okr.base}/my/check-ins`, { as: who.client })).items as Json[];

  it("lists exactly the KRs the person owns or contributes to in active and grading cycles", async () => {
    const items = await myItems(finn);
    expect(items.map((i) => i.keyResult.id).sort()).toEqual([mine.id, contributed.id, gradingKr.id].sort());
    const item = items.find((i) => i.keyResult.id === mine.id)!;
    expect(item.objective).toMatchObject({
      title: "Finn's hub goals",
      teamName: "Hub Rotterdam",
      cycleId: cycle.id,
    });
    expect(await myItems(viewer)).toEqual([]);
  });

  it("says which are due and overdue, and a check-in clears both", async () => {
    const flags = async () =>
      Object.fromEntries((await myItems(finn)).map((i) => [i.keyResult.id, [i.due, i.overdue]]));
    // Added today: due this week, not overdue yet (docs/okr-status.md: counted from the day it was added).
    expect((await flags())[mine.id]).toEqual([true, false]);
    await okr.checkIn(finn.client, mine.id, { value: 1.6, confidence: 7 });
    expect((await flags())[mine.id]).toEqual([false, false]);
    expect((await flags())[contributed.id]).toEqual([true, false]);
    await okr.checkIn(finn.client, contributed.id, { done: false, confidence: 6 });
    expect((await flags())[contributed.id]).toEqual([false, false]);
    // A week later the next check-in is due; a day after that it is overdue.
    h.clock.advance(7 * DAY);
    expect((await flags())[mine.id]).toEqual([true, false]);
    h.clock.advance(1 * DAY);
    expect((await flags())[mine.id]).toEqual([true, true]);
    await okr.checkIn(finn.client, mine.id, { value: 1.4, confidence: 7 });
    expect((await flags())[mine.id]).toEqual([false, false]);
  });
});

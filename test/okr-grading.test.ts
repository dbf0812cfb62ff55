/**
 * Grading and closing a cycle through the API: final scores only in grading, a comment
 * when a score differs from the suggestion, closing only when everything is graded (and
 * then frozen), reopening with a reason, the cycle report, and rolling an Objective over.
 * The tests of this file build on each other, in order.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildMetricKeyResult,
  buildMilestoneKeyResult,
  buildObjective,
  buildPercentageKeyResult,
  buildTeam,
  cycleAround,
} from "./support/factories.ts";
import { tenantFingerprint } from "./support/fingerprint.ts";
import {
  expectError,
  type Harness,
  type Json,
  type Member,
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
/** Leads Hub Rotterdam and owns its Objective. */
let milan: Member;
/** Hub Rotterdam; owns two of its KRs and contributes to the third. */
let emma: Member;
/** Customs Desk. */
let sem: Member;
let quarter: Json;
let year: Json;
let nextQuarter: Json;
let rotterdam: Json;
let customs: Json;
/** The company Objective of the year that Rotterdam contributes to. */
let yearGoal: Json;
/** A company draft in the quarter that Rotterdam also contributes to. */
let quarterDraft: Json;

const scorePath = (krId: string) => `${okr.base}/key-results/${krId}/score`;
const gradePath = (id: string) => `${okr.base}/objectives/${id}/grade`;
const fingerprint = () => tenantFingerprint(h.db, org.id);

async function score(
  who: Member,
  objectiveId: string,
  krId: string,
  finalScore: number,
  scoreComment?: string,
) {
  const kr = await okr.keyResult(owner, objectiveId, krId);
  return h.request("PUT", scorePath(krId), {
    as: who.client,
    body: { version: kr.version, finalScore, ...(scoreComment ? { scoreComment } : {}) },
  });
}

async function grade(who: Member, objectiveId: string, body: Record<string, unknown>) {
  const current = await okr.getObjective(owner, objectiveId);
  return h.request("PUT", gradePath(objectiveId), {
    as: who.client,
    body: { version: current.version, ...body },
  });
}

async function moveQuarter(state: string, reason?: string) {
  const cycle = await h.ok("GET", `${okr.base}/cycles/${quarter.id}`, { as: owner });
  return h.request("PATCH", `${okr.base}/cycles/${quarter.id}`, {
    as: admin.client,
    body: { version: cycle.version, state, ...(reason ? { reason } : {}) },
  });
}

beforeAll(async () => {
  h = await startHarness();
  const today = pinToNoon(h);
  ({ owner, org } = await h.createOwnerWithOrg({
    person: { name: "Lotte Visser" },
    org: { name: "Schelde Shipping" },
  }));
  okr = okrApi(h, org);
  admin = await h.addPerson(owner, org, "admin", { name: "Daan Bakker" });
  milan = await h.addPerson(owner, org, "member", { name: "Milan Jansen" });
  emma = await h.addPerson(owner, org, "member", { name: "Emma Smit" });
  sem = await h.addPerson(owner, org, "member", { name: "Sem de Jong" });
  const company = await h.ok("POST", `${okr.base}/teams`, {
    as: owner,
    body: buildTeam({ name: "Schelde Shipping", kind: "company", leadUserId: admin.id }),
  });
  const hub = await h.ok("POST", `${okr.base}/teams`, {
    as: owner,
    body: buildTeam({ name: "Hub Rotterdam", parentId: company.id, leadUserId: milan.id }),
  });
  const desk = await h.ok("POST", `${okr.base}/teams`, {
    as: owner,
    body: buildTeam({ name: "Customs Desk", parentId: company.id, leadUserId: sem.id }),
  });
  await h.ok("POST", `${okr.base}/teams/${hub.id}/members`, { as: owner, body: { userId: emma.id } });

  quarter = await okr.createCycle(owner, { name: "Peak season", ...cycleAround(today, { elapsedDays: 85 }) });
  year = await okr.createCycle(owner, {
    name: "Year of reliability",
    ...cycleAround(today, { elapsedDays: 200, lengthDays: 365 }),
  });
  nextQuarter = await okr.createCycle(
    owner,
    { name: "Winter quarter", ...cycleAround(today, { elapsedDays: -5 }) },
    "planning",
  );

  yearGoal = await okr.activate(
    admin.client,
    (
      await okr.createObjective(
        admin.client,
        buildObjective({
          cycleId: year.id,
          teamId: company.id,
          ownerUserId: admin.id,
          title: "Be the most reliable carrier of the Benelux",
          keyResults: [buildMilestoneKeyResult({ title: "Reliability certificate", ownerUserId: admin.id })],
        }),
      )
    ).id,
  );
  quarterDraft = await okr.createObjective(
    admin.client,
    buildObjective({ cycleId: quarter.id, teamId: company.id, title: "Peak season without overtime" }),
  );

  const draft = await okr.createObjective(
    milan.client,
    buildObjective({
      cycleId: quarter.id,
      teamId: hub.id,
      ownerUserId: milan.id,
      title: "Rotterdam ships on time through the peak",
      keyResults: [
        buildMetricKeyResult({
          title: "Trucks out before 06:00 from 0 to 100",
          startValue: 0,
          targetValue: 100,
          unit: "trucks",
          ownerUserId: emma.id,
          weight: 1,
        }),
        buildMilestoneKeyResult({ title: "Second sorter commissioned", ownerUserId: emma.id, weight: 1 }),
        buildPercentageKeyResult({
          title: "Night shift trained",
          ownerUserId: milan.id,
          contributorUserIds: [emma.id],
          weight: 2,
          commitment: "committed",
        }),
      ],
    }),
  );
  rotterdam = await okr.activate(milan.client, draft.id);
  const [trucks, sorter, training] = rotterdam.keyResults;
  await okr.checkIn(emma.client, trucks.id, { value: 64, confidence: 6 });
  await okr.checkIn(emma.client, sorter.id, { done: true, confidence: 10 });
  await okr.checkIn(emma.client, training.id, { value: 70, confidence: 7 });
  const aligned = await h.request("PUT", `${okr.base}/objectives/${rotterdam.id}/parents`, {
    as: milan.client,
    body: {
      version: (await okr.getObjective(owner, rotterdam.id)).version,
      parents: [
        { objectiveId: yearGoal.id, weight: 0.5 },
        { objectiveId: quarterDraft.id, weight: 0.4 },
      ],
    },
  });
  expect(aligned.status, aligned.text).toBe(200);

  const customsDraft = await okr.createObjective(
    sem.client,
    buildObjective({
      cycleId: quarter.id,
      teamId: desk.id,
      ownerUserId: sem.id,
      title: "Clear customs within the hour",
      keyResults: [
        buildMetricKeyResult({
          title: "Declarations cleared within the hour from 50 % to 100 %",
          startValue: 50,
          targetValue: 100,
          ownerUserId: sem.id,
        }),
        buildMilestoneKeyResult({ title: "Direct line to the customs office", ownerUserId: sem.id }),
      ],
    }),
  );
  customs = await okr.activate(sem.client, customsDraft.id);
  await okr.checkIn(sem.client, customs.keyResults[0].id, { value: 100, confidence: 9 });
  await okr.checkIn(sem.client, customs.keyResults[1].id, { done: true, confidence: 9 });
});
afterAll(() => h?.close());

describe("before grading", () => {
  it("scores and grades are refused with 409 while the cycle is active", async () => {
    const before = await fingerprint();
    expectError(await score(emma, rotterdam.id, rotterdam.keyResults[0].id, 0.6), 409, "conflict");
    expectError(await grade(milan, rotterdam.id, { outcome: "achieved" }), 409, "conflict");
    expect(await fingerprint()).toEqual(before);
  });

  it("closing straight from active is not a step a cycle can take", async () => {
    expectError(await moveQuarter("closed"), 400, "validation_failed", "state");
  });
});

describe("in grading", () => {
  beforeAll(async () => {
    const moved = await moveQuarter("grading");
    expect(moved.status, moved.text).toBe(200);
  });

  it("the owner sets the suggested score without a comment", async () => {
    const [trucks] = rotterdam.keyResults;
    const reply = await score(emma, rotterdam.id, trucks.id, 0.6);
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.keyResults[0]).toMatchObject({ finalScore: 0.6, scoreComment: null });
    const [event] = await okr.audit(owner, trucks.id, "key_result.scored");
    expect(event).toMatchObject({
      actorUserId: emma.id,
      before: { finalScore: null, scoreComment: null },
      after: { finalScore: 0.6, scoreComment: null, suggested: 0.6 },
    });
  });

  it("a score that differs from the suggestion needs a comment", async () => {
    const sorter = rotterdam.keyResults[1];
    const before = await fingerprint();
    const bare = await score(emma, rotterdam.id, sorter.id, 0.8);
    expectError(bare, 400, "validation_failed", "scoreComment");
    expect(bare.body.error.message).toContain("1.0");
    expectError(
      await score(emma, rotterdam.id, sorter.id, 0.8, "   "),
      400,
      "validation_failed",
      "scoreComment",
    );
    expectError(await score(emma, rotterdam.id, sorter.id, 1.2), 400, "validation_failed", "finalScore");
    expectError(await score(emma, rotterdam.id, sorter.id, -0.1), 400, "validation_failed", "finalScore");
    const stale = await h.request("PUT", scorePath(sorter.id), {
      as: emma.client,
      body: { version: sorter.version + 99, finalScore: 1 },
    });
    expectError(stale, 409, "version_conflict");
    expectError(await score(sem, rotterdam.id, sorter.id, 1), 403, "forbidden");
    expect(await fingerprint()).toEqual(before);

    const explained = await score(
      emma,
      rotterdam.id,
      sorter.id,
      0.8,
      "Commissioned three weeks late, after the peak started.",
    );
    expect(explained.status, explained.text).toBe(200);
    expect(explained.body.keyResults[1]).toMatchObject({
      finalScore: 0.8,
      scoreComment: "Commissioned three weeks late, after the peak started.",
    });
  });

  it("an Objective's default grade needs every KR scored", async () => {
    expectError(await grade(milan, rotterdam.id, { outcome: "missed" }), 400, "validation_failed", "grade");
  });

  it("closing while KRs lack scores is refused naming state, and nothing changes", async () => {
    const before = await fingerprint();
    const reply = await moveQuarter("closed");
    expectError(reply, 400, "validation_failed", "state");
    expect(reply.body.error.details.unscoredKeyResults).toEqual(
      expect.arrayContaining([
        "Night shift trained",
        "Declarations cleared within the hour from 50 % to 100 %",
        "Direct line to the customs office",
      ]),
    );
    expect(await fingerprint()).toEqual(before);
    expect((await h.ok("GET", `${okr.base}/cycles/${quarter.id}`, { as: owner })).state).toBe("grading");
  });

  it("closing with every KR scored but no outcomes is refused too", async () => {
    expect((await score(emma, rotterdam.id, rotterdam.keyResults[2].id, 0.7)).status).toBe(200);
    expect((await score(sem, customs.id, customs.keyResults[0].id, 1)).status).toBe(200);
    expect((await score(sem, customs.id, customs.keyResults[1].id, 1)).status).toBe(200);
    const before = await fingerprint();
    const reply = await moveQuarter("closed");
    expectError(reply, 400, "validation_failed", "state");
    expect(reply.body.error.details.objectivesWithoutOutcome.sort()).toEqual(
      ["Clear customs within the hour", "Rotterdam ships on time through the peak"].sort(),
    );
    expect(await fingerprint()).toEqual(before);
  });

  it("grading an Objective sets its outcome, grade (weighted mean of scores) and retrospective", async () => {
    const reply = await grade(milan, rotterdam.id, {
      outcome: "missed",
      retrospective: "The second sorter came too late; start commissioning before the peak next year.",
    });
    expect(reply.status, reply.text).toBe(200);
    // (1 × 0.6 + 1 × 0.8 + 2 × 0.7) ÷ 4
    expect(reply.body).toMatchObject({
      outcome: "missed",
      grade: 0.7,
      retrospective: "The second sorter came too late; start commissioning before the peak next year.",
    });
    const customsGraded = await grade(sem, customs.id, { outcome: "achieved" });
    expect(customsGraded.body).toMatchObject({ outcome: "achieved", grade: 1 });
    expectError(await grade(emma, customs.id, { outcome: "dropped" }), 403, "forbidden");
  });
});

describe("closing", () => {
  it("works once everything is graded, and closes the Objectives", async () => {
    const reply = await moveQuarter("closed");
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.state).toBe("closed");
    expect((await okr.getObjective(owner, rotterdam.id)).state).toBe("closed");
    expect((await okr.getObjective(owner, customs.id)).state).toBe("closed");
    // Drafts are not graded and stay drafts.
    expect((await okr.getObjective(owner, quarterDraft.id)).state).toBe("draft");
  });

  it("freezes scores, grades, edits and check-ins (409)", async () => {
    const before = await fingerprint();
    const trucks = await okr.keyResult(owner, rotterdam.id, rotterdam.keyResults[0].id);
    expectError(await score(emma, rotterdam.id, trucks.id, 0.7, "Rethought"), 409, "conflict");
    expectError(await grade(milan, rotterdam.id, { outcome: "achieved" }), 409, "conflict");
    const current = await okr.getObjective(owner, rotterdam.id);
    expectError(
      await h.request("PATCH", `${okr.base}/objectives/${rotterdam.id}`, {
        as: admin.client,
        body: { version: current.version, title: "Rewritten history" },
      }),
      409,
      "conflict",
    );
    expectError(
      await h.request("POST", `${okr.base}/key-results/${trucks.id}/check-ins`, {
        as: emma.client,
        body: { value: 90, confidence: 8 },
      }),
      409,
      "conflict",
    );
    expect(await fingerprint()).toEqual(before);
  });

  it("the cycle report shows the distribution per team and flags 1.0 everywhere", async () => {
    const report = await h.ok("GET", `${okr.base}/cycles/${quarter.id}/report`, { as: emma.client });
    expect(report).toMatchObject({ cycleId: quarter.id, state: "closed" });
    expect(report.teams.map((t: Json) => t.teamName)).toEqual(["Customs Desk", "Hub Rotterdam"]);
    const [desk, hub] = report.teams;
    expect(desk).toMatchObject({
      keyResults: 2,
      scored: 2,
      suggestedMean: 1,
      allPerfect: true,
      sandbagging: false,
      distribution: { count: 2, mean: 1, bands: { failed: 0, fell_short: 0, delivered: 2 }, sweetSpot: 0 },
    });
    expect(desk.distribution.byTenth[10]).toBe(2);
    expect(hub).toMatchObject({
      keyResults: 3,
      scored: 3,
      // Suggested: 0.6, 1.0 and 0.7.
      suggestedMean: 0.77,
      allPerfect: false,
      sandbagging: false,
      distribution: { count: 3, mean: 0.7, bands: { failed: 0, fell_short: 1, delivered: 2 }, sweetSpot: 2 },
    });
    expect(hub.distribution.byTenth).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0]);
  });
});

describe("reopening", () => {
  it("needs a reason, is audited, and thaws the Objectives", async () => {
    const before = await fingerprint();
    expectError(await moveQuarter("grading"), 400, "validation_failed", "reason");
    expect(await fingerprint()).toEqual(before);
    const reply = await moveQuarter("grading", "The customs office corrected its clearance figures.");
    expect(reply.status, reply.text).toBe(200);
    expect((await okr.getObjective(owner, customs.id)).state).toBe("active");
    expect((await okr.getObjective(owner, rotterdam.id)).state).toBe("active");
    const [event] = await okr.audit(owner, quarter.id, "cycle.reopened");
    expect(event).toMatchObject({
      actorUserId: admin.id,
      reason: "The customs office corrected its clearance figures.",
      before: { state: "closed" },
      after: { state: "grading" },
    });
    const rescored = await score(
      sem,
      customs.id,
      customs.keyResults[0].id,
      0.9,
      "Two declarations took longer after all.",
    );
    expect(rescored.status, rescored.text).toBe(200);
    expect((await moveQuarter("closed")).status).toBe(200);
    const report = await h.ok("GET", `${okr.base}/cycles/${quarter.id}/report`, { as: owner });
    expect(report.teams[0]).toMatchObject({ teamName: "Customs Desk", allPerfect: false });
  });
});

describe("rolling over", () => {
  it("copies the Objective into a planning cycle: KRs from their last value, weights, owners, contributors, open parents", async () => {
    const reply = await h.request("POST", `${okr.base}/objectives/${rotterdam.id}/roll-over`, {
      as: milan.client,
      body: { cycleId: nextQuarter.id },
    });
    expect(reply.status, reply.text).toBe(201);
    const copy = reply.body;
    expect(copy).toMatchObject({
      cycleId: nextQuarter.id,
      state: "draft",
      title: "Rotterdam ships on time through the peak",
      teamId: rotterdam.teamId,
      ownerUserId: milan.id,
      outcome: null,
      grade: null,
    });
    expect(copy.id).not.toBe(rotterdam.id);
    const [trucks, sorter, training] = copy.keyResults;
    expect(trucks).toMatchObject({
      title: "Trucks out before 06:00 from 0 to 100",
      kind: "metric",
      startValue: 64,
      targetValue: 100,
      currentValue: 64,
      progress: 0,
      weight: 1,
      ownerUserId: emma.id,
      finalScore: null,
      lastCheckInAt: null,
    });
    expect(sorter).toMatchObject({ kind: "milestone", weight: 1, ownerUserId: emma.id });
    expect(training).toMatchObject({
      kind: "percentage",
      currentValue: 70,
      weight: 2,
      ownerUserId: milan.id,
      contributorUserIds: [emma.id],
      commitment: "committed",
    });
    // The year's goal is still open; the draft of the closed quarter is not.
    expect(copy.parents).toEqual([
      { objectiveId: yearGoal.id, title: "Be the most reliable carrier of the Benelux", weight: 0.5 },
    ]);
    const [event] = await okr.audit(owner, copy.id, "objective.rolled_over");
    expect(event).toMatchObject({ actorUserId: milan.id, before: { rolledOverFrom: rotterdam.id } });
    // The original is untouched.
    expect((await okr.getObjective(owner, rotterdam.id)).keyResults[0]).toMatchObject({
      startValue: 0,
      finalScore: 0.6,
    });
  });

  it("refuses to roll the same Objective into the same cycle twice", async () => {
    const again = await h.request("POST", `${okr.base}/objectives/${rotterdam.id}/roll-over`, {
      as: milan.client,
      body: { cycleId: nextQuarter.id },
    });
    expectError(again, 409, "already_exists", "cycleId");
  });

  it("only into another cycle in planning or active, by someone who may edit it", async () => {
    const before = await fingerprint();
    const into = (cycleId: string, who: Member = milan) =>
      h.request("POST", `${okr.base}/objectives/${rotterdam.id}/roll-over`, {
        as: who.client,
        body: { cycleId },
      });
    expectError(await into(quarter.id), 400, "validation_failed", "cycleId");
    const closed = await okr.createCycle(
      owner,
      { name: "Old quarter", startsOn: "2025-01-01", endsOn: "2025-03-31" },
      "closed",
    );
    expectError(await into(closed.id), 400, "validation_failed", "cycleId");
    expectError(await into(nextQuarter.id, sem), 403, "forbidden");
    const after = await fingerprint();
    // Only the new closed cycle (and its audit) was stored.
    expect(
      Object.keys(after)
        .filter((t) => after[t] !== before[t])
        .sort(),
    ).toEqual(["audit_events", "cycles"]);
  });
});

/**
 * Progress and status as the API shows them, driven by check-ins and a movable clock:
 * uncapped metric progress (increasing and decreasing), weighted Objective progress of
 * clamped KRs, the status words from pace and confidence, and stale KRs.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
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
let lead: Member;
let member: Member;
let hub: Json;
/** 90 days, today is day 45: expected progress 0.5. */
let cycle: Json;
let today: string;

beforeAll(async () => {
  h = await startHarness();
  today = pinToNoon(h);
  ({ owner, org } = await h.createOwnerWithOrg({
    person: { name: "Lotte Visser" },
    org: { name: "Noordzee Freight" },
  }));
  okr = okrApi(h, org);
  lead = await h.addPerson(owner, org, "member", { name: "Milan Jansen" });
  member = await h.addPerson(owner, org, "member", { name: "Emma Smit" });
  hub = await h.ok("POST", `${okr.base}/teams`, {
    as: owner,
    body: buildTeam({ name: "Hub Tilburg", leadUserId: lead.id }),
  });
  await h.ok("POST", `${okr.base}/teams/${hub.id}/members`, { as: owner, body: { userId: member.id } });
  cycle = await okr.createCycle(owner, { name: "Autumn quarter", ...cycleAround(today) });
});
afterEach(() => {
  h.clock.set(`${today}T11:00:00Z`);
});
afterAll(() => h?.close());

/** An active Objective of the hub with the given KRs (owner: Emma unless given). */
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
      keyResults: keyResults.map((kr) => ({ ownerUserId: member.id, ...kr })),
    }),
  );
  // Activated on the cycle's first day, so pace runs over the whole cycle as in the
  // examples of docs/okr-status.md (pace counts from activation).
  const cycleStart = (await h.ok("GET", `${okr.base}/cycles/${cycleId}`, { as: owner })).startsOn;
  const now = h.clock.now();
  h.clock.set(`${cycleStart < today ? cycleStart : today}T11:00:00Z`);
  try {
    await okr.activate(lead.client, draft.id);
  } finally {
    h.clock.set(now);
  }
  return okr.getObjective(lead.client, draft.id);
}

const activeTeams = (overrides: Partial<KeyResultBody> = {}) =>
  buildMetricKeyResult({
    title: "Weekly active customer teams from 200 to 500",
    startValue: 200,
    targetValue: 500,
    unit: "teams",
    ...overrides,
  });

async function checkInAndRead(objectiveId: string, keyResultId: string, body: Record<string, unknown>) {
  await okr.checkIn(member.client, keyResultId, { confidence: 7, ...body });
  const objective = await okr.getObjective(owner, objectiveId);
  return { objective, kr: objective.keyResults.find((k: Json) => k.id === keyResultId) };
}

describe("metric progress", () => {
  it("is (current − start) ÷ (target − start), shown uncapped, clamped in the Objective", async () => {
    const o = await activeObjective("Grow the customer portal", [activeTeams()]);
    const kr = o.keyResults[0];
    expect(kr).toMatchObject({ direction: "increase", currentValue: 200, progress: 0 });

    let read = await checkInAndRead(o.id, kr.id, { value: 350 });
    expect(read.kr).toMatchObject({ currentValue: 350, progress: 0.5 });
    expect(read.objective.progress).toBe(0.5);

    read = await checkInAndRead(o.id, kr.id, { value: 650 });
    expect(read.kr.progress).toBe(1.5);
    expect(read.objective.progress).toBe(1);

    read = await checkInAndRead(o.id, kr.id, { value: 140 });
    expect(read.kr.progress).toBe(-0.2);
    expect(read.objective.progress).toBe(0);
  });

  it("works the same way for a decreasing KR", async () => {
    const o = await activeObjective("Keep the customers we have", [
      buildMetricKeyResult({ title: "Monthly churn from 40 % to 20 %", startValue: 40, targetValue: 20 }),
    ]);
    const kr = o.keyResults[0];
    expect(kr.direction).toBe("decrease");
    expect((await checkInAndRead(o.id, kr.id, { value: 30 })).kr.progress).toBe(0.5);
    expect((await checkInAndRead(o.id, kr.id, { value: 45 })).kr.progress).toBe(-0.25);
    const over = await checkInAndRead(o.id, kr.id, { value: 15 });
    expect(over.kr.progress).toBe(1.25);
    expect(over.objective.progress).toBe(1);
  });

  it("the Objective's progress is the weighted mean of its KRs' clamped progress; weight 0 shows but does not count", async () => {
    const o = await activeObjective("Make Tilburg the model warehouse", [
      buildMetricKeyResult({
        title: "Pallets per hour from 0 to 100",
        startValue: 0,
        targetValue: 100,
        weight: 2,
      }),
      buildMetricKeyResult({
        title: "Picks without error from 0 to 100",
        startValue: 0,
        targetValue: 100,
        weight: 1,
      }),
      buildMilestoneKeyResult({ weight: 1 }),
      buildPercentageKeyResult({ weight: 0 }),
    ]);
    const [pallets, picks, milestone, percentage] = o.keyResults;
    await okr.checkIn(member.client, pallets.id, { value: 150, confidence: 8 });
    await okr.checkIn(member.client, picks.id, { value: 25, confidence: 5 });
    await okr.checkIn(member.client, percentage.id, { value: 80, confidence: 8 });
    let read = await okr.getObjective(owner, o.id);
    expect(read.keyResults.map((k: Json) => k.progress)).toEqual([1.5, 0.25, 0, 0.8]);
    // (2 × 1 + 1 × 0.25 + 1 × 0) ÷ 4
    expect(read.progress).toBe(0.5625);
    await okr.checkIn(member.client, milestone.id, { done: true, confidence: 10 });
    read = await okr.getObjective(owner, o.id);
    expect(read.keyResults[2]).toMatchObject({ done: true, progress: 1 });
    expect(read.progress).toBe(0.8125);
  });

  it("an Objective whose KRs all weigh 0 cannot be activated, and the last weight cannot drop to 0", async () => {
    const draft = await okr.createObjective(
      lead.client,
      buildObjective({
        cycleId: cycle.id,
        teamId: hub.id,
        ownerUserId: lead.id,
        title: "Weightless",
        keyResults: [
          activeTeams({ ownerUserId: member.id, weight: 0 }),
          buildMilestoneKeyResult({ ownerUserId: member.id, weight: 0 }),
        ],
      }),
    );
    expect(draft.progress).toBeNull();
    const before = await tenantFingerprint(h.db, org.id);
    const reply = await h.request("PATCH", `${okr.base}/objectives/${draft.id}`, {
      as: lead.client,
      body: { version: draft.version, state: "active", acknowledgeFindings: true },
    });
    expectError(reply, 400, "validation_failed", "state");
    expect(reply.body.error.message).toContain("weight above 0");
    expect(await tenantFingerprint(h.db, org.id)).toEqual(before);

    const o = await activeObjective("One weight left", [
      activeTeams({ weight: 1 }),
      buildMilestoneKeyResult({ weight: 0 }),
    ]);
    const kr = o.keyResults[0];
    const before2 = await tenantFingerprint(h.db, org.id);
    const zero = await h.request("PATCH", `${okr.base}/key-results/${kr.id}`, {
      as: lead.client,
      body: { version: kr.version, weight: 0 },
    });
    expectError(zero, 400, "validation_failed", "weight");
    expect(await tenantFingerprint(h.db, org.id)).toEqual(before2);
  });
});

describe("status", () => {
  it("half-way through the cycle, comes from pace and confidence (docs/okr-status.md example)", async () => {
    const o = await activeObjective("Grow the customer portal, again", [activeTeams()]);
    expect(o.expectedProgress).toBe(0.5);
    const kr = o.keyResults[0];
    const cases: Array<[number, number, string]> = [
      [350, 7, "on_track"], // pace 1.0
      [320, 7, "on_track"], // pace 0.8
      [300, 7, "at_risk"], // pace 0.67
      [270, 7, "off_track"], // pace 0.47
      [350, 5, "at_risk"], // on pace, unsure
      [350, 3, "off_track"], // on pace, but the owner says it will not happen
    ];
    for (const [value, confidence, status] of cases) {
      const read = await checkInAndRead(o.id, kr.id, { value, confidence });
      expect([value, confidence, read.kr.status]).toEqual([value, confidence, status]);
      expect(read.kr.lastConfidence).toBe(confidence);
      // One KR: the Objective says what its KR says.
      expect(read.objective.status).toBe(status);
    }
  });

  it("of a milestone comes from confidence alone; done is on track", async () => {
    const o = await activeObjective("Open the new cross-dock", [
      buildMilestoneKeyResult({ title: "Cross-dock opened" }),
    ]);
    const kr = o.keyResults[0];
    expect((await checkInAndRead(o.id, kr.id, { done: false, confidence: 2 })).kr.status).toBe("off_track");
    expect((await checkInAndRead(o.id, kr.id, { done: false, confidence: 5 })).kr.status).toBe("at_risk");
    expect((await checkInAndRead(o.id, kr.id, { done: false, confidence: 9 })).kr.status).toBe("on_track");
    const done = await checkInAndRead(o.id, kr.id, { done: true, confidence: 2 });
    expect(done.kr).toMatchObject({ status: "on_track", progress: 1 });
  });

  it("turns stale after more than 10 days without a check-in, and back after one", async () => {
    const o = await activeObjective("Keep the portal growing", [
      activeTeams(),
      buildMilestoneKeyResult({ title: "Portal single sign-on live" }),
    ]);
    const [metric, milestone] = o.keyResults;
    await okr.checkIn(member.client, metric.id, { value: 350, confidence: 7 });
    await okr.checkIn(member.client, milestone.id, { done: false, confidence: 7 });
    expect((await okr.getObjective(owner, o.id)).status).toBe("on_track");

    h.clock.advance(10 * DAY);
    let read = await okr.getObjective(owner, o.id);
    expect(read.keyResults.map((k: Json) => k.status)).toEqual(["on_track", "on_track"]);

    h.clock.advance(1 * DAY);
    read = await okr.getObjective(owner, o.id);
    expect(read.keyResults.map((k: Json) => k.status)).toEqual(["stale", "stale"]);
    expect(read.status).toBe("stale");

    // 56 of 90 days: expected 0.6222; 400 of 500 from 200 is 0.6667, pace 1.07.
    await okr.checkIn(member.client, metric.id, { value: 400, confidence: 8 });
    read = await okr.getObjective(owner, o.id);
    expect(read.expectedProgress).toBe(0.6222);
    expect(read.keyResults.map((k: Json) => k.status)).toEqual(["on_track", "stale"]);
    expect(read.status).toBe("on_track");
  });

  it("a KR never checked in goes stale 11 days after it became active", async () => {
    // Activated today, 45 days into the cycle: the stale clock starts today.
    const draft = await okr.createObjective(
      lead.client,
      buildObjective({
        cycleId: cycle.id,
        teamId: hub.id,
        ownerUserId: lead.id,
        title: "Quiet Objective",
        keyResults: [{ ownerUserId: member.id, ...activeTeams() }],
      }),
    );
    const o = await okr.activate(lead.client, draft.id);
    h.clock.advance(10 * DAY);
    expect((await okr.getObjective(owner, o.id)).keyResults[0].status).not.toBe("stale");
    h.clock.advance(1 * DAY);
    expect((await okr.getObjective(owner, o.id)).keyResults[0].status).toBe("stale");
  });

  it("is not started before the cycle begins", async () => {
    const next = await okr.createCycle(
      owner,
      { name: "Winter quarter", ...cycleAround(today, { elapsedDays: -9 }) },
      "planning",
    );
    const o = await activeObjective("Prepare for winter", [activeTeams()], next.id);
    expect(o).toMatchObject({ status: "not_started", expectedProgress: 0 });
    expect(o.keyResults[0].status).toBe("not_started");
  });
});

/**
 * OKR rules that surprised users, through the API with a fixed clock: a rolled-over KR
 * that had passed its target waits for a new one; pace runs from the day a KR became
 * active, and drafts are not judged; check-ins stop on drafts, once a KR is scored and
 * after close.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../src/domain/dates.ts";
import {
  buildMetricKeyResult,
  buildMilestoneKeyResult,
  buildObjective,
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
/** Leads Hub Rotterdam. */
let lead: Member;
/** Owns the KRs. */
let emma: Member;
let hub: Json;
let today: string;

beforeAll(async () => {
  h = await startHarness();
  today = pinToNoon(h);
  ({ owner, org } = await h.createOwnerWithOrg({
    person: { name: "Lotte Visser" },
    org: { name: "Waalhaven Logistics" },
  }));
  okr = okrApi(h, org);
  lead = await h.addPerson(owner, org, "member", { name: "Milan Jansen" });
  emma = await h.addPerson(owner, org, "member", { name: "Emma Smit" });
  hub = await h.ok("POST", `${okr.base}/teams`, {
    as: owner,
    body: buildTeam({ name: "Hub Rotterdam", leadUserId: lead.id }),
  });
  await h.ok("POST", `${okr.base}/teams/${hub.id}/members`, { as: owner, body: { userId: emma.id } });
});
afterEach(() => {
  h.clock.set(`${today}T11:00:00Z`);
});
afterAll(() => h?.close());

function draft(title: string, cycleId: string, keyResults: KeyResultBody[]): Promise<Json> {
  return okr.createObjective(
    lead.client,
    buildObjective({
      cycleId,
      teamId: hub.id,
      ownerUserId: lead.id,
      title,
      keyResults: keyResults.map((kr) => ({ ownerUserId: emma.id, ...kr })),
    }),
  );
}

const checkInPath = (krId: string) => `${okr.base}/key-results/${krId}/check-ins`;
const fingerprint = () => tenantFingerprint(h.db, org.id);

describe("rolling over a KR that passed its target", () => {
  it("flags it, refuses to activate its Objective naming it, and clears once re-targeted", async () => {
    const spring = await okr.createCycle(owner, {
      name: "Spring",
      ...cycleAround(today, { elapsedDays: 80 }),
    });
    const next = await okr.createCycle(
      owner,
      { name: "Summer", ...cycleAround(today, { elapsedDays: -20 }) },
      "planning",
    );
    const o = await okr.activate(
      lead.client,
      (
        await draft("Faster turnaround at the docks", spring.id, [
          buildMetricKeyResult({
            title: "Trucks unloaded per hour",
            startValue: 10,
            targetValue: 20,
            unit: "",
          }),
          buildMetricKeyResult({ title: "Dock utilisation", startValue: 50, targetValue: 80 }),
        ])
      ).id,
    );
    const [trucks, docks] = o.keyResults;
    await okr.checkIn(emma.client, trucks.id, { value: 25, confidence: 9 });
    await okr.checkIn(emma.client, docks.id, { value: 60, confidence: 6 });
    const copy = await h.ok(
      "POST",
      `${okr.base}/objectives/${o.id}/roll-over`,
      {
        as: lead.client,
        body: { cycleId: next.id },
      },
      201,
    );
    const [rolledTrucks, rolledDocks] = copy.keyResults;
    expect(rolledTrucks).toMatchObject({
      startValue: 25,
      targetValue: 20,
      needsNewTarget: true,
      status: "draft",
    });
    expect(rolledDocks).toMatchObject({ startValue: 60, targetValue: 80, needsNewTarget: false });

    const before = await fingerprint();
    const refused = await h.request("PATCH", `${okr.base}/objectives/${copy.id}`, {
      as: lead.client,
      body: { version: copy.version, state: "active", acknowledgeFindings: true },
    });
    expectError(refused, 400, "validation_failed", "state");
    expect(refused.body.error.message).toContain(
      'Key Result "Trucks unloaded per hour" already reached its target of 20 last cycle',
    );
    expect(await fingerprint()).toEqual(before);

    // Editing something else keeps the flag; a new target clears it.
    await okr.updateKeyResult(lead.client, copy.id, rolledTrucks.id, {
      title: "Trucks unloaded per dock hour",
    });
    expect((await okr.keyResult(lead.client, copy.id, rolledTrucks.id)).needsNewTarget).toBe(true);
    await okr.updateKeyResult(lead.client, copy.id, rolledTrucks.id, { targetValue: 30 });
    expect(await okr.keyResult(lead.client, copy.id, rolledTrucks.id)).toMatchObject({
      startValue: 25,
      targetValue: 30,
      direction: "increase",
      needsNewTarget: false,
    });
    expect((await okr.activate(lead.client, copy.id)).state).toBe("active");
  });
});

describe("pace", () => {
  it("runs from the day the Objective was activated, so a late one is not off track on day one", async () => {
    // 60 days into a 90-day cycle: measured from the cycle's start, no progress is off track.
    const quarter = await okr.createCycle(owner, {
      name: "Autumn",
      ...cycleAround(today, { elapsedDays: 60 }),
    });
    const fresh = await draft("Open the night shift in Rotterdam", quarter.id, [
      buildMetricKeyResult({ title: "Parcels sorted overnight", startValue: 0, targetValue: 4000, unit: "" }),
    ]);
    expect(fresh).toMatchObject({ status: "draft", expectedProgress: 0 });
    expect(fresh.keyResults[0]).toMatchObject({ status: "draft", activeFrom: null });

    const active = await okr.activate(lead.client, fresh.id);
    expect(active.keyResults[0]).toMatchObject({ activeFrom: today, status: "on_track" });
    // Day 1 of 31 left in the cycle.
    expect(active).toMatchObject({ status: "on_track", expectedProgress: 0.0323 });

    // 20 days later, a quarter of the way (1,000 of 4,000) against 21/31 expected: pace 0.37.
    h.clock.advance(20 * DAY);
    await okr.checkIn(emma.client, active.keyResults[0].id, { value: 1000, confidence: 7 });
    const later = await okr.getObjective(lead.client, active.id);
    expect(later.keyResults[0].status).toBe("off_track");
    expect(later.expectedProgress).toBe(0.6774);

    // A KR added 20 days after activation is paced from that day.
    const withMore = await h.ok(
      "POST",
      `${okr.base}/objectives/${active.id}/key-results`,
      {
        as: lead.client,
        body: buildMetricKeyResult({
          title: "Night drivers hired",
          startValue: 0,
          targetValue: 12,
          unit: "",
          ownerUserId: emma.id,
        }),
      },
      201,
    );
    const added = withMore.keyResults.find((k: Json) => k.title === "Night drivers hired");
    expect(added).toMatchObject({ activeFrom: addDays(today, 20), status: "on_track" });
  });

  it("keeps the first activation day when an Objective goes back to draft and is activated again", async () => {
    const quarter = await okr.createCycle(owner, {
      name: "Winter",
      ...cycleAround(today, { elapsedDays: 30 }),
    });
    const o = await okr.activate(
      lead.client,
      (
        await draft("Quieter yard at night", quarter.id, [
          buildMilestoneKeyResult({ title: "Electric forklifts" }),
        ])
      ).id,
    );
    h.clock.advance(5 * DAY);
    await okr.updateObjective(lead.client, o.id, { state: "draft" });
    const again = await okr.activate(lead.client, o.id);
    expect(again.keyResults[0].activeFrom).toBe(today);
  });
});

describe("check-ins are refused", () => {
  it("on a draft Objective, with 409 saying to activate it", async () => {
    const quarter = await okr.createCycle(owner, { name: "Draft season", ...cycleAround(today) });
    const d = await draft("Paperless customs", quarter.id, [
      buildMilestoneKeyResult({ title: "E-docs live" }),
    ]);
    const before = await fingerprint();
    const reply = await h.request("POST", checkInPath(d.keyResults[0].id), {
      as: emma.client,
      body: { done: true, confidence: 8 },
    });
    expectError(reply, 409, "conflict");
    expect(reply.body.error.message).toBe(
      '"E-docs live" belongs to a draft Objective: activate the Objective to start checking in.',
    );
    expect(await fingerprint()).toEqual(before);
  });

  it("in grading once the KR is scored, but not before; after close always", async () => {
    const quarter = await okr.createCycle(owner, {
      name: "Harvest",
      ...cycleAround(today, { elapsedDays: 85 }),
    });
    const o = await okr.activate(
      lead.client,
      (
        await draft("Zero lost pallets", quarter.id, [
          buildMetricKeyResult({ title: "Pallets traced", startValue: 80, targetValue: 100 }),
          buildMetricKeyResult({ title: "Scanners per gate", startValue: 1, targetValue: 3, unit: "" }),
        ])
      ).id,
    );
    const [traced, scanners] = o.keyResults;
    await okr.moveCycle(owner, quarter.id, "grading");
    // Not scored yet: the owner may still record where it ended.
    await okr.checkIn(emma.client, traced.id, { value: 90, confidence: 6 });
    const kr = await okr.keyResult(emma.client, o.id, traced.id);
    await h.ok("PUT", `${okr.base}/key-results/${traced.id}/score`, {
      as: emma.client,
      body: { version: kr.version, finalScore: 0.5 },
    });
    const before = await fingerprint();
    const reply = await h.request("POST", checkInPath(traced.id), {
      as: emma.client,
      body: { value: 99, confidence: 9 },
    });
    expectError(reply, 409, "conflict");
    expect(reply.body.error.message).toContain(
      '"Pallets traced" has been scored (0.5): check-ins are closed for it.',
    );
    expect(await fingerprint()).toEqual(before);
    // The other KR, unscored, still takes one.
    await okr.checkIn(emma.client, scanners.id, { value: 2, confidence: 5 });
  });
});

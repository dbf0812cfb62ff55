/**
 * The audit trail of OKR changes: who did what, with the Objective, KR or check-in as it
 * was before and after. (Alignment, scores, check-in edits, reopening and roll-over are
 * checked where they happen: okr-alignment, okr-grading and okr-check-ins.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildMetricKeyResult,
  buildMilestoneKeyResult,
  buildObjective,
  buildTeam,
  cycleAround,
} from "./support/factories.ts";
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
let lead: Member;
let member: Member;
let objective: Json;

beforeAll(async () => {
  h = await startHarness();
  const today = pinToNoon(h);
  ({ owner, org } = await h.createOwnerWithOrg({
    person: { name: "Lotte Visser" },
    org: { name: "Delta Parcel Services" },
  }));
  okr = okrApi(h, org);
  lead = await h.addPerson(owner, org, "member", { name: "Milan Jansen" });
  member = await h.addPerson(owner, org, "member", { name: "Emma Smit" });
  const hub = await h.ok("POST", `${okr.base}/teams`, {
    as: owner,
    body: buildTeam({ name: "Last Mile Amsterdam", leadUserId: lead.id }),
  });
  const cycle = await okr.createCycle(owner, { name: "Peak season", ...cycleAround(today) });
  objective = await okr.createObjective(
    lead.client,
    buildObjective({
      cycleId: cycle.id,
      teamId: hub.id,
      title: "Deliver Amsterdam by bike",
      keyResults: [
        buildMetricKeyResult({
          title: "Parcels delivered by cargo bike from 10 % to 40 %",
          startValue: 10,
          targetValue: 40,
          ownerUserId: member.id,
        }),
      ],
    }),
  );
});
afterAll(() => h?.close());

describe("the audit trail of OKRs", () => {
  it("records objective.created with the Objective as created", async () => {
    const [event] = await okr.audit(owner, objective.id, "objective.created");
    expect(event).toMatchObject({
      actorUserId: lead.id,
      entityType: "objective",
      entityLabel: "Deliver Amsterdam by bike",
      before: null,
      after: { id: objective.id, state: "draft", title: "Deliver Amsterdam by bike" },
    });
    expect(event.after.keyResults).toHaveLength(1);
  });

  it("records objective.activated with the state before and after", async () => {
    const active = await okr.updateObjective(lead.client, objective.id, {
      state: "active",
      ownerUserId: lead.id,
      acknowledgeFindings: true,
    });
    const [event] = await okr.audit(owner, objective.id, "objective.activated");
    expect(event).toMatchObject({
      actorUserId: lead.id,
      before: { state: "draft", ownerUserId: null, version: objective.version },
      after: { state: "active", ownerUserId: lead.id, version: active.version },
    });
  });

  it("records edits of Objectives and KRs, and new KRs, with before and after", async () => {
    await okr.updateObjective(lead.client, objective.id, { description: "Fewer vans in the canal ring." });
    const [edit] = await okr.audit(owner, objective.id, "objective.updated");
    expect(edit.before.description).not.toBe("Fewer vans in the canal ring.");
    expect(edit.after.description).toBe("Fewer vans in the canal ring.");

    const kr = objective.keyResults[0];
    await okr.updateKeyResult(lead.client, objective.id, kr.id, { targetValue: 45 });
    const [krEdit] = await okr.audit(owner, kr.id, "key_result.updated");
    expect(krEdit).toMatchObject({
      actorUserId: lead.id,
      before: { targetValue: 40 },
      after: { targetValue: 45 },
    });

    const withKr = await h.ok(
      "POST",
      `${okr.base}/objectives/${objective.id}/key-results`,
      {
        as: lead.client,
        body: buildMilestoneKeyResult({ title: "Micro-hub at Westerpark opened", ownerUserId: lead.id }),
      },
      201,
    );
    const added = withKr.keyResults[1];
    const [created] = await okr.audit(owner, added.id, "key_result.created");
    expect(created).toMatchObject({
      before: null,
      after: { id: added.id, title: "Micro-hub at Westerpark opened" },
    });

    await okr.updateObjective(lead.client, objective.id, { archived: true });
    await okr.updateObjective(lead.client, objective.id, { archived: false });
    const [restored, archived] = await okr.audit(owner, objective.id, "objective");
    expect([restored.action, archived.action]).toEqual(["objective.restored", "objective.archived"]);
    expect(archived).toMatchObject({ before: { archived: false }, after: { archived: true } });
  });

  it("records check_in.created with the check-in", async () => {
    const checkIn = await okr.checkIn(member.client, objective.keyResults[0].id, {
      value: 18,
      confidence: 7,
      note: "Two more bikes from the rental pool.",
    });
    const [event] = await okr.audit(owner, checkIn.id, "check_in.created");
    expect(event).toMatchObject({
      actorUserId: member.id,
      entityType: "check_in",
      entityLabel: "Parcels delivered by cargo bike from 10 % to 40 %",
      before: null,
      after: { id: checkIn.id, value: 18, confidence: 7, note: "Two more bikes from the rental pool." },
    });
  });

  it("records nothing for a refused change", async () => {
    const count = (await okr.audit(owner, objective.id)).length;
    const current = await okr.getObjective(owner, objective.id);
    const reply = await h.request("PATCH", `${okr.base}/objectives/${objective.id}`, {
      as: lead.client,
      body: { version: current.version - 1, title: "Stale" },
    });
    expectError(reply, 409, "version_conflict");
    expect(await okr.audit(owner, objective.id)).toHaveLength(count);
  });
});

/**
 * A lead's "team check-ins": every KR of the team's running Objectives with whether its
 * weekly check-in is due or overdue, and the overdue list. Only the team's lead, the
 * leads above it and admins may read them.
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
let admin: Member;
/** Leads Operations, above Hub Rotterdam. */
let divisionLead: Member;
/** Leads Hub Rotterdam. */
let hubLead: Member;
/** Leads Customs Desk, a sibling of the hub. */
let otherLead: Member;
/** Member of the hub; owns its KRs. */
let emma: Member;
let sem: Member;
let viewer: Member;
let hub: Json;
let today: string;
let onTime: Json;
let tracking: Json;
let damage: Json;

beforeAll(async () => {
  h = await startHarness();
  today = pinToNoon(h);
  ({ owner, org } = await h.createOwnerWithOrg({
    person: { name: "Lotte Visser" },
    org: { name: "Botlek Freight" },
  }));
  okr = okrApi(h, org);
  admin = await h.addPerson(owner, org, "admin", { name: "Daan Bakker" });
  divisionLead = await h.addPerson(owner, org, "member", { name: "Fenna Bos" });
  hubLead = await h.addPerson(owner, org, "member", { name: "Milan Jansen" });
  otherLead = await h.addPerson(owner, org, "member", { name: "Noor Peters" });
  emma = await h.addPerson(owner, org, "member", { name: "Emma Smit" });
  sem = await h.addPerson(owner, org, "member", { name: "Sem de Jong" });
  viewer = await h.addPerson(owner, org, "viewer", { name: "Julia Meijer" });
  const division = await h.ok("POST", `${okr.base}/teams`, {
    as: owner,
    body: buildTeam({ name: "Operations", kind: "division", leadUserId: divisionLead.id }),
  });
  hub = await h.ok("POST", `${okr.base}/teams`, {
    as: owner,
    body: buildTeam({ name: "Hub Rotterdam", parentId: division.id, leadUserId: hubLead.id }),
  });
  await h.ok("POST", `${okr.base}/teams`, {
    as: owner,
    body: buildTeam({ name: "Customs Desk", parentId: division.id, leadUserId: otherLead.id }),
  });
  for (const p of [emma, sem])
    await h.ok("POST", `${okr.base}/teams/${hub.id}/members`, { as: owner, body: { userId: p.id } });

  // Activated 20 days ago, in a quarter 30 days in.
  const cycle = await okr.createCycle(owner, {
    name: "Winter quarter",
    ...cycleAround(today, { elapsedDays: 30 }),
  });
  h.clock.advance(-20 * DAY);
  const draft = await okr.createObjective(
    hubLead.client,
    buildObjective({
      cycleId: cycle.id,
      teamId: hub.id,
      ownerUserId: hubLead.id,
      title: "Make Hub Rotterdam the hub customers trust",
      keyResults: [
        buildMetricKeyResult({ title: "On-time deliveries", ownerUserId: emma.id }),
        buildMilestoneKeyResult({ title: "Live tracking page", ownerUserId: sem.id }),
        buildMetricKeyResult({
          title: "Damage claims",
          startValue: 40,
          targetValue: 20,
          ownerUserId: emma.id,
        }),
      ],
    }),
  );
  [onTime, tracking, damage] = (await okr.activate(hubLead.client, draft.id)).keyResults;
  // Checked in 12 days ago (overdue), 3 days ago (due or not, by the week) and never.
  h.clock.advance(8 * DAY);
  await okr.checkIn(emma.client, onTime.id, { value: 85, confidence: 6 });
  h.clock.set(`${today}T11:00:00Z`);
  await okr.checkIn(sem.client, tracking.id, { done: false, confidence: 7 });
  // A draft's KRs are not followed.
  await okr.createObjective(
    hubLead.client,
    buildObjective({
      cycleId: cycle.id,
      teamId: hub.id,
      title: "Still a draft",
      keyResults: [buildMilestoneKeyResult()],
    }),
  );
});
afterAll(() => h?.close());

const list = (as: SessionClient, path = "check-ins") =>
  h.request("GET", `${okr.base}/teams/${hub.id}/${path}`, { as });

describe("team check-ins", () => {
  it("lists every KR of the running Objectives, overdue first, with the last check-in", async () => {
    const { items } = (await list(hubLead.client)).body;
    expect(
      items.map((i: Json) => [
        i.keyResult.title,
        i.keyResult.ownerName,
        i.overdue,
        i.due,
        i.daysSinceLastCheckIn,
      ]),
    ).toEqual([
      // Never checked in since activation 20 days ago: the longest silence.
      ["Damage claims", "Emma Smit", true, true, null],
      ["On-time deliveries", "Emma Smit", true, true, 12],
      ["Live tracking page", "Sem de Jong", false, false, 0],
    ]);
    expect(items[1].lastCheckInAt).not.toBeNull();
    expect(items[2].keyResult).toMatchObject({ status: "on_track", lastConfidence: 7 });
  });

  it("the overdue list holds the overdue ones only", async () => {
    const { items } = (await list(hubLead.client, "overdue-check-ins")).body;
    expect(items.map((i: Json) => i.keyResult.id)).toEqual([damage.id, onTime.id]);
  });

  it("is for the team's lead, the leads above it and admins; everyone else gets 403", async () => {
    for (const who of [hubLead.client, divisionLead.client, admin.client, owner]) {
      for (const path of ["check-ins", "overdue-check-ins"]) {
        expect((await list(who, path)).status).toBe(200);
      }
    }
    for (const who of [viewer, emma, otherLead]) {
      for (const path of ["check-ins", "overdue-check-ins"]) {
        const reply = await list(who.client, path);
        expectError(reply, 403, "forbidden");
        expect(reply.body.error.message).toBe(
          "Only the team's lead, the leads of the teams above it and admins can follow its check-ins.",
        );
      }
    }
  });
});

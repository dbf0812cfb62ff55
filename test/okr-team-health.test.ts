/**
 * A team's OKR health on its page: its Objectives per status in a cycle and the one word of
 * docs/okr-status.md ("Team health"), with drafts and archived Objectives left out.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildObjective, buildPercentageKeyResult, buildTeam, cycleAround } from "./support/factories.ts";
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
let viewer: Member;
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
  viewer = await h.addPerson(owner, org, "viewer", { name: "Sanne de Boer" });
  cycle = await okr.createCycle(owner, { name: "Autumn quarter", ...cycleAround(today) });
});
afterAll(() => h?.close());

async function newTeam(name: string): Promise<Json> {
  return h.ok("POST", `${okr.base}/teams`, { as: owner, body: buildTeam({ name, leadUserId: lead.id }) });
}

/**
 * An Objective of the team with one percentage KR checked in at 50 % half-way through the
 * cycle (on pace), so its status comes from `confidence`: ≥ 6 on track, 4–5 at risk, ≤ 3 off
 * track. Null: left a draft.
 */
async function objectiveAt(team: Json, title: string, confidence: number | null): Promise<Json> {
  const draft = await okr.createObjective(
    lead.client,
    buildObjective({
      cycleId: cycle.id,
      teamId: team.id,
      ownerUserId: lead.id,
      title,
      keyResults: [buildPercentageKeyResult({ ownerUserId: lead.id })],
    }),
  );
  if (confidence === null) return draft;
  const active = await okr.activate(lead.client, draft.id);
  await okr.checkIn(lead.client, active.keyResults[0].id, { value: 50, confidence, note: "" });
  return active;
}

const healthOf = (team: Json, as: SessionClient = owner) =>
  h.ok("GET", `${okr.base}/teams/${team.id}/okr-health?cycleId=${cycle.id}`, { as });

describe("a team's OKR health", () => {
  it("counts the team's Objectives per status and leans to the worse word on a tie", async () => {
    const team = await newTeam("Hub Tilburg");
    await objectiveAt(team, "Make every Tilburg departure leave on the minute", 8);
    await objectiveAt(team, "Turn Tilburg into the quietest hub to work at", 2);
    const health = await healthOf(team);
    expect(health).toEqual({
      teamId: team.id,
      cycleId: cycle.id,
      overall: "off_track",
      total: 2,
      counts: { not_started: 0, on_track: 1, at_risk: 0, off_track: 1, stale: 0 },
    });
    // The same answer for a viewer: statuses count in roll-ups whoever reads them.
    expect(await healthOf(team, viewer.client)).toEqual(health);
  });

  it("says at risk when half are at risk or off track, on track when fewer, and leaves drafts out", async () => {
    const team = await newTeam("Hub Venlo");
    await objectiveAt(team, "Sort every Venlo parcel by the first wave", 7);
    await objectiveAt(team, "Make Venlo the hub partners ask to visit", 7);
    await objectiveAt(team, "Give every Venlo shift a trained sorter lead", 5);
    await objectiveAt(team, "Bring Venlo damage to the network's best", 3);
    const draft = await objectiveAt(team, "A Venlo idea still being written", null);
    expect((await healthOf(team)).overall).toBe("at_risk");
    expect((await healthOf(team)).total).toBe(4);

    const late = await objectiveAt(team, "Open the second Venlo dock before peak", 8);
    const health = await healthOf(team);
    expect(health.overall).toBe("on_track");
    expect(health.counts).toEqual({ not_started: 0, on_track: 3, at_risk: 1, off_track: 1, stale: 0 });
    expect(late.state).toBe("active");
    expect(draft.state).toBe("draft");
  });

  it("has no word for a team without Objectives in the cycle", async () => {
    const team = await newTeam("Hub Breda");
    expect(await healthOf(team)).toEqual({
      teamId: team.id,
      cycleId: cycle.id,
      overall: null,
      total: 0,
      counts: { not_started: 0, on_track: 0, at_risk: 0, off_track: 0, stale: 0 },
    });
  });

  it("answers 404 for a cycle or team that is not the organisation's, 400 without a cycle", async () => {
    const team = await newTeam("Hub Zwolle");
    const { owner: other, org: otherOrg } = await h.createOwnerWithOrg();
    const foreign = await okrApi(h, otherOrg).createCycle(other, {
      name: "Their quarter",
      ...cycleAround(today),
    });
    expectError(
      await h.request("GET", `${okr.base}/teams/${team.id}/okr-health?cycleId=${foreign.id}`, { as: owner }),
      404,
      "not_found",
    );
    expectError(
      await h.request("GET", `${okr.base}/teams/${team.id}/okr-health`, { as: owner }),
      400,
      "validation_failed",
      "cycleId",
    );
  });
});

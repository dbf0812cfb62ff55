/**
 * Risk flags through the API: raised in the check-in's transaction when confidence falls
 * twice in a row and a note of the last two shows a blocker; not raised without both;
 * cleared when confidence recovers; resolved with a note by the owner's manager (without
 * one, the team lead) or an admin; quotes follow the Objective's visibility.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMetricKeyResult, buildObjective, buildTeam, cycleAround } from "./support/factories.ts";
import {
  expectError,
  type Harness,
  HOUR,
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
/** Leads the Inbound squad. */
let lead: Member;
/** Emma's manager, outside the squad. */
let manager: Member;
/** Works in the squad, owns the KRs, reports to the manager. */
let emma: Member;
/** Works in the squad, has no manager. */
let noor: Member;
/** Another team's member. */
let outsider: Member;
let viewer: Member;
let otherOrgOwner: SessionClient;
let otherOrg: OrgRef;
let squad: Json;
let cycle: Json;

const WAITING = "We are still waiting on the platform team for the scanner API.";

beforeAll(async () => {
  h = await startHarness();
  const today = pinToNoon(h);
  ({ owner, org } = await h.createOwnerWithOrg({
    person: { name: "Marta Nowak" },
    org: { name: "Vistula Logistics" },
  }));
  okr = okrApi(h, org);
  admin = await h.addPerson(owner, org, "admin", { name: "Piotr Zielinski" });
  lead = await h.addPerson(owner, org, "member", { name: "Anna Kowalska" });
  manager = await h.addPerson(owner, org, "member", { name: "Tomasz Wojcik" });
  emma = await h.addPerson(owner, org, "member", { name: "Ewa Lewandowska" });
  noor = await h.addPerson(owner, org, "member", { name: "Noor Haddad" });
  outsider = await h.addPerson(owner, org, "member", { name: "Jan Kaminski" });
  viewer = await h.addPerson(owner, org, "viewer", { name: "Zofia Dabrowska" });
  const person = await h.ok("GET", `${okr.base}/people/${emma.id}`, { as: owner });
  await h.ok("PATCH", `${okr.base}/people/${emma.id}`, {
    as: owner,
    body: { version: person.version, managerUserId: manager.id },
  });
  squad = await h.ok("POST", `${okr.base}/teams`, {
    as: owner,
    body: buildTeam({ name: "Inbound squad", leadUserId: lead.id }),
  });
  for (const p of [emma, noor]) {
    await h.ok("POST", `${okr.base}/teams/${squad.id}/members`, { as: owner, body: { userId: p.id } });
  }
  cycle = await okr.createCycle(owner, { name: "Q1 inbound", ...cycleAround(today) });
  ({ owner: otherOrgOwner, org: otherOrg } = await h.createOwnerWithOrg({
    person: { name: "Karel Novak" },
    org: { name: "Vltava Freight" },
  }));
});
afterAll(() => h?.close());

/** A fresh active KR of the squad owned by `by`, in an Objective of the given visibility. */
async function newKeyResult(by: Member = emma, visibility: "organization" | "team" = "organization") {
  const draft = await okr.createObjective(
    lead.client,
    buildObjective({
      cycleId: cycle.id,
      teamId: squad.id,
      ownerUserId: lead.id,
      visibility,
      title: `Unload every truck within two hours (${Math.random().toString(36).slice(2, 7)})`,
      keyResults: [
        buildMetricKeyResult({
          ownerUserId: by.id,
          title: "Trucks unloaded within 2 h from 60 % to 90 %",
          startValue: 60,
          targetValue: 90,
        }),
      ],
    }),
  );
  const objective = await okr.activate(lead.client, draft.id);
  return { objective, kr: objective.keyResults[0] };
}

/** Check-ins an hour apart, each with its confidence and note. */
async function checkIns(kr: Json, by: Member, steps: Array<[number, string]>) {
  const made = [];
  for (const [confidence, note] of steps) {
    h.clock.advance(HOUR);
    made.push(await okr.checkIn(by.client, kr.id, { value: 65, confidence, note }));
  }
  return made;
}

const flagOf = async (as: SessionClient, objectiveId: string) =>
  (await okr.getObjective(as, objectiveId)).keyResults[0].flag;
const teamFlags = async (as: SessionClient) =>
  (await h.ok("GET", `${okr.base}/teams/${squad.id}/flags`, { as })).items as Json[];
const resolve = (as: SessionClient, krId: string, body: unknown, slug = org.slug) =>
  h.request("POST", `/api/orgs/${slug}/key-results/${krId}/flag/resolve`, { as, body });

describe("raising a flag", () => {
  it("flags 7 → 5 → 3 with a blocker in the notes, quoting the sentence, on the KR and the team", async () => {
    const { objective, kr } = await newKeyResult();
    const [, , third] = await checkIns(kr, emma, [
      [7, "Good start, the new shift pattern works."],
      [5, "Slower week than the last."],
      [3, `Dock doors are fine. ${WAITING}`],
    ]);
    const flag = await flagOf(emma.client, objective.id);
    expect(flag).toMatchObject({
      status: "open",
      quote: WAITING,
      cue: "waiting",
      confidenceBefore: 7,
      confidenceNow: 3,
      raisedByCheckInId: third.id,
      quoteCheckInId: third.id,
      closedAt: null,
      can: { resolve: false },
    });
    expect((await flagOf(manager.client, objective.id)).can.resolve).toBe(true);
    const listed = (await teamFlags(lead.client)).find((i) => i.keyResult.id === kr.id);
    expect(listed).toMatchObject({
      flag: { quote: WAITING },
      keyResult: { ownerName: "Ewa Lewandowska", lastConfidence: 3 },
      objective: { id: objective.id, teamName: "Inbound squad", restricted: false },
    });
    const [event] = await okr.audit(owner, flag.id, "key_result_flag.raised");
    expect(event.after).toMatchObject({ quote: WAITING, status: "open" });
  });

  it("quotes the earlier of the last two notes when only it shows a blocker", async () => {
    const { objective, kr } = await newKeyResult();
    const [, second] = await checkIns(kr, emma, [
      [8, "On track."],
      [6, "Blocked by the landlord's permit for the second dock."],
      [4, "Quiet week."],
    ]);
    expect(await flagOf(emma.client, objective.id)).toMatchObject({
      quoteCheckInId: second.id,
      cue: "blocked",
      confidenceBefore: 8,
    });
  });

  it("does not flag a flat step, falls without blockers, or a negated blocker", async () => {
    for (const steps of [
      [
        [7, "Fine."],
        [5, WAITING],
        [5, WAITING],
      ],
      [
        [7, "Fine."],
        [5, "Fewer trucks arrived than planned."],
        [3, "Fewer trucks than planned this week."],
      ],
      [
        [7, "Fine."],
        [5, "No blockers this week."],
        [3, "The vendor issue is resolved, nothing is waiting on anyone."],
      ],
    ] as Array<Array<[number, string]>>) {
      const { objective, kr } = await newKeyResult();
      await checkIns(kr, emma, steps);
      expect(await flagOf(emma.client, objective.id)).toBeNull();
      expect((await teamFlags(lead.client)).some((i) => i.keyResult.id === kr.id)).toBe(false);
    }
  });

  it("counts an edited check-in as its latest version: adding the blocker to the note raises the flag", async () => {
    const { objective, kr } = await newKeyResult();
    const [, , third] = await checkIns(kr, emma, [
      [7, "Fine."],
      [5, "Fewer trucks arrived than planned."],
      [3, "Slow week."],
    ]);
    expect(await flagOf(emma.client, objective.id)).toBeNull();
    const edited = await h.ok("PATCH", `${okr.base}/check-ins/${third.id}`, {
      as: emma.client,
      body: { note: `Slow week. ${WAITING}` },
    });
    expect(await flagOf(emma.client, objective.id)).toMatchObject({
      quote: WAITING,
      raisedByCheckInId: edited.id,
    });
  });
});

describe("clearing a flag", () => {
  it("follows a correction of the check-in that raised it: a corrected fall clears it", async () => {
    const { objective, kr } = await newKeyResult();
    const [, , third] = await checkIns(kr, emma, [
      [7, "Fine."],
      [5, WAITING],
      [3, WAITING],
    ]);
    const raised = await flagOf(emma.client, objective.id);
    // A typo in the confidence: it was 6, not 3, so 7 → 5 → 6 no longer falls twice.
    await h.ok("PATCH", `${okr.base}/check-ins/${third.id}`, { as: emma.client, body: { confidence: 6 } });
    expect(await flagOf(emma.client, objective.id)).toBeNull();
    const [event] = await okr.audit(owner, raised.id, "key_result_flag.recovered");
    expect(event.after).toMatchObject({ status: "recovered", confidenceNow: 6 });
  });

  it("stays open below the level before the falls and recovers at it", async () => {
    const { objective, kr } = await newKeyResult();
    await checkIns(kr, emma, [
      [7, "Fine."],
      [5, WAITING],
      [3, WAITING],
    ]);
    const raised = await flagOf(emma.client, objective.id);
    await checkIns(kr, emma, [[6, "The platform team replied, integration starts Monday."]]);
    expect((await flagOf(emma.client, objective.id)).id).toBe(raised.id);
    await checkIns(kr, emma, [[7, "Scanner API live."]]);
    expect(await flagOf(emma.client, objective.id)).toBeNull();
    const [event] = await okr.audit(owner, raised.id, "key_result_flag.recovered");
    expect(event.after).toMatchObject({ status: "recovered", confidenceNow: 7 });
    expect((await teamFlags(lead.client)).some((i) => i.flag.id === raised.id)).toBe(false);
  });
});

describe("resolving a flag", () => {
  async function flagged(by: Member = emma, visibility: "organization" | "team" = "organization") {
    const made = await newKeyResult(by, visibility);
    const written = await checkIns(made.kr, by, [
      [7, "Fine."],
      [5, "Slower."],
      [3, WAITING],
    ]);
    return { ...made, written };
  }

  it("lets the owner's manager resolve it with a note, audited, and not the team lead, others or viewers", async () => {
    const { objective, kr, written } = await flagged();
    for (const who of [lead, outsider, emma]) {
      expectError(
        await resolve(who.client, kr.id, { note: "Spoke to the platform team." }),
        403,
        "forbidden",
      );
    }
    expectError(
      await resolve(viewer.client, kr.id, { note: "Spoke to the platform team." }),
      403,
      "forbidden",
    );
    expectError(await resolve(manager.client, kr.id, { note: "  " }), 400, "validation_failed", "note");
    expectError(await resolve(manager.client, kr.id, {}), 400, "validation_failed", "note");
    expect((await flagOf(emma.client, objective.id)).status).toBe("open");

    const reply = await resolve(manager.client, kr.id, {
      note: "Agreed a date with the platform team's lead.",
    });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({
      status: "resolved",
      resolvedByUserId: manager.id,
      resolvedByName: "Tomasz Wojcik",
      resolutionNote: "Agreed a date with the platform team's lead.",
      can: { resolve: false },
    });
    expect(await flagOf(emma.client, objective.id)).toBeNull();
    const [event] = await okr.audit(owner, reply.body.id, "key_result_flag.resolved");
    expect(event).toMatchObject({ reason: "Agreed a date with the platform team's lead." });
    expect(event.before.status).toBe("open");

    // Nothing open any more; and the same run of falls does not raise it again on an edit.
    expectError(await resolve(manager.client, kr.id, { note: "Again." }), 404, "not_found");
    await h.ok("PATCH", `${okr.base}/check-ins/${written[2]!.id}`, {
      as: emma.client,
      body: { note: `${WAITING} Escalated to their lead.` },
    });
    expect(await flagOf(emma.client, objective.id)).toBeNull();
  });

  it("lets the team lead resolve when the owner has no manager, and admins always", async () => {
    const first = await flagged(noor);
    expectError(await resolve(manager.client, first.kr.id, { note: "Not mine." }), 403, "forbidden");
    expect((await resolve(lead.client, first.kr.id, { note: "Moved the work to next sprint." })).status).toBe(
      200,
    );
    const second = await flagged(noor);
    expect((await resolve(admin.client, second.kr.id, { note: "Handled in the ops review." })).status).toBe(
      200,
    );
  });

  it("answers 404 for another organisation's Key Result", async () => {
    const { kr } = await flagged();
    expectError(await resolve(otherOrgOwner, kr.id, { note: "Hello." }), 404, "not_found");
    expectError(await resolve(otherOrgOwner, kr.id, { note: "Hello." }, otherOrg.slug), 404, "not_found");
    expectError(
      await h.request("GET", `/api/orgs/${otherOrg.slug}/teams/${squad.id}/flags`, { as: otherOrgOwner }),
      404,
      "not_found",
    );
  });
});

describe("who sees the quote", () => {
  it("keeps a team-visible Objective's sentences from people outside the team", async () => {
    const { objective, kr } = await newKeyResult(emma, "team");
    await checkIns(kr, emma, [
      [7, "Fine."],
      [5, "Slower."],
      [3, "Waiting on finance to approve the overtime budget for the night shift."],
    ]);
    expect((await flagOf(lead.client, objective.id)).quote).toContain("overtime budget");
    expect((await flagOf(admin.client, objective.id)).quote).toContain("overtime budget");

    for (const reader of [outsider, viewer, manager]) {
      const objectiveSeen = await okr.getObjective(reader.client, objective.id);
      expect(objectiveSeen.restricted).toBe(true);
      expect(objectiveSeen.keyResults[0].flag).toMatchObject({
        status: "open",
        quote: null,
        confidenceNow: 3,
      });
      const listed = (await teamFlags(reader.client)).find((i) => i.keyResult.id === kr.id);
      expect(listed).toMatchObject({ flag: { quote: null }, objective: { restricted: true } });
      const seen = JSON.stringify({ objectiveSeen, listed });
      expect(seen).not.toContain("overtime");
    }
    // The manager may resolve even where they may not read the sentence; the answer keeps it from them.
    const reply = await resolve(manager.client, kr.id, { note: "Budget approved in the leads meeting." });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.quote).toBeNull();
    expect(reply.body.resolutionNote).toBeNull();
  });
});

/**
 * Confidence calibration through the API: a quarter in which Ruben checked in on five KRs
 * at confidence 9 and delivered one is graded and closed; his calibration reads
 * overconfident. He, his manager and admins may read it; a colleague may not (403); his
 * team's calibration is for its lead and admins; another organisation gets 404.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMetricKeyResult, buildObjective, buildTeam, cycleAround } from "./support/factories.ts";
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
let ruben: Member;
let lead: Member;
let colleague: Member;
let hub: Json;

const personPath = (userId: string) => `${okr.base}/people/${userId}/confidence-calibration`;
const teamPath = (teamId: string) => `${okr.base}/teams/${teamId}/confidence-calibration`;

beforeAll(async () => {
  h = await startHarness();
  const today = pinToNoon(h);
  ({ owner, org } = await h.createOwnerWithOrg({
    person: { name: "Sanne Bakker" },
    org: { name: "Delta Parcel" },
  }));
  okr = okrApi(h, org);
  ruben = await h.addPerson(owner, org, "member", { name: "Ruben de Wit" });
  lead = await h.addPerson(owner, org, "member", { name: "Fleur Hendriks" });
  colleague = await h.addPerson(owner, org, "member", { name: "Daan Visser" });
  hub = await h.ok("POST", `${okr.base}/teams`, {
    as: owner,
    body: buildTeam({ name: "Hub Breda", leadUserId: lead.id }),
  });
  const person = await h.ok("GET", `${okr.base}/people/${ruben.id}`, { as: owner });
  await h.ok("PATCH", `${okr.base}/people/${ruben.id}`, {
    as: owner,
    body: { version: person.version, managerUserId: lead.id },
  });

  // The quarter: five KRs from 0 to 10; Ruben says 9 of 10 on each and ends at these values.
  const cycle = await okr.createCycle(owner, { name: "Spring quarter", ...cycleAround(today) });
  const ends = [9, 3, 2, 4, 3];
  const draft = await okr.createObjective(
    owner,
    buildObjective({
      cycleId: cycle.id,
      teamId: hub.id,
      ownerUserId: ruben.id,
      keyResults: ends.map((_, i) =>
        buildMetricKeyResult({
          title: `Lanes automated at site ${i + 1}`,
          startValue: 0,
          targetValue: 10,
          ownerUserId: ruben.id,
        }),
      ),
    }),
  );
  await okr.activate(owner, draft.id);
  const objective = await okr.getObjective(owner, draft.id);
  for (const [i, kr] of objective.keyResults.entries()) {
    await okr.checkIn(ruben.client, kr.id, { value: ends[i], confidence: 9, note: "" });
  }
  await okr.moveCycle(owner, cycle.id, "grading");
  for (const [i, kr] of objective.keyResults.entries()) {
    const current = await okr.keyResult(owner, objective.id, kr.id);
    await h.ok("PUT", `${okr.base}/key-results/${kr.id}/score`, {
      as: ruben.client,
      body: { version: current.version, finalScore: ends[i]! / 10 },
    });
  }
  const graded = await okr.getObjective(owner, objective.id);
  await h.ok("PUT", `${okr.base}/objectives/${objective.id}/grade`, {
    as: owner,
    body: { version: graded.version, outcome: "missed" },
  });
  await okr.moveCycle(owner, cycle.id, "closed");
});
afterAll(() => h?.close());

describe("a person's confidence calibration", () => {
  it("reads a closed quarter of confidence 9 and one KR delivered as overconfident", async () => {
    const c = await h.ok("GET", personPath(ruben.id), { as: ruben.client });
    expect(c).toMatchObject({
      keyResults: 5,
      meanConfidence: 9,
      delivered: 0.2,
      reading: "overconfident",
      bands: [
        { from: 0, to: 3, keyResults: 0, delivered: null },
        { from: 4, to: 6, keyResults: 0, delivered: null },
        { from: 7, to: 10, keyResults: 5, delivered: 0.2 },
      ],
    });
    expect(c.brierScore).toBeCloseTo((0.01 + 4 * 0.81) / 5, 2);
    expect(c.summary).toContain("20 % were delivered");
  });

  it("is shown to the person's manager and to admins, not to a colleague", async () => {
    expect((await h.ok("GET", personPath(ruben.id), { as: lead.client })).keyResults).toBe(5);
    expect((await h.ok("GET", personPath(ruben.id), { as: owner })).keyResults).toBe(5);
    expectError(await h.request("GET", personPath(ruben.id), { as: colleague.client }), 403, "forbidden");
  });

  it("says there is too little to read for someone without graded KRs", async () => {
    const c = await h.ok("GET", personPath(colleague.id), { as: colleague.client });
    expect(c).toMatchObject({ keyResults: 0, reading: "too_few", meanConfidence: null });
  });

  it("is 404 for someone outside the organisation and from another organisation", async () => {
    const other = await h.createOwnerWithOrg({ org: { name: "Elsewhere Logistics" } });
    expectError(
      await h.request("GET", `/api/orgs/${other.org.slug}/people/${ruben.id}/confidence-calibration`, {
        as: other.owner,
      }),
      404,
      "not_found",
    );
    expectError(await h.request("GET", personPath(crypto.randomUUID()), { as: owner }), 404, "not_found");
  });
});

describe("a team's confidence calibration", () => {
  it("counts the team's own Objectives, for its lead and admins", async () => {
    expect(await h.ok("GET", teamPath(hub.id), { as: lead.client })).toMatchObject({
      keyResults: 5,
      reading: "overconfident",
    });
    expect((await h.ok("GET", teamPath(hub.id), { as: owner })).keyResults).toBe(5);
    expectError(await h.request("GET", teamPath(hub.id), { as: ruben.client }), 403, "forbidden");
    expectError(await h.request("GET", teamPath(crypto.randomUUID()), { as: owner }), 404, "not_found");
  });
});

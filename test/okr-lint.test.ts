/**
 * The OKR linter through the API: a draft linted by any member (viewers too), with the
 * rules that read the world (the KPI's usual range, last cycle's KRs, the parent's KRs,
 * the team's floor); another organisation's ids teach nothing; bad input is refused with
 * its field; saved Objectives carry their findings, which can be dismissed with a reason
 * and reopened (both audited); activating an Objective or a cycle with open warnings asks
 * for an acknowledgement (audited). The organisation: support/kpi-team.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../src/domain/dates.ts";
import { buildTeam, cycleAround } from "./support/factories.ts";
import { expectError, type Harness, type Json, type Member, type SessionClient } from "./support/harness.ts";
import { type KpiTeam, startKpiTeam } from "./support/kpi-team.ts";
import { okrApi } from "./support/okr-api.ts";

let world: KpiTeam;
let h: Harness;
let okr: ReturnType<typeof okrApi>;
let owner: SessionClient;
let base: string;
let lead: Member, viewer: Member, outsider: Member;
let hub: Json, nightShift: Json, onTime: Json, lastQuarter: Json, quarter: Json;
let other: { owner: SessionClient; base: string; kpi: Json; cycle: Json; objective: Json };

const findings = async (body: Record<string, unknown>, as: SessionClient = viewer.client) =>
  (await h.ok("POST", `${base}/lint`, { as, body })).findings as Json[];
const rulesOf = (list: Json[]) => list.map((f) => `${f.rule}@${f.on}`);

beforeAll(async () => {
  world = await startKpiTeam();
  ({ h, owner, base, lead, viewer, outsider, hub } = world);
  okr = okrApi(h, world.org);
  nightShift = await h.ok("POST", `${base}/teams`, {
    as: owner,
    body: buildTeam({ name: "Hamburg Night Shift", parentId: hub.id, leadUserId: lead.id }),
  });
  // Twelve weeks of on-time delivery between 91 % and 95 %: P10 ≈ 91.1, P90 ≈ 94.9.
  onTime = await world.createKpi(world.kpiBody());
  const values = [91, 92, 93, 94, 95, 93, 92, 94, 93, 91, 95, 92];
  for (const [i, value] of values.entries()) {
    await world.enter(onTime.id, { date: addDays(world.today, -7 * (12 - i)), value }, owner);
  }
  const now = cycleAround(world.today, { elapsedDays: 10 });
  lastQuarter = await okr.createCycle(
    owner,
    { name: "Last quarter", startsOn: addDays(now.startsOn, -91), endsOn: addDays(now.startsOn, -1) },
    "planning",
  );
  quarter = await okr.createCycle(owner, { name: "This quarter", ...now }, "planning");
  await okr.createObjective(lead.client, {
    cycleId: lastQuarter.id,
    teamId: hub.id,
    ownerUserId: lead.id,
    title: "Become the hub customers set their watch by",
    keyResults: [
      { title: "Cut late pick-ups at the Altona depot", kind: "metric", startValue: 40, targetValue: 10 },
    ],
  });

  const elsewhere = await h.createOwnerWithOrg({
    person: { name: "Mara Olsen" },
    org: { name: "Fjord Parcel" },
  });
  const otherBase = `/api/orgs/${elsewhere.org.slug}`;
  const otherOkr = okrApi(h, elsewhere.org);
  const otherTeam = await h.ok("POST", `${otherBase}/teams`, {
    as: elsewhere.owner,
    body: buildTeam({ name: "Bergen" }),
  });
  const otherKpi = await h.ok(
    "POST",
    `${otherBase}/kpis`,
    {
      as: elsewhere.owner,
      body: { ...world.kpiBody({ teamId: otherTeam.id, ownerUserId: elsewhere.owner.userId }) },
    },
    201,
  );
  for (const [i, value] of values.entries()) {
    await h.ok(
      "POST",
      `${otherBase}/kpis/${otherKpi.id}/measurements`,
      { as: elsewhere.owner, body: { date: addDays(world.today, -7 * (12 - i)), value } },
      201,
    );
  }
  const otherCycle = await otherOkr.createCycle(
    elsewhere.owner,
    { name: "Their quarter", ...now },
    "planning",
  );
  const otherObjective = await otherOkr.createObjective(elsewhere.owner, {
    cycleId: otherCycle.id,
    teamId: otherTeam.id,
    title: "Win the fjord towns' trust",
    keyResults: [
      { title: "Parcels delivered next day in Bergen", kind: "metric", startValue: 60, targetValue: 90 },
    ],
  });
  other = {
    owner: elsewhere.owner,
    base: otherBase,
    kpi: otherKpi,
    cycle: otherCycle,
    objective: otherObjective,
  };
});

afterAll(() => world?.close());

describe("linting a draft", () => {
  it("lets a viewer lint and places a business-as-usual KR's finding with its fix", async () => {
    const found = await findings({
      title: "Make Hamburg's evening deliveries dependable",
      keyResults: [
        {
          title: "Keep on-time delivery at 97 %",
          kind: "metric",
          startValue: 97,
          targetValue: 97,
          unit: "%",
        },
      ],
    });
    const bau = found.find((f) => f.rule === "business-as-usual");
    expect(bau).toMatchObject({
      on: "keyResults.0",
      severity: "warning",
      fix: { kind: "move-to-kpi-board", unit: "%", target: 97 },
    });
    expect(bau?.message).toContain("KPI board");
  });

  it("reads the linked KPI's usual range and offers a target past it", async () => {
    const draft = (targetValue: number) => ({
      title: "Make Hamburg's evening deliveries dependable",
      keyResults: [
        { title: "On-time delivery rate", kind: "metric", kpiId: onTime.id, startValue: 92, targetValue },
      ],
    });
    const [inside] = (await findings(draft(94))).filter((f) => f.rule === "business-as-usual");
    expect(inside?.fix.kind).toBe("re-target");
    expect(inside?.fix.targetValue).toBeGreaterThan(94.9);
    const after = await findings(draft(inside?.fix.targetValue));
    expect(after.filter((f) => f.rule === "business-as-usual")).toEqual([]);
  });

  it("finds a KR recycled from last cycle, a missing floor, and too many KRs", async () => {
    const krs = Array.from({ length: 6 }, (_, i) => ({
      title:
        i === 0 ? "Cut late pick-ups at the Altona depot" : `Parcels scanned at gate ${i + 1}: 70 % → 95 %`,
      kind: "metric",
      startValue: i === 0 ? 12 : 70,
      targetValue: i === 0 ? 5 : 95,
      ownerUserId: lead.id,
    }));
    const found = await findings({
      cycleId: quarter.id,
      teamId: hub.id,
      title: "Make Hamburg's evening deliveries dependable",
      keyResults: krs,
    });
    expect(rulesOf(found)).toEqual(
      expect.arrayContaining(["too-many@objective", "no-floor@objective", "recycled@keyResults.0"]),
    );
    expect(found.find((f) => f.rule === "recycled")?.message).toContain("Last quarter");
    expect(found.find((f) => f.rule === "no-floor")?.fix).toEqual({
      kind: "add-floor",
      teamId: hub.id,
      cycleId: quarter.id,
    });
  });

  it("finds a child team's KR that mirrors its parent's, with a merge fix", async () => {
    const parent = await okr.createObjective(lead.client, {
      cycleId: quarter.id,
      teamId: hub.id,
      ownerUserId: lead.id,
      title: "Make Hamburg the most punctual hub in the north",
      keyResults: [
        {
          title: "Parcels delivered before 18:00 from 70 % to 90 %",
          kind: "metric",
          startValue: 70,
          targetValue: 90,
        },
      ],
    });
    const child = (targetValue: number) => ({
      cycleId: quarter.id,
      teamId: nightShift.id,
      title: "Get the night sort done before the first vans leave",
      parents: [{ objectiveId: parent.id, weight: 0.5 }],
      keyResults: [{ title: "Parcels delivered before 18:00", kind: "metric", startValue: 70, targetValue }],
    });
    const mirror = (await findings(child(90))).find((f) => f.rule === "cascaded-mirror");
    expect(mirror?.fix).toEqual({
      kind: "merge",
      objectiveId: parent.id,
      keyResultId: parent.keyResults[0].id,
    });
    expect((await findings(child(80))).some((f) => f.rule === "cascaded-mirror")).toBe(false);
  });

  it("refuses another organisation's ids with their fields, and says nothing of their data", async () => {
    const reply = await h.request("POST", `${base}/lint`, {
      as: viewer.client,
      body: {
        cycleId: other.cycle.id,
        title: "Make Hamburg's evening deliveries dependable",
        parents: [{ objectiveId: other.objective.id }],
        keyResults: [
          {
            title: "Parcels delivered next day in Bergen",
            kind: "metric",
            kpiId: other.kpi.id,
            startValue: 60,
            targetValue: 90,
          },
        ],
      },
    });
    expectError(reply, 400, "validation_failed", "cycleId");
    const fields = reply.body.error.details.issues.map((i: Json) => i.field);
    expect(fields).toEqual(["cycleId", "parents.0.objectiveId", "keyResults.0.kpiId"]);
    expect(reply.text.toLowerCase()).not.toContain("fjord");
  });

  it("answers a hundred KRs with absurd numbers, and refuses more with the field", async () => {
    const kr = (i: number) => ({
      title: `Metric ${i}`,
      kind: "metric",
      startValue: -9.99e14,
      targetValue: 9.99e14,
    });
    const hundred = await findings({
      title: "x".repeat(200),
      keyResults: Array.from({ length: 100 }, (_, i) => kr(i)),
    });
    expect(hundred.some((f) => f.rule === "too-many")).toBe(true);
    const tooMany = await h.request("POST", `${base}/lint`, {
      as: viewer.client,
      body: { keyResults: Array.from({ length: 101 }, (_, i) => kr(i)) },
    });
    expectError(tooMany, 400, "validation_failed", "keyResults");
    const huge = await h.request("POST", `${base}/lint`, {
      as: viewer.client,
      body: { keyResults: [{ title: "Revenue", targetValue: 1e300 }] },
    });
    expectError(huge, 400, "validation_failed", "keyResults.0.targetValue");
    const unknown = await h.request("POST", `${base}/lint`, {
      as: viewer.client,
      body: { title: "A", mood: "sunny" },
    });
    expect(unknown.status).toBe(400);
    const notAMember = await h.request("POST", `${other.base}/lint`, {
      as: viewer.client,
      body: { title: "A" },
    });
    expect(notAMember.status).toBe(404);
  });
});

describe("findings of saved Objectives", () => {
  let objective: Json;

  beforeAll(async () => {
    objective = await okr.createObjective(lead.client, {
      cycleId: quarter.id,
      teamId: nightShift.id,
      ownerUserId: lead.id,
      title: "Get every night-sorted parcel onto the right van",
      keyResults: [
        {
          title: "Keep sorting accuracy at 99 %",
          kind: "metric",
          startValue: 99,
          targetValue: 99,
          unit: "%",
          ownerUserId: lead.id,
        },
      ],
    });
  });

  it("lists them open, with the KR they are on", async () => {
    const saved = await h.ok("GET", `${base}/objectives/${objective.id}/findings`, { as: viewer.client });
    const bau = saved.findings.find((f: Json) => f.rule === "business-as-usual");
    expect(bau).toMatchObject({
      status: "open",
      keyResultId: objective.keyResults[0].id,
      on: "keyResults.0",
      dismissal: null,
    });
    expect(saved.canDismiss).toBe(false);
    const foreign = await h.request("GET", `${base}/objectives/${other.objective.id}/findings`, {
      as: owner,
    });
    expect(foreign.status).toBe(404);
  });

  it("dismisses with a reason and reopens, both audited; viewers and outsiders may not", async () => {
    const key = { rule: "business-as-usual", keyResultId: objective.keyResults[0].id };
    const path = `${base}/objectives/${objective.id}/findings`;
    expectError(
      await h.request("POST", `${path}/dismissals`, { as: lead.client, body: key }),
      400,
      "validation_failed",
      "reason",
    );
    expect(
      (
        await h.request("POST", `${path}/dismissals`, {
          as: viewer.client,
          body: { ...key, reason: "We know" },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await h.request("POST", `${path}/dismissals`, {
          as: outsider.client,
          body: { ...key, reason: "We know" },
        })
      ).status,
    ).toBe(403);
    expectError(
      await h.request("POST", `${path}/dismissals`, {
        as: lead.client,
        body: { rule: "recycled", keyResultId: key.keyResultId, reason: "n/a" },
      }),
      400,
      "validation_failed",
      "keyResultId",
    );
    const reason = "Accuracy slipped to 96 % in spring; holding 99 % is this cycle's real change";
    const dismissed = await h.ok("POST", `${path}/dismissals`, { as: lead.client, body: { ...key, reason } });
    expect(dismissed.findings.find((f: Json) => f.rule === "business-as-usual")).toMatchObject({
      status: "dismissed",
      dismissal: { reason, byUserId: lead.id },
    });
    expect(
      (await h.request("POST", `${path}/dismissals`, { as: lead.client, body: { ...key, reason } })).status,
    ).toBe(409);
    const check = await h.ok("GET", `${base}/health-check?cycleId=${quarter.id}&teamId=${nightShift.id}`, {
      as: viewer.client,
    });
    expect(check.objectives.map((o: Json) => o.objectiveId)).toEqual([objective.id]);
    expect(check.dismissed).toBe(1);
    const reopened = await h.ok("POST", `${path}/reopen`, {
      as: lead.client,
      body: { ...key, reason: "Spring is over" },
    });
    expect(reopened.findings.find((f: Json) => f.rule === "business-as-usual")?.status).toBe("open");
    expect((await h.request("POST", `${path}/reopen`, { as: lead.client, body: key })).status).toBe(404);
    const audit = await h.ok("GET", `${base}/audit?entityId=${objective.id}`, { as: owner });
    const actions = audit.items.map((e: Json) => [e.action, e.reason]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ["objective.finding_dismissed", reason],
        ["objective.finding_reopened", "Spring is over"],
      ]),
    );
  });

  it("health check of another organisation's cycle is 404", async () => {
    expect(
      (await h.request("GET", `${base}/health-check?cycleId=${other.cycle.id}`, { as: owner })).status,
    ).toBe(404);
    expect((await h.request("GET", `${base}/health-check?cycleId=nope`, { as: owner })).status).toBe(400);
  });

  it("activating with open warnings asks for an acknowledgement, which is audited", async () => {
    const generic = await okr.createObjective(lead.client, {
      cycleId: quarter.id,
      teamId: nightShift.id,
      ownerUserId: lead.id,
      title: "Increase customer satisfaction",
      keyResults: [
        {
          title: "Parcels on the wrong van: 120 → 30 a week",
          kind: "metric",
          startValue: 120,
          targetValue: 30,
          ownerUserId: lead.id,
        },
      ],
    });
    const objective = generic;
    const refused = await h.request("PATCH", `${base}/objectives/${objective.id}`, {
      as: lead.client,
      body: { version: objective.version, state: "active" },
    });
    expectError(refused, 409, "open_findings");
    expect(refused.body.error.details.findings.map((f: Json) => f.rule)).toContain("generic-objective");
    expect((await okr.getObjective(lead.client, objective.id)).state).toBe("draft");
    const activated = await h.ok("PATCH", `${base}/objectives/${objective.id}`, {
      as: lead.client,
      body: { version: objective.version, state: "active", acknowledgeFindings: true },
    });
    expect(activated.state).toBe("active");
    const audit = await h.ok(
      "GET",
      `${base}/audit?entityId=${objective.id}&action=objective.findings_acknowledged`,
      { as: owner },
    );
    expect(audit.items).toHaveLength(1);
  });

  it("starting a cycle with open warnings asks too", async () => {
    const cycle = await h.ok("GET", `${base}/cycles/${quarter.id}`, { as: owner });
    const refused = await h.request("PATCH", `${base}/cycles/${quarter.id}`, {
      as: owner,
      body: { version: cycle.version, state: "active" },
    });
    expectError(refused, 409, "open_findings");
    const started = await h.ok("PATCH", `${base}/cycles/${quarter.id}`, {
      as: owner,
      body: { version: cycle.version, state: "active", acknowledgeFindings: true },
    });
    expect(started.state).toBe("active");
    const audit = await h.ok(
      "GET",
      `${base}/audit?entityId=${quarter.id}&action=cycle.findings_acknowledged`,
      { as: owner },
    );
    expect(audit.items).toHaveLength(1);
  });
});

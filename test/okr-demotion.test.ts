/**
 * Turning a metric Key Result into a KPI: its check-ins become the KPI's values (the last
 * of each period), bands come from its target, direction and unit from its definition,
 * the team from its Objective (or the caller), and the KR is archived naming the KPI.
 * Refusals (a milestone, an archived KR, a KR that reads a KPI, a taken key, a team on
 * OKRs only, people who may not) change nothing. The organisation: support/kpi-team.ts.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../src/domain/dates.ts";
import {
  buildMetricKeyResult,
  buildMilestoneKeyResult,
  buildObjective,
  cycleAround,
  type KeyResultBody,
} from "./support/factories.ts";
import { expectError, type Harness, type Json, type SessionClient } from "./support/harness.ts";
import { type KpiTeam, NOW, startKpiTeam, weekly } from "./support/kpi-team.ts";
import { okrApi } from "./support/okr-api.ts";

let world: KpiTeam;
let h: Harness;
let owner: SessionClient;
let base: string;
let okr: ReturnType<typeof okrApi>;
let cycle: Json;
let opsOnly: Json;
const monday = weekly(NOW.slice(0, 10));

const demote = (krId: string, body: Record<string, unknown>, as: SessionClient = world.lead.client) =>
  h.request("POST", `${base}/key-results/${krId}/demote`, { as, body });
const onTimeBody = (overrides: Record<string, unknown> = {}) => ({
  key: "hub_on_time",
  name: "On-time deliveries",
  frequency: "weekly",
  unit: "percent",
  ...overrides,
});

async function objectiveWith(
  keyResults: KeyResultBody[],
  teamId: string | null = world.hub.id,
): Promise<Json> {
  h.clock.set(`${addDays(monday, -21)}T09:00:00Z`);
  const draft = await okr.createObjective(
    world.lead.client,
    buildObjective({
      cycleId: cycle.id,
      teamId,
      ownerUserId: world.lead.id,
      keyResults: keyResults.map((kr) => ({ ownerUserId: world.anna.id, ...kr })),
    }),
  );
  const active = await okr.activate(world.lead.client, draft.id);
  h.clock.set(NOW);
  return active;
}

async function checkInOn(krId: string, date: string, value: number) {
  h.clock.set(`${date}T11:00:00Z`);
  await okr.checkIn(world.anna.client, krId, { value, confidence: 7, note: "Steady week." });
  h.clock.set(NOW);
}

beforeAll(async () => {
  world = await startKpiTeam();
  ({ h, owner, base } = world);
  okr = okrApi(h, world.org);
  cycle = await okr.createCycle(owner, { name: "Winter quarter", ...cycleAround(world.today) });
  opsOnly = await h.ok("POST", `${base}/teams`, {
    as: owner,
    body: { name: "Strategy Office", kind: "department", methodology: "okr", leadUserId: world.lead.id },
  });
});
afterAll(() => world?.close());

describe("turning a Key Result into a KPI", () => {
  it("writes the last check-in of each week as a value, bands from the target, and archives the KR naming the KPI", async () => {
    const objective = await objectiveWith([buildMetricKeyResult()]);
    const kr = objective.keyResults[0];
    await checkInOn(kr.id, addDays(monday, -21), 86);
    await checkInOn(kr.id, addDays(monday, -19), 88);
    await checkInOn(kr.id, addDays(monday, -14), 89.5);
    await checkInOn(kr.id, addDays(monday, -5), 91);
    await checkInOn(kr.id, addDays(monday, 1), 92);

    const reply = await demote(kr.id, onTimeBody());
    expect(reply.status, reply.text).toBe(201);
    const { kpi } = reply.body;
    expect(reply.body).toMatchObject({
      keyResultId: kr.id,
      objectiveId: objective.id,
      checkIns: 5,
      measurements: 4,
    });
    expect(kpi).toMatchObject({
      key: "hub_on_time",
      teamId: world.hub.id,
      ownerUserId: world.anna.id,
      direction: "higher_is_better",
      unit: "percent",
      frequency: "weekly",
      aggregation: "last",
      bands: [{ effectiveFrom: addDays(monday, -21), target: 95, greenMin: 91.7, redMin: 88.4 }],
      current: { periodStart: monday, value: 92, status: "green" },
    });
    expect(kpi.description).toContain("unit: %");
    const values = (await h.ok("GET", `${base}/kpis/${kpi.id}/measurements`, { as: world.viewer.client }))
      .items;
    expect(values.map((v: Json) => [v.periodStart, v.value])).toEqual([
      [monday, 92],
      [addDays(monday, -7), 91],
      [addDays(monday, -14), 89.5],
      [addDays(monday, -21), 88],
    ]);

    const after = await okr.getObjective(owner, objective.id);
    const closed = after.keyResults.find((k: Json) => k.id === kr.id);
    expect(closed.archived).toBe(true);
    expect(closed.scoreComment).toContain("“On-time deliveries” (hub_on_time)");
    const demoted = await okr.audit(owner, kr.id, "key_result.demoted");
    expect(demoted).toHaveLength(1);
    expect(demoted[0].after.kpi).toEqual({ id: kpi.id, key: "hub_on_time", name: "On-time deliveries" });
    expect(await okr.audit(owner, kpi.id, "kpi.created")).toHaveLength(1);
  });

  it("takes a falling target as lower is better, and the bands the request gives", async () => {
    const objective = await objectiveWith([
      buildMetricKeyResult({
        title: "Damage claims from 4.8 to 3.0 per 1,000",
        startValue: 4.8,
        targetValue: 3,
        unit: "claims",
      }),
    ]);
    const kr = objective.keyResults[0];
    const plain = await demote(
      kr.id,
      onTimeBody({
        key: "damage_claims",
        name: "Damage claims",
        unit: "number",
        frequency: "monthly",
        bands: { greenMax: 3.3 },
      }),
    );
    expect(plain.status, plain.text).toBe(201);
    expect(plain.body).toMatchObject({ checkIns: 0, measurements: 0 });
    expect(plain.body.kpi).toMatchObject({
      direction: "lower_is_better",
      bands: [{ target: 3, greenMax: 3.3, redMax: 3.9, greenMin: null, redMin: null }],
    });
  });

  it("needs a team that runs KPIs: the Objective's, else one the caller picks", async () => {
    const objective = await objectiveWith(
      [buildMetricKeyResult({ title: "Board packs out by day 3" })],
      opsOnly.id,
    );
    const kr = objective.keyResults[0];
    const before = await world.fingerprint();
    const refused = await demote(kr.id, onTimeBody({ key: "board_packs" }), owner);
    await expectError(refused, 400, "validation_failed", "teamId");
    expect(refused.body.error.message).toContain("(Strategy Office) runs OKRs only");
    await expectError(
      await demote(kr.id, onTimeBody({ key: "board_packs", teamId: opsOnly.id }), owner),
      400,
      "validation_failed",
      "teamId",
    );
    expect(await world.fingerprint()).toEqual(before);
    const picked = await demote(kr.id, onTimeBody({ key: "board_packs", teamId: world.hub.id }), owner);
    expect(picked.status, picked.text).toBe(201);
    expect(picked.body.kpi.teamId).toBe(world.hub.id);
  });
});

describe("refusing a demotion", () => {
  let objective: Json;
  beforeAll(async () => {
    objective = await objectiveWith([
      buildMetricKeyResult({
        title: "Dock waiting time from 40 to 20 minutes",
        startValue: 40,
        targetValue: 20,
      }),
      buildMilestoneKeyResult(),
      buildMetricKeyResult({ title: "Pallets per hour from 30 to 36", startValue: 30, targetValue: 36 }),
    ]);
  });

  it("refuses a milestone, an archived KR, a KR that reads a KPI and a taken key, writing nothing", async () => {
    const [dock, milestone, pallets] = objective.keyResults;
    const before = await world.fingerprint();
    await expectError(await demote(milestone.id, onTimeBody({ key: "milestone_kpi" })), 409, "conflict");
    const taken = await demote(dock.id, onTimeBody({ key: "hub_on_time" }));
    await expectError(taken, 409, "already_exists", "key");
    expect(await world.fingerprint()).toEqual(before);

    await h.db.execute(
      sql`update key_results set kpi_id = ${(await h.ok("GET", `${base}/kpis?q=hub_on_time`, { as: owner })).items[0].id} where id = ${pallets.id}`,
    );
    const linked = await world.fingerprint();
    await expectError(await demote(pallets.id, onTimeBody({ key: "pallets" })), 409, "conflict");
    expect(await world.fingerprint()).toEqual(linked);

    await okr.updateKeyResult(world.lead.client, objective.id, dock.id, { archived: true });
    const archived = await world.fingerprint();
    await expectError(await demote(dock.id, onTimeBody({ key: "dock_waiting" })), 409, "conflict");
    expect(await world.fingerprint()).toEqual(archived);
  });

  it("is for those who may edit the Objective and define the team's KPIs", async () => {
    const fresh = await objectiveWith([
      buildMetricKeyResult({ title: "Scans per parcel from 5 to 7", startValue: 5, targetValue: 7 }),
    ]);
    const kr = fresh.keyResults[0];
    const before = await world.fingerprint();
    await expectError(
      await demote(kr.id, onTimeBody({ key: "scans" }), world.viewer.client),
      403,
      "forbidden",
    );
    await expectError(await demote(kr.id, onTimeBody({ key: "scans" }), world.anna.client), 403, "forbidden");
    await expectError(
      await demote(kr.id, onTimeBody({ key: "scans" }), world.outsider.client),
      403,
      "forbidden",
    );
    await expectError(
      await demote("00000000-0000-4000-8000-000000000000", onTimeBody({ key: "scans" })),
      404,
      "not_found",
    );
    const other = await h.createOwnerWithOrg({
      person: { name: "Mila Janssen" },
      org: { name: "Rijn Cargo" },
    });
    await expectError(
      await h.request("POST", `/api/orgs/${other.org.slug}/key-results/${kr.id}/demote`, {
        as: other.owner,
        body: onTimeBody({ key: "scans" }),
      }),
      404,
      "not_found",
    );
    expect(await world.fingerprint()).toEqual(before);
  });
});

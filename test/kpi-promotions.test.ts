/**
 * "Make it a Key Result": a red KPI promoted for one cycle into a new Objective drafted
 * from a problem statement (with a driver ticked as an extra KR), the refusals, the KR
 * moving with the KPI, expiry when the cycle closes, and the new baseline accepted (a
 * band series entry) or declined, by whoever may change the KPI's bands only.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../src/domain/dates.ts";
import { buildObjective, cycleAround } from "./support/factories.ts";
import { expectError, type Harness, type Json, type Member } from "./support/harness.ts";
import { type KpiTeam, startKpiTeam, weekly } from "./support/kpi-team.ts";
import { okrApi } from "./support/okr-api.ts";

let world: KpiTeam;
let h: Harness;
let base: string;
let today: string;
let lead: Member;
let anna: Member;
let paul: Member;
let okr: ReturnType<typeof okrApi>;
let cycle: Json;
let onTime: Json;
let scans: Json;

const statement =
  "Half of the late parcels leave Hamburg after the last linehaul because scans stall at gate 4; until the gate keeps up, on-time delivery cannot reach 95 %.";

beforeAll(async () => {
  world = await startKpiTeam();
  ({ h, base, today, lead, anna } = world);
  paul = world.outsider;
  okr = okrApi(h, world.org);
  cycle = await okr.createCycle(world.owner, { name: "Winter quarter", ...cycleAround(today) });
  onTime = await world.createKpi(world.kpiBody());
  scans = await world.createKpi(
    world.kpiBody({
      key: "scan_rate",
      name: "Parcels scanned at the gate",
      bands: [{ effectiveFrom: "2026-01-01", target: 60, greenMin: 55, redMin: 40 }],
    }),
  );
  await world.enter(onTime.id, { date: addDays(today, -14), value: 82 });
  await world.enter(onTime.id, { date: addDays(today, -7), value: 80 });
  await world.enter(scans.id, { date: addDays(today, -7), value: 50 });
  // The driver tree is written elsewhere; this file only reads it.
  await h.db.execute(sql`insert into kpi_drivers (organization_id, kpi_id, driver_kpi_id)
    values (${world.org.id}, ${onTime.id}, ${scans.id})`);
});
afterAll(() => world?.close());

const promote = (body: Record<string, unknown>, as = lead.client, kpiId = onTime.id as string) =>
  h.request("POST", `${base}/kpis/${kpiId}/promotions`, { as, body });
const keyResultBody = { title: "On-time delivery from 80 % to 95 %", targetValue: 95, kpiRead: "latest" };

describe("making a red KPI a Key Result", () => {
  let promoted: Json;

  it("offers a draft: trend, value today, target, the running cycle and the drivers", async () => {
    const draft = await h.ok("GET", `${base}/kpis/${onTime.id}/promotion-draft`, { as: lead.client });
    expect(draft).toMatchObject({
      latest: 80,
      target: 95,
      cycleId: cycle.id,
      suggestedStart: { latest: 80 },
      suggestedTitle: "On-time delivery rate from 80 to 95",
      drivers: [{ id: scans.id, key: "scan_rate" }],
      kpi: { teamRunsOkrs: true },
    });
    expect(draft.trend.map((p: Json) => p.value)).toEqual([82, 80]);
  });

  it("refuses a new Objective without a problem statement, and writes nothing", async () => {
    const before = await world.fingerprint();
    const blank = await promote({
      cycleId: cycle.id,
      newObjective: { title: "Get Hamburg's parcels out on time", problemStatement: "   " },
      keyResult: keyResultBody,
    });
    await expectError(blank, 400, "validation_failed");
    expect(blank.body.error.details.issues[0].field).toBe("newObjective.problemStatement");
    const nowhere = await promote({ cycleId: cycle.id, keyResult: keyResultBody });
    await expectError(nowhere, 400, "validation_failed");
    expect(await world.fingerprint()).toEqual(before);
  });

  it("drafts the Objective from the problem statement, with the driver as an extra KR", async () => {
    const reply = await promote({
      cycleId: cycle.id,
      newObjective: { title: "Get Hamburg's parcels out on time", problemStatement: statement },
      keyResult: { ...keyResultBody, ownerUserId: anna.id },
      drivers: [{ kpiId: scans.id, title: "Gate scans from 50 % to 60 %", targetValue: 60 }],
    });
    expect(reply.status, reply.text).toBe(201);
    promoted = reply.body;
    const objective = await okr.getObjective(lead.client, promoted.objectiveId);
    expect(objective).toMatchObject({ description: statement, teamId: world.hub.id, state: "draft" });
    expect(objective.keyResults).toMatchObject([
      { id: promoted.keyResultId, startValue: 80, targetValue: 95, currentValue: 80, kpi: { id: onTime.id } },
      { startValue: 50, targetValue: 60, kpi: { id: scans.id } },
    ]);
    const badge = await h.ok("GET", `${base}/kpis/${onTime.id}/key-results`, { as: paul.client });
    expect(badge.promotedIn).toEqual([{ cycleId: cycle.id, cycleName: "Winter quarter" }]);
    expect(badge.promotions[0]).toMatchObject({ id: promoted.promotionId, outcome: "running" });
    const audit = await okr.audit(world.owner, onTime.id, "kpi.promoted");
    expect(audit).toHaveLength(1);
  });

  it("refuses a second promotion for the same Objective, other cycles' Objectives and outsiders", async () => {
    const again = await promote({
      cycleId: cycle.id,
      objectiveId: promoted.objectiveId,
      keyResult: keyResultBody,
    });
    await expectError(again, 409, "conflict");
    const next = await okr.createCycle(
      world.owner,
      { name: "Spring quarter", startsOn: addDays(cycle.endsOn, 1), endsOn: addDays(cycle.endsOn, 90) },
      "planning",
    );
    const elsewhere = await okr.createObjective(
      lead.client,
      buildObjective({ cycleId: next.id, teamId: world.hub.id, title: "Spring on-time push" }),
    );
    const wrongCycle = await promote({
      cycleId: cycle.id,
      objectiveId: elsewhere.id,
      keyResult: keyResultBody,
    });
    await expectError(wrongCycle, 409, "conflict");
    const outsider = await promote(
      { cycleId: cycle.id, objectiveId: promoted.objectiveId, keyResult: keyResultBody },
      paul.client,
    );
    await expectError(outsider, 403, "forbidden");
  });

  it("moves with the KPI, expires when the cycle closes, and offers a new baseline", async () => {
    await okr.activate(lead.client, promoted.objectiveId);
    await world.enter(onTime.id, { date: today, value: 96 });
    await world.enter(scans.id, { date: today, value: 62 });
    const running = await okr.keyResult(lead.client, promoted.objectiveId, promoted.keyResultId);
    expect(running).toMatchObject({ currentValue: 96, kpi: { value: 96, status: "green" } });

    await okr.moveCycle(world.owner, cycle.id, "grading");
    const objective = await okr.getObjective(lead.client, promoted.objectiveId);
    for (const kr of objective.keyResults) {
      await h.ok("PUT", `${base}/key-results/${kr.id}/score`, {
        as: lead.client,
        body: { version: kr.version, finalScore: 1, scoreComment: "Gate 4 fixed in week 3" },
      });
    }
    const graded = await okr.getObjective(lead.client, promoted.objectiveId);
    await h.ok("PUT", `${base}/objectives/${promoted.objectiveId}/grade`, {
      as: lead.client,
      body: { version: graded.version, outcome: "achieved" },
    });
    await okr.moveCycle(world.owner, cycle.id, "closed");

    const history = await h.ok("GET", `${base}/kpis/${onTime.id}/key-results`, { as: lead.client });
    expect(history.promotedIn).toEqual([]);
    expect(history.promotions[0]).toMatchObject({
      id: promoted.promotionId,
      outcome: "met",
      finalValue: 96,
      baseline: "pending",
      can: { decideBaseline: true },
    });
    const drivers = await h.ok("GET", `${base}/kpis/${scans.id}/key-results`, { as: lead.client });
    expect(drivers.promotions[0]).toMatchObject({ outcome: "met", finalValue: 62, baseline: "pending" });

    const offers = await h.ok("GET", `${base}/baseline-offers`, { as: anna.client });
    expect(offers.items).toHaveLength(2);
    expect(offers.items).toContainEqual(
      expect.objectContaining({
        promotionId: promoted.promotionId,
        finalValue: 96,
        oldTarget: 95,
        old: expect.objectContaining({ target: 95 }),
        kpiDirection: "higher_is_better",
        cycleId: cycle.id,
        keyResultId: promoted.keyResultId,
        objectiveId: promoted.objectiveId,
        canDecide: false,
        proposed: expect.objectContaining({
          effectiveFrom: weekly(addDays(cycle.endsOn, 7)),
          target: 96,
          greenMin: 93,
          redMin: 86,
        }),
      }),
    );
    expect((await h.ok("GET", `${base}/baseline-offers`, { as: paul.client })).items).toEqual([]);
  });

  it("lets only whoever may change the bands decide, once", async () => {
    const path = `${base}/kpis/${onTime.id}/promotions/${promoted.promotionId}/baseline`;
    const before = await world.fingerprint();
    await expectError(
      await h.request("POST", path, { as: anna.client, body: { decision: "accepted" } }),
      403,
      "forbidden",
    );
    expect(await world.fingerprint()).toEqual(before);
    // Edited numbers keep the order the KPI's direction asks for (red below ≤ green at or above).
    expectError(
      await h.request("POST", path, {
        as: lead.client,
        body: {
          decision: "accepted",
          bands: { target: 96, greenMin: 85, greenMax: null, redMin: 90, redMax: null },
        },
      }),
      400,
      "validation_failed",
      "bands.redMin",
    );
    expectError(
      await h.request("POST", path, {
        as: lead.client,
        body: { decision: "accepted", effectiveFrom: cycle.endsOn },
      }),
      400,
      "validation_failed",
      "effectiveFrom",
    );
    expect(await world.fingerprint()).toEqual(before);
    const accepted = await h.ok("POST", path, {
      as: lead.client,
      body: {
        decision: "accepted",
        bands: { target: 96, greenMin: 93.5, greenMax: null, redMin: 86, redMax: null },
      },
    });
    expect(accepted).toMatchObject({ baseline: "accepted", baselineEffectiveFrom: expect.any(String) });
    const kpi = await h.ok("GET", `${base}/kpis/${onTime.id}`, { as: lead.client });
    expect(kpi.bands).toContainEqual({
      effectiveFrom: accepted.baselineEffectiveFrom,
      target: 96,
      greenMin: 93.5,
      greenMax: null,
      redMin: 86,
      redMax: null,
    });
    await expectError(
      await h.request("POST", path, { as: lead.client, body: { decision: "declined" } }),
      409,
      "conflict",
    );
    expect(
      await okr.audit(world.owner, promoted.promotionId, "kpi_promotion.baseline_accepted"),
    ).toHaveLength(1);
    const left = (await h.ok("GET", `${base}/baseline-offers`, { as: lead.client })).items;
    expect(left.map((o: Json) => o.kpiId)).toEqual([scans.id]);
  });

  it("records a declined baseline and leaves the bands alone", async () => {
    const history = await h.ok("GET", `${base}/kpis/${scans.id}/key-results`, { as: lead.client });
    const promotion = history.promotions[0];
    const bands = (await h.ok("GET", `${base}/kpis/${scans.id}`, { as: lead.client })).bands;
    const declined = await h.ok("POST", `${base}/kpis/${scans.id}/promotions/${promotion.id}/baseline`, {
      as: lead.client,
      body: { decision: "declined", note: "Peak season lifts scans; keep the bar" },
    });
    expect(declined).toMatchObject({ baseline: "declined", baselineEffectiveFrom: null });
    expect((await h.ok("GET", `${base}/kpis/${scans.id}`, { as: lead.client })).bands).toEqual(bands);
    expect((await h.ok("GET", `${base}/baseline-offers`, { as: anna.client })).items).toEqual([]);
  });
});

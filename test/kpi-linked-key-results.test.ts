/**
 * Key Results that read a KPI: linking (with the promotion it records), the KR's value
 * following the KPI on every write path (entered, corrected, bulk, CSV), check-ins that
 * take the KPI's value, the "cycle" read mode, every refused link (nothing written),
 * unlinking, and archiving a KPI that KRs read. The organisation: support/kpi-team.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../src/domain/dates.ts";
import { backgroundWorkOf } from "../src/server/lib/background-work.ts";
import { buildObjective, buildTeam, cycleAround } from "./support/factories.ts";
import { expectError, type Harness, type Json, type Member } from "./support/harness.ts";
import { type KpiTeam, startKpiTeam, weekly } from "./support/kpi-team.ts";
import { okrApi } from "./support/okr-api.ts";

let world: KpiTeam;
let h: Harness;
let base: string;
let today: string;
let lead: Member;
let anna: Member;
let okr: ReturnType<typeof okrApi>;
let cycle: Json;
let onTime: Json;

beforeAll(async () => {
  world = await startKpiTeam();
  ({ h, base, today, lead, anna } = world);
  okr = okrApi(h, world.org);
  cycle = await okr.createCycle(world.owner, { name: "Winter quarter", ...cycleAround(today) });
  onTime = await world.createKpi(world.kpiBody());
  await world.enter(onTime.id, { date: addDays(today, -14), value: 88 });
  await world.enter(onTime.id, { date: addDays(today, -7), value: 90 });
});
afterAll(() => world?.close());

/** An active Objective of Hub Hamburg with one KR reading `kpiId`. */
async function linkedObjective(kpiId: string, extra: Record<string, unknown> = {}) {
  const draft = await okr.createObjective(
    lead.client,
    buildObjective({
      cycleId: cycle.id,
      teamId: world.hub.id,
      ownerUserId: lead.id,
      title: "Get Hamburg's parcels out on time again",
      keyResults: [
        {
          title: "On-time delivery from 90 % to 95 %",
          kind: "metric",
          ownerUserId: anna.id,
          targetValue: 95,
          kpiId,
          ...extra,
        } as never,
      ],
    }),
  );
  return okr.activate(lead.client, draft.id);
}

const readers = (kpiId: string) =>
  h.ok("GET", `${base}/kpis/${kpiId}/key-results`, { as: world.viewer.client });

describe("a KR that reads a KPI", () => {
  let objective: Json;
  let kr: Json;
  beforeAll(async () => {
    objective = await linkedObjective(onTime.id);
    kr = objective.keyResults[0];
  });

  it("starts at the KPI's latest value, shows the KPI and records the promotion", async () => {
    expect(kr).toMatchObject({
      startValue: 90,
      currentValue: 90,
      kpi: {
        id: onTime.id,
        key: "on_time_rate",
        status: "amber",
        value: 90,
        read: "latest",
        unit: "percent",
      },
    });
    expect(kr.kpi.bandsInForce).toMatchObject({ target: 95, greenMin: 92, redMin: 85 });
    const read = await readers(onTime.id);
    expect(read.keyResults).toEqual([
      expect.objectContaining({ keyResultId: kr.id, currentValue: 90, targetValue: 95, read: "latest" }),
    ]);
    expect(read.promotions).toEqual([
      expect.objectContaining({
        keyResultId: kr.id,
        cycleId: cycle.id,
        outcome: "running",
        baseline: "not_offered",
      }),
    ]);
    expect(read.promotedIn).toEqual([{ cycleId: cycle.id, cycleName: "Winter quarter" }]);
  });

  it("follows the KPI's values on every write path", async () => {
    await world.enter(onTime.id, { date: today, value: 91 });
    expect((await okr.keyResult(lead.client, objective.id, kr.id)).currentValue).toBe(91);

    await world.enter(onTime.id, { date: today, value: 91.5, note: "Late scans from the night shift" });
    expect((await okr.keyResult(lead.client, objective.id, kr.id)).currentValue).toBe(91.5);

    await h.ok("POST", `${base}/measurements/bulk`, {
      as: world.owner,
      body: { measurements: [{ kpi: "on_time_rate", date: today, value: 92.4, note: "Depot report" }] },
    });
    await backgroundWorkOf(h.db).drain();
    expect((await okr.keyResult(lead.client, objective.id, kr.id)).currentValue).toBe(92.4);

    await h.ok("POST", `${base}/kpi-imports`, {
      as: world.owner,
      body: { csv: `kpi,date,value,note\non_time_rate,${today},93.1,Recount\n`, dryRun: false },
    });
    await backgroundWorkOf(h.db).drain();
    const moved = await okr.keyResult(lead.client, objective.id, kr.id);
    expect(moved).toMatchObject({ currentValue: 93.1, kpi: { value: 93.1, status: "green" } });
  });

  it("checks in with the KPI's value and refuses another one", async () => {
    const checkIn = await okr.checkIn(anna.client, kr.id, {
      confidence: 7,
      note: "Night shift back to full strength",
    });
    expect(checkIn).toMatchObject({ value: 93.1, confidence: 7 });
    await okr.checkIn(anna.client, kr.id, { value: 93.1, confidence: 8 });
    const refused = await h.request("POST", `${base}/key-results/${kr.id}/check-ins`, {
      as: anna.client,
      body: { value: 99, confidence: 9 },
    });
    await expectError(refused, 400, "validation_failed");
    expect(refused.body.error.details.issues[0]).toMatchObject({ field: "value" });
    expect(refused.body.error.message).toContain("comes from the KPI");
    const after = await okr.keyResult(lead.client, objective.id, kr.id);
    expect(after).toMatchObject({ currentValue: 93.1, lastConfidence: 8 });
  });

  it("refuses bad links and writes nothing", async () => {
    const other = await h.createOwnerWithOrg({
      person: { name: "Mara Lind" },
      org: { name: "Nordhafen Logistik" },
    });
    const otherBase = `/api/orgs/${other.org.slug}`;
    const depot = await h.ok("POST", `${otherBase}/teams`, {
      as: other.owner,
      body: { ...buildTeam({ name: "Depot Kiel" }), methodology: "both" },
    });
    const foreign = await h.ok(
      "POST",
      `${otherBase}/kpis`,
      { as: other.owner, body: { ...world.kpiBody(), ownerUserId: other.owner.userId, teamId: depot.id } },
      201,
    );
    const archived = await world.createKpi(world.kpiBody({ key: "old_rate", name: "Old on-time rate" }));
    await h.ok("PATCH", `${base}/kpis/${archived.id}`, {
      as: lead.client,
      body: { version: archived.version, state: "archived" },
    });
    const before = await world.fingerprint();
    const addTo = (body: Record<string, unknown>) =>
      h.request("POST", `${base}/objectives/${objective.id}/key-results`, { as: lead.client, body });
    const metric = {
      title: "Second reading",
      kind: "metric",
      ownerUserId: anna.id,
      startValue: 1,
      targetValue: 2,
    };
    const missing = await addTo({ ...metric, kpiId: foreign.id });
    await expectError(missing, 404, "not_found");
    expect(missing.body.error.message).toContain("kpiId");
    const milestone = await addTo({
      title: "Scanner fleet replaced",
      kind: "milestone",
      ownerUserId: anna.id,
      kpiId: onTime.id,
    });
    await expectError(milestone, 400, "validation_failed");
    expect(milestone.body.error.details.issues[0].field).toBe("kpiId");
    const twice = await addTo({ ...metric, kpiId: onTime.id });
    await expectError(twice, 409, "conflict");
    expect(twice.body.error.message).toContain("kpiId");
    const stale = await addTo({ ...metric, kpiId: archived.id });
    await expectError(stale, 409, "conflict");
    expect(stale.body.error.message).toContain("kpiId");
    const both = await h.request("POST", `${base}/objectives`, {
      as: lead.client,
      body: buildObjective({
        cycleId: cycle.id,
        teamId: world.hub.id,
        keyResults: [
          { ...metric, kpiId: onTime.id },
          { ...metric, title: "Same KPI again", kpiId: onTime.id },
        ] as never,
      }),
    });
    await expectError(both, 409, "conflict");
    expect(both.body.error.details.issues[0].field).toBe("keyResults.1.kpiId");
    expect(await world.fingerprint()).toEqual(before);
  });

  it("reads the KPI's aggregate over the cycle, and unlinking ends the promotion", async () => {
    const updated = await okr.updateKeyResult(lead.client, objective.id, kr.id, { kpiRead: "cycle" });
    // The average of 88, 90 and 93.1: the weeks of the cycle so far.
    expect(updated.keyResults[0].currentValue).toBeCloseTo((88 + 90 + 93.1) / 3, 6);
    expect(updated.keyResults[0].kpi.read).toBe("cycle");
    const unlinked = await okr.updateKeyResult(lead.client, objective.id, kr.id, { kpiId: null });
    expect(unlinked.keyResults[0]).toMatchObject({ kpi: null });
    expect(unlinked.keyResults[0].currentValue).toBeCloseTo((88 + 90 + 93.1) / 3, 6);
    const read = await readers(onTime.id);
    expect(read.keyResults).toEqual([]);
    expect(read.promotions[0]).toMatchObject({ keyResultId: kr.id, outcome: "unlinked" });
    expect(read.promotedIn).toEqual([]);
    await world.enter(onTime.id, { date: addDays(today, -21), value: 70 });
    expect((await okr.keyResult(lead.client, objective.id, kr.id)).currentValue).toBeCloseTo(
      (88 + 90 + 93.1) / 3,
      6,
    );
  });
});

describe("archiving a KPI that KRs read", () => {
  it("is refused with the KRs listed, unless they are unlinked with it", async () => {
    const parcels = await world.createKpi(
      world.kpiBody({ key: "first_attempt", name: "First-attempt delivery" }),
    );
    await world.enter(parcels.id, { date: weekly(today), value: 80 });
    const objective = await linkedObjective(parcels.id, { targetValue: 90 });
    const kr = objective.keyResults[0];
    const refused = await h.request("PATCH", `${base}/kpis/${parcels.id}`, {
      as: lead.client,
      body: { version: parcels.version, state: "archived" },
    });
    await expectError(refused, 409, "kpi_read_by_key_results");
    expect(refused.body.error.details.keyResults).toEqual([
      expect.objectContaining({ keyResultId: kr.id, cycleId: cycle.id }),
    ]);
    const archived = await h.ok("PATCH", `${base}/kpis/${parcels.id}`, {
      as: lead.client,
      body: { version: parcels.version, state: "archived", keyResults: "unlink" },
    });
    expect(archived.state).toBe("archived");
    const after = await okr.keyResult(lead.client, objective.id, kr.id);
    expect(after).toMatchObject({ kpi: null, currentValue: 80 });
    expect((await readers(parcels.id)).promotions[0]).toMatchObject({ outcome: "unlinked" });
  });
});

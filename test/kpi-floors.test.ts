/**
 * The KPI floor through the API: a team's leads (and admins) put KPIs on the floor of a
 * planned or running cycle, each with an owner and a threshold; the floor shows each
 * KPI's current value and whether it is breached; a value through the floor of a running
 * cycle opens an escalation that also goes to the floor's owner. Who may do what, frozen
 * cycles, duplicates, stale versions and bad input; every change audited.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../src/domain/dates.ts";
import { activeFloorsOf } from "../src/server/services/kpi/floor-service.ts";
import { buildTeam, cycleAround } from "./support/factories.ts";
import { tenantFingerprint } from "./support/fingerprint.ts";
import {
  type Client,
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
let base: string;
let today: string;
let admin: Member;
/** Leads Hub Rotterdam. */
let sanne: Member;
/** Owns the KPIs. */
let emma: Member;
/** A member who leads nothing. */
let tess: Member;
let viewer: Member;
let hub: Json;
let running: Json;
let planned: Json;
let grading: Json;
let closed: Json;
let onTime: Json;
let damageFree: Json;
let claims: Json;
/** A cycle moved to grading before its last day (set by a test of the first describe). */
let shortSprint: Json;

beforeAll(async () => {
  h = await startHarness();
  today = pinToNoon(h);
  ({ owner, org } = await h.createOwnerWithOrg({
    person: { name: "Lotte Visser" },
    org: { name: "Maas Cargo" },
  }));
  base = `/api/orgs/${org.slug}`;
  admin = await h.addPerson(owner, org, "admin", { name: "Daan Bakker" });
  sanne = await h.addPerson(owner, org, "member", { name: "Sanne de Vries" });
  emma = await h.addPerson(owner, org, "member", { name: "Emma Smit" });
  tess = await h.addPerson(owner, org, "member", { name: "Tess Mulder" });
  viewer = await h.addPerson(owner, org, "viewer", { name: "Julia Meijer" });
  hub = await h.ok("POST", `${base}/teams`, {
    as: owner,
    body: buildTeam({ name: "Hub Rotterdam", leadUserId: sanne.id }),
  });
  const okr = okrApi(h, org);
  running = await okr.createCycle(owner, { name: "This quarter", ...cycleAround(today) }, "active");
  planned = await okr.createCycle(
    owner,
    { name: "Next quarter", startsOn: addDays(today, 60), endsOn: addDays(today, 150) },
    "planning",
  );
  grading = await okr.createCycle(
    owner,
    { name: "Last quarter", startsOn: addDays(today, -150), endsOn: addDays(today, -60) },
    "grading",
  );
  closed = await okr.createCycle(
    owner,
    { name: "Quarter before last", startsOn: addDays(today, -240), endsOn: addDays(today, -151) },
    "closed",
  );
  onTime = await createKpi("on_time", "On-time deliveries", {
    direction: "higher_is_better",
    bands: [{ effectiveFrom: "2020-01-06", target: 95, greenMin: 92, redMin: 85 }],
  });
  damageFree = await createKpi("damage_free", "Damage-free deliveries", {
    direction: "higher_is_better",
    bands: [{ effectiveFrom: "2020-01-06", target: 99, greenMin: 98, redMin: 95 }],
  });
  claims = await createKpi("claims_per_1000", "Claims per 1,000 parcels", {
    direction: "lower_is_better",
    unit: "number",
    bands: [{ effectiveFrom: "2020-01-06", target: 1, greenMax: 2, redMax: 5 }],
  });
});
afterAll(() => h?.close());

/** A weekly KPI of Hub Rotterdam owned by Emma. */
function createKpi(key: string, name: string, extra: Record<string, unknown>): Promise<Json> {
  return h.ok(
    "POST",
    `${base}/kpis`,
    {
      as: owner,
      body: {
        key,
        name,
        ownerUserId: emma.id,
        teamId: hub.id,
        unit: "percent",
        frequency: "weekly",
        aggregation: "average",
        ...extra,
      },
    },
    201,
  );
}

/** Enters this week's value (Emma owns the KPIs). */
function enterToday(kpi: Json, value: number): Promise<Json> {
  return h.ok("POST", `${base}/kpis/${kpi.id}/measurements`, {
    as: emma.client,
    body: { date: today, value, note: "" },
  });
}

function floorBody(overrides: Record<string, unknown> = {}) {
  return {
    teamId: hub.id,
    cycleId: running.id,
    kpiId: onTime.id,
    ownerUserId: emma.id,
    threshold: 90,
    ...overrides,
  };
}

const create = (body: unknown, as: Client = sanne.client) =>
  h.request("POST", `${base}/kpi-floors`, { as, body });
const patch = (id: string, body: unknown, as: Client = sanne.client) =>
  h.request("PATCH", `${base}/kpi-floors/${id}`, { as, body });
const remove = (id: string, as: Client = sanne.client) =>
  h.request("DELETE", `${base}/kpi-floors/${id}`, { as });

async function floorOf(cycleId: string, as: Client = viewer.client): Promise<Json[]> {
  return (await h.ok("GET", `${base}/kpi-floors?teamId=${hub.id}&cycleId=${cycleId}`, { as })).items;
}

async function audit(entityId: string): Promise<Json[]> {
  return (await h.ok("GET", `${base}/audit?entityId=${entityId}&limit=200`, { as: owner })).items;
}

const fingerprint = () => tenantFingerprint(h.db, org.id);

describe("setting up a floor", () => {
  let floor: Json;

  it("the team's lead puts a KPI on the floor of the running cycle", async () => {
    const reply = await create(floorBody());
    expect(reply.status, reply.text).toBe(201);
    floor = reply.body;
    expect(floor).toMatchObject({
      teamId: hub.id,
      cycleId: running.id,
      kpi: {
        id: onTime.id,
        key: "on_time",
        name: "On-time deliveries",
        unit: "percent",
        direction: "higher_is_better",
      },
      ownerUserId: emma.id,
      ownerName: "Emma Smit",
      threshold: 90,
      breached: false,
      version: 1,
    });
    // No value yet: nothing to breach, and the status says the figure is missing.
    expect(floor.kpi).toMatchObject({ value: null, status: "no_data" });
    const [event] = await audit(floor.id);
    expect(event).toMatchObject({
      action: "kpi_floor.created",
      actorLabel: "Sanne de Vries",
      entityType: "kpi_floor",
      after: { threshold: 90, ownerUserId: emma.id },
    });
  });

  it("admins set floors up in cycle planning", async () => {
    const reply = await create(floorBody({ cycleId: planned.id, threshold: 91 }), admin.client);
    expect(reply.status, reply.text).toBe(201);
    expect(await floorOf(planned.id)).toEqual([
      expect.objectContaining({ id: reply.body.id, threshold: 91 }),
    ]);
  });

  it("refuses people who do not manage the team's KPIs", async () => {
    const before = await fingerprint();
    const body = floorBody({ kpiId: damageFree.id });
    expectError(await create(body, tess.client), 403, "forbidden");
    expectError(await create(body, viewer.client), 403, "forbidden");
    expectError(await create(body, emma.client), 403, "forbidden");
    expect(await fingerprint()).toEqual(before);
  });

  it("refuses a KPI already on the team's floor for that cycle, naming it", async () => {
    const before = await fingerprint();
    const reply = await create(floorBody({ threshold: 80 }));
    expectError(reply, 409, "already_exists", "kpiId");
    expect(reply.body.error.details.kpiId).toBe(onTime.id);
    expect(reply.body.error.message).toContain("On-time deliveries");
    expect(await fingerprint()).toEqual(before);
  });

  it("refuses cycles being graded or closed, archived or unknown KPIs, and owners from outside", async () => {
    const archived = await createKpi("loading_errors", "Loading errors", {
      direction: "lower_is_better",
      unit: "count",
    });
    await h.ok("PATCH", `${base}/kpis/${archived.id}`, {
      as: owner,
      body: { version: archived.version, state: "archived" },
    });
    const before = await fingerprint();
    const nobody = "00000000-0000-4000-8000-000000000000";
    const graded = await create(floorBody({ kpiId: damageFree.id, cycleId: grading.id }));
    expectError(graded, 400, "validation_failed", "cycleId");
    expect(graded.body.error.message).toContain("being graded");
    expectError(
      await create(floorBody({ kpiId: damageFree.id, cycleId: closed.id })),
      400,
      "validation_failed",
      "cycleId",
    );
    expectError(
      await create(floorBody({ kpiId: damageFree.id, cycleId: nobody })),
      400,
      "validation_failed",
      "cycleId",
    );
    expectError(await create(floorBody({ kpiId: archived.id })), 400, "validation_failed", "kpiId");
    expectError(await create(floorBody({ kpiId: nobody })), 400, "validation_failed", "kpiId");
    expectError(
      await create(floorBody({ kpiId: damageFree.id, ownerUserId: nobody })),
      400,
      "validation_failed",
      "ownerUserId",
    );
    expectError(
      await create(floorBody({ kpiId: damageFree.id, teamId: nobody }), admin.client),
      400,
      "validation_failed",
      "teamId",
    );
    expectError(
      await create(floorBody({ kpiId: damageFree.id, threshold: "ninety" })),
      400,
      "validation_failed",
      "threshold",
    );
    expectError(await create({ teamId: hub.id }), 400, "validation_failed", "cycleId");
    expect(await fingerprint()).toEqual(before);
  });

  it("changes owner and threshold at the version loaded, audited", async () => {
    const reply = await patch(floor.id, { version: 1, threshold: 88.5, ownerUserId: tess.id });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({
      threshold: 88.5,
      ownerUserId: tess.id,
      ownerName: "Tess Mulder",
      version: 2,
    });
    const before = await fingerprint();
    expectError(await patch(floor.id, { version: 1, threshold: 87 }), 409, "version_conflict");
    expectError(
      await patch(floor.id, { version: 2, ownerUserId: "00000000-0000-4000-8000-000000000000" }),
      400,
      "validation_failed",
      "ownerUserId",
    );
    expectError(await patch(floor.id, { version: 2, threshold: 80 }, tess.client), 403, "forbidden");
    expectError(await patch(floor.id, { threshold: 80 }), 400, "validation_failed", "version");
    expect(await fingerprint()).toEqual(before);
    const [event] = await audit(floor.id);
    expect(event).toMatchObject({
      action: "kpi_floor.updated",
      before: { threshold: 90, ownerUserId: emma.id, version: 1 },
      after: { threshold: 88.5, ownerUserId: tess.id, version: 2 },
    });
  });

  it("takes a KPI off the floor, audited with what it was", async () => {
    const extra = (await create(floorBody({ kpiId: claims.id, threshold: 4 }))).body;
    expectError(await remove(extra.id, tess.client), 403, "forbidden");
    const reply = await remove(extra.id);
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({ id: extra.id, threshold: 4 });
    expectError(await h.request("GET", `${base}/kpi-floors/${extra.id}`, { as: owner }), 404, "not_found");
    expectError(await remove(extra.id), 404, "not_found");
    expect((await floorOf(running.id)).map((f: Json) => f.id)).not.toContain(extra.id);
    const [event] = await audit(extra.id);
    expect(event).toMatchObject({ action: "kpi_floor.deleted", before: { threshold: 4 }, after: null });
  });

  it("is frozen once its cycle is being graded", async () => {
    const okr = okrApi(h, org);
    const cycle = await okr.createCycle(
      owner,
      { name: "Short sprint", startsOn: addDays(today, -20), endsOn: addDays(today, 5) },
      "active",
    );
    const f = (await create(floorBody({ cycleId: cycle.id }))).body;
    shortSprint = cycle;
    await okr.moveCycle(owner, cycle.id, "grading");
    const before = await fingerprint();
    const changed = await patch(f.id, { version: 1, threshold: 70 });
    expectError(changed, 409, "conflict");
    expect(changed.body.error.message).toContain("frozen");
    expectError(await remove(f.id, admin.client), 409, "conflict");
    expect(await fingerprint()).toEqual(before);
  });
});

describe("the floor in a running cycle", () => {
  it("shows each KPI's current value and whether it breaks the floor", async () => {
    await h.ok("POST", `${base}/kpi-floors`, {
      as: sanne.client,
      body: floorBody({ kpiId: claims.id, threshold: 3, ownerUserId: emma.id }),
    });
    await enterToday(onTime, 93);
    await enterToday(claims, 3.5); // amber for lower-is-better, but above the floor's 3
    const floors = await floorOf(running.id);
    // Ordered by KPI name.
    expect(floors.map((f: Json) => [f.kpi.name, f.kpi.value, f.kpi.status, f.breached])).toEqual([
      ["Claims per 1,000 parcels", 3.5, "amber", true],
      ["On-time deliveries", 93, "green", false],
    ]);
    expect(floors[0].kpi.periodStart).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/));
  });

  it("a value through the floor opens an escalation that also goes to the floor's owner", async () => {
    const floor = (await create(floorBody({ kpiId: damageFree.id, threshold: 97, ownerUserId: tess.id })))
      .body;
    await enterToday(damageFree, 96.5); // amber: only the floor catches it
    const [escalation, ...more] = (
      await h.ok("GET", `${base}/escalations?kpiId=${damageFree.id}`, { as: tess.client })
    ).items;
    expect(more).toEqual([]);
    expect(escalation).toMatchObject({
      reason: "floor",
      floorId: floor.id,
      value: 96.5,
      state: "open",
      mayAct: true,
    });
    expect(escalation.entries[0].text).toContain("fell through its floor of 97");
    expect(escalation.recipients).toEqual(
      expect.arrayContaining([
        { userId: emma.id, name: "Emma Smit", role: "owner" },
        { userId: sanne.id, name: "Sanne de Vries", role: "lead" },
        { userId: tess.id, name: "Tess Mulder", role: "floor_owner" },
      ]),
    );
    expect(escalation.recipients).toHaveLength(3);
    expect((await h.ok("GET", `${base}/kpi-floors/${floor.id}`, { as: viewer.client })).breached).toBe(true);
  });

  it("a floor of a cycle still in planning does not escalate", async () => {
    const kpi = await createKpi("pallets_scanned", "Pallets scanned at intake", {
      direction: "higher_is_better",
      bands: [{ effectiveFrom: "2020-01-06", target: 99, greenMin: 97, redMin: 90 }],
    });
    await h.ok("POST", `${base}/kpi-floors`, {
      as: admin.client,
      body: floorBody({ kpiId: kpi.id, cycleId: planned.id, threshold: 96 }),
    });
    await enterToday(kpi, 93);
    expect((await h.ok("GET", `${base}/escalations?kpiId=${kpi.id}&state=all`, { as: owner })).items).toEqual(
      [],
    );
  });

  it("a floor of a cycle left in planning past its start escalates; once the cycle is closed it does not", async () => {
    const okr = okrApi(h, org);
    const unstarted = await okr.createCycle(
      owner,
      { name: "Quarter nobody started", ...cycleAround(today, { elapsedDays: 10 }) },
      "planning",
    );
    const kpi = await createKpi("labels_printed", "Labels printed first time", {
      direction: "higher_is_better",
      bands: [{ effectiveFrom: "2020-01-06", target: 99, greenMin: 97, redMin: 90 }],
    });
    const floor = await h.ok("POST", `${base}/kpi-floors`, {
      as: admin.client,
      body: floorBody({ kpiId: kpi.id, cycleId: unstarted.id, threshold: 96 }),
    });
    await enterToday(kpi, 93); // amber: only the floor catches it
    const [escalation] = (await h.ok("GET", `${base}/escalations?kpiId=${kpi.id}`, { as: owner })).items;
    expect(escalation).toMatchObject({ reason: "floor", floorId: floor.id, value: 93, state: "open" });

    const ended = await okr.createCycle(
      owner,
      { name: "Quarter closed early", ...cycleAround(today, { elapsedDays: 20 }) },
      "planning",
    );
    const other = await createKpi("seals_intact", "Container seals intact", {
      direction: "higher_is_better",
      bands: [{ effectiveFrom: "2020-01-06", target: 99, greenMin: 97, redMin: 90 }],
    });
    await h.ok("POST", `${base}/kpi-floors`, {
      as: admin.client,
      body: floorBody({ kpiId: other.id, cycleId: ended.id, threshold: 96 }),
    });
    for (const state of ["active", "grading", "closed"]) await okr.moveCycle(owner, ended.id, state);
    await enterToday(other, 93);
    expect(
      (await h.ok("GET", `${base}/escalations?kpiId=${other.id}&state=all`, { as: owner })).items,
    ).toEqual([]);
  });

  it("activeFloorsOf gives the floors in force on a day", async () => {
    const ids = [onTime.id, damageFree.id, claims.id];
    const inForce = await activeFloorsOf(h.db, org.id, ids, today);
    expect(inForce.map((f) => [f.kpiId, f.cycleId, f.threshold]).sort()).toEqual(
      [
        [onTime.id, running.id, 88.5],
        // Being graded before its last day: still watched until it is closed.
        [onTime.id, shortSprint.id, 90],
        [damageFree.id, running.id, 97],
        [claims.id, running.id, 3],
      ].sort(),
    );
    for (const f of inForce) expect(f.teamId).toBe(hub.id);
    expect(inForce.find((f) => f.kpiId === damageFree.id)?.ownerUserId).toBe(tess.id);
    // After the running cycle's last day, nothing is in force.
    expect(await activeFloorsOf(h.db, org.id, ids, addDays(running.endsOn, 1))).toEqual([]);
    expect(await activeFloorsOf(h.db, org.id, [], today)).toEqual([]);
  });

  it("can be read by anyone in the organisation; the list needs a team and a cycle", async () => {
    expect((await floorOf(running.id, viewer.client)).length).toBe(3);
    expectError(
      await h.request("GET", `${base}/kpi-floors?teamId=${hub.id}`, { as: owner }),
      400,
      "validation_failed",
      "cycleId",
    );
  });
});

/**
 * Driver trees: a KPI names the KPIs that move it without arithmetic (customer
 * satisfaction ← on-time delivery, first-contact resolution), across teams. Who may name
 * them, the tree each way with statuses and values, the team's part of it, and every
 * refusal (loops, the KPI itself, repeats, unknown, foreign and archived KPIs, too many)
 * leaving the organisation untouched. The organisation: support/kpi-team.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../src/domain/dates.ts";
import { expectError, type Harness, type Json, type Member, type SessionClient } from "./support/harness.ts";
import { type KpiTeam, startKpiTeam } from "./support/kpi-team.ts";

let world: KpiTeam;
let h: Harness;
let owner: SessionClient;
let base: string;
let lead: Member;
let anna: Member;
let viewer: Member;
let fingerprint: KpiTeam["fingerprint"];
let care: Json;
const kpi: Record<string, Json> = {};

const drivers = (id: string, driverKpiIds: string[], as: SessionClient = owner) =>
  h.request("PUT", `${base}/kpis/${id}/drivers`, { as, body: { driverKpiIds } });
const tree = (id: string, as: SessionClient = viewer.client, query = "") =>
  h.ok("GET", `${base}/kpis/${id}/driver-tree${query}`, { as });
const edgesOf = (t: Json) =>
  t.edges.map((e: Json) => `${keyOf(t, e.kpiId)}←${keyOf(t, e.driverKpiId)}`).sort();
const keyOf = (t: Json, id: string) => t.nodes.find((n: Json) => n.id === id)?.key;

beforeAll(async () => {
  world = await startKpiTeam();
  ({ h, owner, base, lead, anna, viewer, fingerprint } = world);
  care = await h.ok("POST", `${base}/teams`, {
    as: owner,
    body: { name: "Customer Care", kind: "department", methodology: "kpi" },
  });
  const lastWeek = addDays(world.today, -7);
  const define = async (key: string, name: string, teamId: string, value: number | null) => {
    kpi[key] = await world.createKpi(world.kpiBody({ key, name, teamId }), owner);
    if (value !== null) await world.enter(kpi[key].id, { date: lastWeek, value }, owner);
  };
  await define("csat", "Customer satisfaction", care.id, 80);
  await define("first_contact_resolution", "First-contact resolution", care.id, 96);
  await define("on_time_rate", "On-time delivery rate", world.hub.id, 88);
  await define("damage_free_rate", "Damage-free deliveries", world.hub.id, null);
  await define("legacy_rate", "Legacy rate", world.hub.id, null);
  await h.ok("PATCH", `${base}/kpis/${kpi.legacy_rate.id}`, {
    as: owner,
    body: { version: kpi.legacy_rate.version, state: "archived" },
  });
});
afterAll(() => world?.close());

describe("naming a KPI's drivers", () => {
  it("replaces the list in order, across teams, and everyone reads the tree with statuses", async () => {
    const reply = await drivers(kpi.csat.id, [kpi.on_time_rate.id, kpi.first_contact_resolution.id]);
    expect(reply.status, reply.text).toBe(200);
    const t = await tree(kpi.csat.id);
    expect(t.rootId).toBe(kpi.csat.id);
    expect(t.can).toEqual({ editDrivers: false });
    expect(t.edges).toEqual([
      { kpiId: kpi.csat.id, driverKpiId: kpi.on_time_rate.id, position: 0 },
      { kpiId: kpi.csat.id, driverKpiId: kpi.first_contact_resolution.id, position: 1 },
    ]);
    const byKey = Object.fromEntries(t.nodes.map((n: Json) => [n.key, n]));
    expect(byKey.csat).toMatchObject({
      teamName: "Customer Care",
      value: 80,
      status: "red",
      unit: "percent",
    });
    expect(byKey.on_time_rate).toMatchObject({ teamName: "Hub Hamburg", value: 88, status: "amber" });
    expect(byKey.first_contact_resolution).toMatchObject({ value: 96, status: "green", decimals: 1 });
  });

  it("shows what a KPI drives upwards and its drivers downwards, to the depth asked", async () => {
    expect((await drivers(kpi.on_time_rate.id, [kpi.damage_free_rate.id])).status).toBe(200);
    const middle = await tree(kpi.on_time_rate.id);
    expect(edgesOf(middle)).toEqual(["csat←on_time_rate", "on_time_rate←damage_free_rate"]);
    expect(middle.nodes.map((n: Json) => n.key)).not.toContain("first_contact_resolution");
    const top = await tree(kpi.csat.id);
    expect(edgesOf(top)).toContain("on_time_rate←damage_free_rate");
    const shallow = await tree(kpi.csat.id, viewer.client, "?depth=1");
    expect(edgesOf(shallow)).toEqual(["csat←first_contact_resolution", "csat←on_time_rate"]);
    const noData = top.nodes.find((n: Json) => n.key === "damage_free_rate");
    expect(noData).toMatchObject({ value: null, status: "no_data" });
  });

  it("is for those who may edit the KPI: its team's leads and admins", async () => {
    expect((await tree(kpi.on_time_rate.id, lead.client)).can).toEqual({ editDrivers: true });
    expect((await tree(kpi.csat.id, lead.client)).can).toEqual({ editDrivers: false });
    const before = await fingerprint();
    await expectError(await drivers(kpi.csat.id, [], lead.client), 403, "forbidden");
    await expectError(await drivers(kpi.on_time_rate.id, [], anna.client), 403, "forbidden");
    await expectError(await drivers(kpi.on_time_rate.id, [], viewer.client), 403, "forbidden");
    expect(await fingerprint()).toEqual(before);
    const ok = await drivers(
      kpi.on_time_rate.id,
      [kpi.damage_free_rate.id, kpi.first_contact_resolution.id],
      lead.client,
    );
    expect(ok.status, ok.text).toBe(200);
    expect((await drivers(kpi.on_time_rate.id, [kpi.damage_free_rate.id], lead.client)).status).toBe(200);
  });

  it("audits each change with the list before and after, and a repeat writes nothing", async () => {
    const path = `${base}/audit?entityType=kpi&entityId=${kpi.csat.id}&action=kpi.drivers_changed`;
    const events = (await h.ok("GET", path, { as: owner })).items;
    expect(events).toHaveLength(1);
    expect(events[0].before).toEqual({ drivers: [] });
    expect(events[0].after).toEqual({
      drivers: [
        { id: kpi.on_time_rate.id, key: "on_time_rate" },
        { id: kpi.first_contact_resolution.id, key: "first_contact_resolution" },
      ],
    });
    const before = await fingerprint();
    expect((await drivers(kpi.csat.id, [kpi.on_time_rate.id, kpi.first_contact_resolution.id])).status).toBe(
      200,
    );
    expect(await fingerprint()).toEqual(before);
  });
});

describe("refusing a driver list", () => {
  it("refuses a loop of any length with 409, naming the field and the loop", async () => {
    const before = await fingerprint();
    const long = await drivers(kpi.damage_free_rate.id, [kpi.csat.id]);
    await expectError(long, 409, "conflict", "driverKpiIds");
    expect(long.body.error.message).toContain("damage_free_rate ← csat ← on_time_rate ← damage_free_rate");
    expect(long.body.error.details.loop.map((n: Json) => n.key)).toEqual([
      "damage_free_rate",
      "csat",
      "on_time_rate",
      "damage_free_rate",
    ]);
    await expectError(await drivers(kpi.on_time_rate.id, [kpi.csat.id]), 409, "conflict", "driverKpiIds");
    expect(await fingerprint()).toEqual(before);
  });

  it("refuses the KPI itself, a repeat, unknown, archived and too many KPIs, writing nothing", async () => {
    const before = await fingerprint();
    const self = await drivers(kpi.csat.id, [kpi.csat.id]);
    await expectError(self, 400, "validation_failed", "driverKpiIds");
    expect(self.body.error.message).toContain("cannot drive itself");
    const repeat = await drivers(kpi.csat.id, [kpi.on_time_rate.id, kpi.on_time_rate.id]);
    await expectError(repeat, 400, "validation_failed", "driverKpiIds");
    const unknown = await drivers(kpi.csat.id, ["00000000-0000-4000-8000-000000000000"]);
    await expectError(unknown, 400, "validation_failed", "driverKpiIds");
    expect(unknown.body.error.message).toContain("no such KPI");
    const archived = await drivers(kpi.csat.id, [kpi.legacy_rate.id]);
    await expectError(archived, 400, "validation_failed", "driverKpiIds");
    expect(archived.body.error.message).toContain("legacy_rate");
    const many = Array.from(
      { length: 13 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    );
    await expectError(await drivers(kpi.csat.id, many), 400, "validation_failed", "driverKpiIds");
    await expectError(
      await h.request("PUT", `${base}/kpis/${kpi.csat.id}/drivers`, {
        as: owner,
        body: { driverKpiIds: [], extra: true },
      }),
      400,
      "validation_failed",
    );
    await expectError(
      await drivers(kpi.legacy_rate.id, [kpi.csat.id]),
      400,
      "validation_failed",
      "driverKpiIds",
    );
    expect(await fingerprint()).toEqual(before);
  });

  it("keeps organisations apart: another's KPI is unknown as a driver and as a tree", async () => {
    const other = await h.createOwnerWithOrg({
      person: { name: "Mila Janssen" },
      org: { name: "Rijn Cargo" },
    });
    const otherBase = `/api/orgs/${other.org.slug}`;
    const team = await h.ok("POST", `${otherBase}/teams`, {
      as: other.owner,
      body: { name: "Depot Utrecht", kind: "department", methodology: "kpi" },
    });
    const foreign = await h.ok(
      "POST",
      `${otherBase}/kpis`,
      {
        as: other.owner,
        body: world.kpiBody({ key: "on_time_rate", teamId: team.id, ownerUserId: other.owner.userId }),
      },
      201,
    );
    const before = await fingerprint();
    const reply = await drivers(kpi.csat.id, [foreign.id]);
    await expectError(reply, 400, "validation_failed", "driverKpiIds");
    expect(await fingerprint()).toEqual(before);
    await expectError(
      await h.request("GET", `${otherBase}/kpis/${kpi.csat.id}/driver-tree`, { as: other.owner }),
      404,
      "not_found",
    );
    await expectError(
      await h.request("PUT", `${otherBase}/kpis/${kpi.csat.id}/drivers`, {
        as: other.owner,
        body: { driverKpiIds: [] },
      }),
      404,
      "not_found",
    );
    await expectError(
      await h.request("GET", `${base}/kpis/${foreign.id}/driver-tree`, { as: owner }),
      404,
      "not_found",
    );
  });
});

describe("a team's part of the driver tree", () => {
  it("lists every edge touching the team's KPIs with their neighbours", async () => {
    const part = await h.ok("GET", `${base}/teams/${world.hub.id}/driver-tree?scope=team`, {
      as: viewer.client,
    });
    expect(part.team).toEqual({ id: world.hub.id, name: "Hub Hamburg" });
    expect(edgesOf(part)).toEqual(["csat←on_time_rate", "on_time_rate←damage_free_rate"]);
    expect([...part.teamKpiIds].sort()).toEqual([kpi.damage_free_rate.id, kpi.on_time_rate.id].sort());
    expect(part.nodes.find((n: Json) => n.key === "csat")).toMatchObject({
      teamName: "Customer Care",
      status: "red",
    });
    expect(part.nodes.map((n: Json) => n.key)).not.toContain("first_contact_resolution");
  });

  it("is empty for a team whose KPIs drive nothing, and 404 for an unknown team", async () => {
    expect((await drivers(kpi.csat.id, [])).status).toBe(200);
    expect((await drivers(kpi.on_time_rate.id, [])).status).toBe(200);
    const part = await h.ok("GET", `${base}/teams/${care.id}/driver-tree`, { as: viewer.client });
    expect(part).toMatchObject({ scope: "subtree", nodes: [], edges: [], teamKpiIds: [] });
    await expectError(
      await h.request("GET", `${base}/teams/00000000-0000-4000-8000-000000000000/driver-tree`, { as: owner }),
      404,
      "not_found",
    );
  });
});

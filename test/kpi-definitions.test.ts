/**
 * Defining KPIs through the API: who may, what a KPI shows (owner, team, bands), and
 * definitions refused with the field named (bands in the wrong order, a duplicate key, an
 * unknown owner, a currency KPI without its currency). Formula KPIs: computed from their
 * inputs, recomputed when an input is corrected, shown as a tree, grouped into longer
 * periods for charts; loops, unknown keys, syntax Keel does not know and values entered
 * by hand refused. The organisation: support/kpi-team.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, type Harness, type Json, type Member, type SessionClient } from "./support/harness.ts";
import { type KpiTeam, startKpiTeam } from "./support/kpi-team.ts";

let world: KpiTeam;
let h: Harness;
let owner: SessionClient;
let base: string;
let today: string;
let lead: Member;
let outsider: Member;
let viewer: Member;
let kpiBody: KpiTeam["kpiBody"];
let createKpi: KpiTeam["createKpi"];
let fingerprint: KpiTeam["fingerprint"];

beforeAll(async () => {
  world = await startKpiTeam();
  ({ h, owner, base, today, lead, outsider, viewer, kpiBody, createKpi, fingerprint } = world);
});
afterAll(() => world?.close());

describe("defining a KPI", () => {
  it("is for admins and the team's leads, and shows owner, team and bands", async () => {
    await expectError(
      await h.request("POST", `${base}/kpis`, { as: outsider.client, body: kpiBody({ key: "not_mine" }) }),
      403,
      "forbidden",
    );
    const kpi = await createKpi(kpiBody());
    expect(kpi).toMatchObject({
      key: "on_time_rate",
      ownerName: "Anna Krüger",
      teamName: "Hub Hamburg",
      state: "active",
      bands: [
        { effectiveFrom: "2026-01-01", target: 95, greenMin: 92, redMin: 85, greenMax: null, redMax: null },
      ],
      current: { status: "no_data", value: null },
      openEscalation: null,
      version: 1,
    });
  });

  it("refuses bands in the wrong order, naming the field, and writes nothing", async () => {
    const before = await fingerprint();
    const reply = await h.request("POST", `${base}/kpis`, {
      as: lead.client,
      body: kpiBody({
        key: "damage_rate",
        bands: [{ effectiveFrom: "2026-01-01", greenMin: 80, redMin: 90 }],
      }),
    });
    await expectError(reply, 400, "validation_failed");
    expect(reply.body.error.details.issues.map((i: { field: string }) => i.field)).toContain(
      "bands[0].redMin",
    );
    expect(await fingerprint()).toEqual(before);
  });

  it("refuses a duplicate key, an unknown owner and a currency KPI without a currency", async () => {
    await expectError(
      await h.request("POST", `${base}/kpis`, { as: lead.client, body: kpiBody() }),
      409,
      "already_exists",
    );
    const reply = await h.request("POST", `${base}/kpis`, {
      as: lead.client,
      body: kpiBody({
        key: "fuel_cost",
        unit: "currency",
        ownerUserId: "00000000-0000-4000-8000-000000000000",
      }),
    });
    await expectError(reply, 400, "validation_failed");
    const fields = reply.body.error.details.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(["ownerUserId", "currency"]));
  });
});

describe("formulas", () => {
  let orders: Json;
  let revenue: Json;
  beforeAll(async () => {
    orders = await createKpi(
      kpiBody({
        key: "orders",
        name: "Orders",
        unit: "count",
        aggregation: "sum",
        frequency: "monthly",
        bands: [],
      }),
    );
    await createKpi(
      kpiBody({
        key: "avg_order_value",
        name: "Average order value",
        unit: "currency",
        currency: "EUR",
        frequency: "monthly",
        bands: [],
      }),
    );
    await h.ok("POST", `${base}/measurements/bulk`, {
      as: owner,
      body: {
        measurements: [
          { kpi: "orders", date: "2026-09-01", value: 100 },
          { kpi: "orders", date: "2026-10-01", value: 120 },
          { kpi: "avg_order_value", date: "2026-09-01", value: 50 },
          { kpi: "avg_order_value", date: "2026-10-01", value: 55 },
        ],
      },
    });
    revenue = await createKpi(
      kpiBody({
        key: "revenue",
        name: "Revenue",
        unit: "currency",
        currency: "EUR",
        frequency: "monthly",
        aggregation: "sum",
        formula: "orders * avg_order_value",
        bands: [],
      }),
    );
  });

  it("computes its history from the inputs and shows the tree", async () => {
    const page = await h.ok("GET", `${base}/kpis/${revenue.id}/measurements`, { as: viewer.client });
    expect(page.items.map((m: Json) => [m.periodStart, m.value, m.source])).toEqual([
      ["2026-10-01", 6600, "formula"],
      ["2026-09-01", 5000, "formula"],
    ]);
    const tree = await h.ok("GET", `${base}/kpis/${revenue.id}/tree`, { as: viewer.client });
    const byId = new Map(tree.nodes.map((n: Json) => [n.id, n]));
    const root = byId.get(tree.rootId) as Json;
    expect(root.inputIds.map((id: string) => (byId.get(id) as Json).key).sort()).toEqual([
      "avg_order_value",
      "orders",
    ]);
    const up = await h.ok("GET", `${base}/kpis/${orders.id}/tree`, { as: viewer.client });
    expect(up.usedBy.map((k: Json) => k.key)).toEqual(["revenue"]);
  });

  it("recomputes when an input is corrected", async () => {
    await h.ok(
      "POST",
      `${base}/kpis/${orders.id}/measurements`,
      {
        as: lead.client,
        body: { date: "2026-10-01", value: 130, note: "Late orders from the portal" },
      },
      201,
    );
    const page = await h.ok("GET", `${base}/kpis/${revenue.id}/measurements`, { as: viewer.client });
    expect(page.items[0]).toMatchObject({ periodStart: "2026-10-01", value: 7150, revision: 2 });
  });

  it("groups values into longer periods for charts with the KPI's aggregation", async () => {
    const quarters = await h.ok("GET", `${base}/kpis/${orders.id}/series?from=2026-01-01&rollUp=quarterly`, {
      as: viewer.client,
    });
    expect(quarters).toMatchObject({
      frequency: "monthly",
      pointFrequency: "quarterly",
      points: [
        { periodStart: "2026-07-01", value: 100 },
        { periodStart: "2026-10-01", value: 130 },
      ],
    });
    await expectError(
      await h.request("GET", `${base}/kpis/${orders.id}/series?rollUp=weekly`, { as: viewer.client }),
      400,
      "validation_failed",
    );
  });

  it("refuses loops, unknown keys, syntax it does not know and values entered by hand", async () => {
    const loop = await h.request("PATCH", `${base}/kpis/${orders.id}`, {
      as: lead.client,
      body: { version: orders.version, formula: "revenue / avg_order_value" },
    });
    await expectError(loop, 400, "validation_failed");
    expect(loop.body.error.details.issues[0]).toMatchObject({
      field: "formula",
      message: expect.stringContaining("circle"),
    });
    for (const formula of ["orders * margin_rate", "process.exit(1)", "orders > 3"]) {
      const reply = await h.request("POST", `${base}/kpis`, {
        as: lead.client,
        body: kpiBody({ key: "bad_formula", name: "Bad", formula, bands: [] }),
      });
      await expectError(reply, 400, "validation_failed");
      expect(reply.body.error.details.issues[0].field).toBe("formula");
    }
    await expectError(
      await h.request("POST", `${base}/kpis/${revenue.id}/measurements`, {
        as: lead.client,
        body: { date: today, value: 1 },
      }),
      400,
      "validation_failed",
    );
  });
});

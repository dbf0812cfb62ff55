/**
 * KPIs through the API: definitions and their validation, values entered by hand and
 * corrected (the old value stays), bulk loads and CSV imports (all or nothing, with the
 * bad rows named), formulas (computed, recomputed when an input changes, loops and
 * unknown keys refused), the formula tree and a team's board.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../src/db/client.ts";
import { addDays, todayIn } from "../src/domain/dates.ts";
import { periodStartOf } from "../src/domain/kpi/periods.ts";
import { buildTeam } from "./support/factories.ts";
import { tenantFingerprint } from "./support/fingerprint.ts";
import {
  expectError,
  type Harness,
  type Json,
  type Member,
  type OrgRef,
  type SessionClient,
  startHarness,
} from "./support/harness.ts";

let h: Harness;
let owner: SessionClient;
let org: OrgRef;
let base: string;
let lead: Member;
let anna: Member;
let outsider: Member;
let viewer: Member;
let hub: Json;
let today: string;
const weekly = (date: string) => periodStartOf(date, "weekly", { weekStart: 1, fiscalYearStartMonth: 1 });

beforeAll(async () => {
  h = await startHarness();
  h.clock.set("2026-11-18T11:00:00Z"); // a Wednesday
  ({ owner, org } = await h.createOwnerWithOrg({
    person: { name: "Ines Albers" },
    org: { name: "Elbe Freight" },
  }));
  base = `/api/orgs/${org.slug}`;
  today = todayIn("UTC", h.clock.now());
  lead = await h.addPerson(owner, org, "member", { name: "Jonas Petersen" });
  anna = await h.addPerson(owner, org, "member", { name: "Anna Krüger" });
  outsider = await h.addPerson(owner, org, "member", { name: "Paul Weber" });
  viewer = await h.addPerson(owner, org, "viewer", { name: "Lea Hansen" });
  hub = await h.ok("POST", `${base}/teams`, {
    as: owner,
    body: { ...buildTeam({ name: "Hub Hamburg", leadUserId: lead.id }), methodology: "both" },
  });
});
afterAll(() => h?.close());

function kpiBody(overrides: Record<string, unknown> = {}) {
  return {
    key: "on_time_rate",
    name: "On-time delivery rate",
    ownerUserId: anna.id,
    teamId: hub.id,
    unit: "percent",
    decimals: 1,
    direction: "higher_is_better",
    frequency: "weekly",
    aggregation: "average",
    bands: [{ effectiveFrom: "2026-01-01", target: 95, greenMin: 92, redMin: 85 }],
    ...overrides,
  };
}

const createKpi = (body: Record<string, unknown>, as: SessionClient = lead.client) =>
  h.ok("POST", `${base}/kpis`, { as, body }, 201);
const enter = (kpiId: string, body: Record<string, unknown>, as: SessionClient = anna.client) =>
  h.ok("POST", `${base}/kpis/${kpiId}/measurements`, { as, body }, 201);
const fingerprint = () => tenantFingerprint(h.db, org.id);

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

describe("entering values", () => {
  let kpi: Json;
  beforeAll(async () => {
    kpi = await createKpi(kpiBody({ key: "dock_utilisation", name: "Dock utilisation" }));
  });

  it("stores a value for the period containing the date, judged by the bands", async () => {
    const lastWeek = addDays(today, -7);
    const written = await enter(kpi.id, { date: lastWeek, value: 93.5 });
    expect(written).toMatchObject({
      outcome: "created",
      measurement: {
        periodStart: weekly(lastWeek),
        value: 93.5,
        source: "manual",
        authorName: "Anna Krüger",
        revision: 1,
        status: "green",
      },
    });
    const read = await h.ok("GET", `${base}/kpis/${kpi.id}`, { as: viewer.client });
    expect(read.current).toEqual({ periodStart: weekly(lastWeek), value: 93.5, status: "green" });
  });

  it("treats a new value for the same period as a correction that needs a reason and keeps the old one", async () => {
    const lastWeek = addDays(today, -7);
    await expectError(
      await h.request("POST", `${base}/kpis/${kpi.id}/measurements`, {
        as: anna.client,
        body: { date: lastWeek, value: 88 },
      }),
      400,
      "validation_failed",
    );
    const corrected = await enter(kpi.id, {
      date: lastWeek,
      value: 88,
      note: "Scanner outage hid 40 late parcels",
    });
    expect(corrected).toMatchObject({
      outcome: "corrected",
      measurement: { value: 88, revision: 2, status: "amber" },
    });
    const versions = await h.ok("GET", `${base}/kpis/${kpi.id}/measurements/${weekly(lastWeek)}/versions`, {
      as: viewer.client,
    });
    expect(versions.items.map((v: Json) => [v.value, v.revision, v.supersededAt === null])).toEqual([
      [88, 2, true],
      [93.5, 1, false],
    ]);
    expect(versions.items[0].note).toBe("Scanner outage hid 40 late parcels");
    const again = await enter(kpi.id, { date: lastWeek, value: 88 });
    expect(again.outcome).toBe("unchanged");
  });

  it("refuses future dates, people who are not owner or lead, viewers, and archived KPIs", async () => {
    await expectError(
      await h.request("POST", `${base}/kpis/${kpi.id}/measurements`, {
        as: anna.client,
        body: { date: addDays(today, 8), value: 90 },
      }),
      400,
      "validation_failed",
    );
    for (const who of [outsider.client, viewer.client]) {
      await expectError(
        await h.request("POST", `${base}/kpis/${kpi.id}/measurements`, {
          as: who,
          body: { date: today, value: 90 },
        }),
        403,
        "forbidden",
      );
    }
    const archived = await createKpi(kpiBody({ key: "old_metric", name: "Old metric" }));
    await h.ok("PATCH", `${base}/kpis/${archived.id}`, {
      as: lead.client,
      body: { version: 1, state: "archived" },
    });
    const reply = await h.request("POST", `${base}/kpis/${archived.id}/measurements`, {
      as: anna.client,
      body: { date: today, value: 90 },
    });
    await expectError(reply, 400, "validation_failed");
    expect(reply.body.error.details.issues[0]).toMatchObject({ field: "kpi" });
  });
});

describe("bulk values", () => {
  let a: Json;
  let b: Json;
  beforeAll(async () => {
    a = await createKpi(
      kpiBody({
        key: "parcels_sorted",
        name: "Parcels sorted",
        unit: "count",
        aggregation: "sum",
        bands: [],
      }),
    );
    b = await createKpi(
      kpiBody({ key: "trucks_loaded", name: "Trucks loaded", unit: "count", aggregation: "sum", bands: [] }),
    );
  });

  it("writes every row or none, naming the bad rows", async () => {
    const before = await fingerprint();
    const reply = await h.request("POST", `${base}/measurements/bulk`, {
      as: owner,
      body: {
        measurements: [
          { kpi: "parcels_sorted", date: "2026-11-02", value: 1200 },
          { kpi: "no_such_kpi", date: "2026-11-02", value: 5 },
          { kpi: "trucks_loaded", date: "2026-11-03", value: 40 },
          { kpi: "trucks_loaded", date: "2026-11-05", value: 41 },
        ],
      },
    });
    await expectError(reply, 400, "validation_failed");
    expect(reply.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual([
      "measurements[1].kpi",
      "measurements[3].date",
    ]);
    expect(await fingerprint()).toEqual(before);
  });

  it("is idempotent on KPI and period", async () => {
    const body = {
      measurements: [
        { kpi: "parcels_sorted", date: "2026-11-02", value: 1200 },
        { kpi: "parcels_sorted", date: "2026-11-09", value: 1320 },
        { kpi: b.id, date: "2026-11-09", value: 44 },
      ],
    };
    expect(await h.ok("POST", `${base}/measurements/bulk`, { as: owner, body })).toEqual({
      received: 3,
      created: 3,
      corrected: 0,
      unchanged: 0,
    });
    expect(await h.ok("POST", `${base}/measurements/bulk`, { as: owner, body })).toEqual({
      received: 3,
      created: 0,
      corrected: 0,
      unchanged: 3,
    });
    const page = await h.ok("GET", `${base}/kpis/${a.id}/measurements`, { as: viewer.client });
    expect(page.items.map((m: Json) => [m.periodStart, m.value])).toEqual([
      ["2026-11-09", 1320],
      ["2026-11-02", 1200],
    ]);
  });
});

describe("CSV import", () => {
  beforeAll(async () => {
    await createKpi(
      kpiBody({
        key: "claims_open",
        name: "Open claims",
        unit: "count",
        direction: "lower_is_better",
        aggregation: "last",
        bands: [{ effectiveFrom: "2026-01-01", greenMax: 10, redMax: 20 }],
      }),
    );
  });

  it("previews each row, refuses a file with a broken row naming its line, and imports a good one whole", async () => {
    const broken = "kpi,date,value,note\nclaims_open,2026-11-02,12,\nclaims_open,2026-11-09,twelve,\n";
    const preview = await h.ok("POST", `${base}/kpi-imports`, {
      as: lead.client,
      body: { csv: broken, dryRun: true },
    });
    expect(preview.committed).toBe(false);
    expect(preview.errors).toEqual([
      { row: 3, field: "value", message: expect.stringContaining('"twelve" is not a number') },
    ]);
    expect(preview.rows.map((r: Json) => [r.row, r.outcome])).toEqual([
      [2, "create"],
      [3, "error"],
    ]);
    const before = await fingerprint();
    const refused = await h.request("POST", `${base}/kpi-imports`, {
      as: lead.client,
      body: { csv: broken, dryRun: false },
    });
    await expectError(refused, 400, "validation_failed");
    expect(refused.body.error.message).toContain("line 3");
    expect(await fingerprint()).toEqual(before);

    const good = "kpi,date,value\nclaims_open,2026-11-02,12\nclaims_open,2026-11-09,25\n";
    const imported = await h.ok("POST", `${base}/kpi-imports`, {
      as: lead.client,
      body: { csv: good, dryRun: false },
    });
    expect(imported).toMatchObject({ committed: true, outcome: { received: 2, created: 2 } });
    const page = await h.ok("GET", `${base}/kpis?q=claims_open`, { as: viewer.client });
    expect(page.items[0].current).toMatchObject({ value: 25, status: "red" });
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

describe("the team board", () => {
  it("shows every active KPI with a sparkline, and counts statuses", async () => {
    const board = await h.ok("GET", `${base}/teams/${hub.id}/kpi-board`, { as: viewer.client });
    expect(board.team).toEqual({ id: hub.id, name: "Hub Hamburg" });
    const keys = board.kpis.map((k: Json) => k.key);
    expect(keys).toContain("dock_utilisation");
    expect(keys).not.toContain("old_metric");
    const dock = board.kpis.find((k: Json) => k.key === "dock_utilisation");
    expect(dock.sparkline).toEqual([{ periodStart: weekly(addDays(today, -7)), value: 88 }]);
    const total = board.counts.green + board.counts.amber + board.counts.red + board.counts.noData;
    expect(total).toBe(board.kpis.filter((k: Json) => k.current.status !== null).length);
  });

  it("opens one escalation when a KPI turns red, whatever the number of red values", async () => {
    const kpi = await createKpi(
      kpiBody({
        key: "damaged_parcels",
        name: "Damaged parcels",
        direction: "lower_is_better",
        unit: "count",
        aggregation: "sum",
        bands: [{ effectiveFrom: "2026-01-01", greenMax: 5, redMax: 10 }],
      }),
    );
    await enter(kpi.id, { date: addDays(today, -14), value: 14 });
    await enter(kpi.id, { date: addDays(today, -7), value: 18 });
    const read = await h.ok("GET", `${base}/kpis/${kpi.id}`, { as: viewer.client });
    expect(read.openEscalation).toMatchObject({ state: "open", reason: "red" });
    const count = rowsOf<{ n: number }>(
      await h.db.execute(sql`select count(*)::int as n from escalations where kpi_id = ${kpi.id}`),
    )[0]?.n;
    expect(count).toBe(1);
  });
});

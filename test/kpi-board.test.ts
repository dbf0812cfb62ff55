/**
 * A team's KPI board through the API: every active KPI with a sparkline of its values
 * (a corrected value once, at its latest), archived ones left out, and the statuses
 * counted; a KPI turning red opens one escalation however many red values follow. The
 * organisation: support/kpi-team.ts.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../src/db/client.ts";
import { addDays } from "../src/domain/dates.ts";
import type { Harness, Json, Member } from "./support/harness.ts";
import { type KpiTeam, startKpiTeam, weekly } from "./support/kpi-team.ts";

let world: KpiTeam;
let h: Harness;
let base: string;
let today: string;
let lead: Member;
let viewer: Member;
let hub: Json;
let kpiBody: KpiTeam["kpiBody"];
let createKpi: KpiTeam["createKpi"];
let enter: KpiTeam["enter"];

beforeAll(async () => {
  world = await startKpiTeam();
  ({ h, base, today, lead, viewer, hub, kpiBody, createKpi, enter } = world);
});
afterAll(() => world?.close());

describe("the team board", () => {
  // What the hub's people left on it: a KPI with no values yet, one whose value last
  // week was corrected, one without bands, and one archived.
  beforeAll(async () => {
    await createKpi(kpiBody());
    const dock = await createKpi(kpiBody({ key: "dock_utilisation", name: "Dock utilisation" }));
    const lastWeek = addDays(today, -7);
    await enter(dock.id, { date: lastWeek, value: 93.5 });
    await enter(dock.id, { date: lastWeek, value: 88, note: "Scanner outage hid 40 late parcels" });
    const parcels = await createKpi(
      kpiBody({
        key: "parcels_sorted",
        name: "Parcels sorted",
        unit: "count",
        aggregation: "sum",
        bands: [],
      }),
    );
    await enter(parcels.id, { date: lastWeek, value: 1200 });
    const archived = await createKpi(kpiBody({ key: "old_metric", name: "Old metric" }));
    await h.ok("PATCH", `${base}/kpis/${archived.id}`, {
      as: lead.client,
      body: { version: 1, state: "archived" },
    });
  });

  it("shows every active KPI with a sparkline, and counts statuses", async () => {
    const board = await h.ok("GET", `${base}/teams/${hub.id}/kpi-board`, { as: viewer.client });
    expect(board.team).toEqual({ id: hub.id, name: "Hub Hamburg", can: { manageKpis: false } });
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

/**
 * KPI values through the API: entered by hand for the period that holds the date and
 * judged by the bands; a new value for the same period is a correction that needs a
 * reason and keeps the old one; future dates, people who are not owner or lead, viewers
 * and archived KPIs refused. Bulk loads and CSV imports write every row or none, naming
 * the bad rows (or lines), are idempotent on KPI and period, and a CSV can be previewed.
 * The organisation: support/kpi-team.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../src/domain/dates.ts";
import { expectError, type Harness, type Json, type Member, type SessionClient } from "./support/harness.ts";
import { type KpiTeam, startKpiTeam, weekly } from "./support/kpi-team.ts";

let world: KpiTeam;
let h: Harness;
let owner: SessionClient;
let base: string;
let today: string;
let lead: Member;
let anna: Member;
let outsider: Member;
let viewer: Member;
let kpiBody: KpiTeam["kpiBody"];
let createKpi: KpiTeam["createKpi"];
let enter: KpiTeam["enter"];
let fingerprint: KpiTeam["fingerprint"];

beforeAll(async () => {
  world = await startKpiTeam();
  ({ h, owner, base, today, lead, anna, outsider, viewer, kpiBody, createKpi, enter, fingerprint } = world);
});
afterAll(() => world?.close());

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
    expect(read.current).toEqual({
      periodStart: weekly(lastWeek),
      value: 93.5,
      status: "green",
      unusual: null,
    });
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

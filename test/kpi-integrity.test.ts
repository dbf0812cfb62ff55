/**
 * KPI values under pressure: corrections racing each other keep every value in history,
 * a note added later is kept, formulas never show a number their inputs no longer give
 * nor a half-finished period, a new floor judges the value already there, and files are
 * reported by their own line numbers.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { addDays } from "../src/domain/dates.ts";
import { kpisChangedNearTheirLatest } from "../src/server/repositories/measurement-repository.ts";
import { processRecomputeQueue } from "../src/server/services/kpi/recompute-service.ts";
import { buildTeam } from "./support/factories.ts";
import {
  expectError,
  type Harness,
  type Json,
  type OrgRef,
  type SessionClient,
  startHarness,
} from "./support/harness.ts";
import { recomputeSettled } from "./support/kpi.ts";
import { okrApi } from "./support/okr-api.ts";
import { NEEDS_POSTGRES, skipWhen } from "./support/skip.ts";

const onPostgres = inject("keelEngine") === "postgres";

let h: Harness;
let owner: SessionClient;
let org: OrgRef;
let base: string;
let team: Json;

beforeAll(async () => {
  h = await startHarness();
  h.clock.set("2026-11-18T11:00:00Z"); // a Wednesday
  ({ owner, org } = await h.createOwnerWithOrg({
    person: { name: "Ines Albers" },
    org: { name: "Elbe Freight" },
  }));
  base = `/api/orgs/${org.slug}`;
  team = await h.ok("POST", `${base}/teams`, { as: owner, body: buildTeam({ name: "Hub Hamburg" }) });
});
afterAll(() => h?.close());

let keys = 0;
async function kpi(overrides: Record<string, unknown> = {}): Promise<Json> {
  keys++;
  return h.ok(
    "POST",
    `${base}/kpis`,
    {
      as: owner,
      body: {
        key: `metric_${keys}`,
        name: `Metric ${keys}`,
        ownerUserId: owner.userId,
        teamId: team.id,
        unit: "number",
        direction: "higher_is_better",
        frequency: "weekly",
        aggregation: "sum",
        ...overrides,
      },
    },
    201,
  );
}
const enter = (id: string, body: Record<string, unknown>) =>
  h.request("POST", `${base}/kpis/${id}/measurements`, { as: owner, body });
const versions = async (id: string, period: string) =>
  (await h.ok("GET", `${base}/kpis/${id}/measurements/${period}/versions`, { as: owner })).items as Json[];

describe("corrections", () => {
  it("racing each other, keep every value in history with its own revision", async () => {
    const k = await kpi();
    await enter(k.id, { date: "2026-11-09", value: 0 });
    const replies = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((value) => enter(k.id, { date: "2026-11-09", value, note: `recount ${value}` })),
    );
    for (const reply of replies) expect(reply.status, reply.text).toBe(201);
    const all = await versions(k.id, "2026-11-09");
    expect(all.map((v) => v.revision)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(all.map((v) => v.value).sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("keep a note added later to the same value, and stay idempotent without one", async () => {
    const k = await kpi();
    await enter(k.id, { date: "2026-11-09", value: 10 });
    const annotated = await enter(k.id, {
      date: "2026-11-09",
      value: 10,
      note: "Checked with finance: correct",
    });
    expect(annotated.body.outcome).toBe("corrected");
    expect(annotated.body.measurement.note).toBe("Checked with finance: correct");
    expect((await enter(k.id, { date: "2026-11-09", value: 10 })).body.outcome).toBe("unchanged");
    expect((await versions(k.id, "2026-11-09")).length).toBe(2);
  });

  it("refuse dates outside 1900–2999 with a 400", async () => {
    const k = await kpi();
    for (const date of ["0050-03-10", "1899-12-31", "3000-01-01"]) {
      await expectError(await enter(k.id, { date, value: 1 }), 400, "validation_failed");
    }
    await expectError(
      await h.request("POST", `${base}/measurements/bulk`, {
        as: owner,
        body: { measurements: [{ kpi: k.key, date: "0001-01-01", value: 1 }] },
      }),
      400,
      "validation_failed",
    );
  });
});

describe("formulas", () => {
  it("retire a computed value when the inputs stop giving a number", async () => {
    const a = await kpi({ aggregation: "last" });
    const b = await kpi({ aggregation: "last" });
    const ratio = await kpi({ aggregation: "last", formula: `${a.key} / ${b.key}` });
    await enter(a.id, { date: "2026-11-09", value: 10 });
    await enter(b.id, { date: "2026-11-09", value: 2 });
    expect((await h.ok("GET", `${base}/kpis/${ratio.id}`, { as: owner })).current.value).toBe(5);
    await enter(b.id, { date: "2026-11-09", value: 0, note: "Site closed that week" });
    const page = await h.ok("GET", `${base}/kpis/${ratio.id}/measurements`, { as: owner });
    expect(page.items).toEqual([]);
    expect((await versions(ratio.id, "2026-11-09")).map((v) => [v.value, v.supersededAt !== null])).toEqual([
      [5, true],
    ]);
  });

  it("leave out a period still running when an input is finer", async () => {
    const daily = await kpi({ frequency: "daily" });
    const monthly = await kpi({ frequency: "monthly", formula: `${daily.key} * 1` });
    await h.ok("POST", `${base}/measurements/bulk`, {
      as: owner,
      body: {
        measurements: [
          { kpi: daily.key, date: "2026-10-30", value: 30 },
          { kpi: daily.key, date: "2026-10-31", value: 31 },
          { kpi: daily.key, date: "2026-11-02", value: 2 },
        ],
      },
    });
    await recomputeSettled(h, org.id); // bulk loads do not wait for the recompute
    const page = await h.ok("GET", `${base}/kpis/${monthly.id}/measurements`, { as: owner });
    expect(page.items.map((m: Json) => [m.periodStart, m.value])).toEqual([["2026-10-01", 61]]);
  });
});

describe("floors", () => {
  it("judge the value already there when a floor is set", async () => {
    const k = await kpi({ aggregation: "last" });
    const cycle = await okrApi(h, org).createCycle(owner, {
      name: "Q4 2026",
      startsOn: "2026-10-01",
      endsOn: "2026-12-31",
    });
    await enter(k.id, { date: "2026-11-09", value: 50 });
    expect((await h.ok("GET", `${base}/kpis/${k.id}`, { as: owner })).openEscalation).toBeNull();
    await h.ok(
      "POST",
      `${base}/kpi-floors`,
      {
        as: owner,
        body: { teamId: team.id, cycleId: cycle.id, kpiId: k.id, ownerUserId: owner.userId, threshold: 80 },
      },
      201,
    );
    expect((await h.ok("GET", `${base}/kpis/${k.id}`, { as: owner })).openEscalation).toMatchObject({
      reason: "floor",
    });
  });
});

describe("CSV files", () => {
  it("are reported by their own line numbers, and hex is not a number", async () => {
    const k = await kpi();
    const csv = `kpi,date,value,note\n\n${k.key},2026-11-02,1,"two\nlines"\n${k.key},2026-11-09,0x10,\n`;
    const report = await h.ok("POST", `${base}/kpi-imports`, { as: owner, body: { csv, dryRun: true } });
    expect(report.errors).toEqual([{ row: 5, field: "value", message: expect.stringContaining('"0x10"') }]);
    expect(report.rows.map((r: Json) => [r.row, r.outcome])).toEqual([
      [3, "create"],
      [5, "error"],
    ]);
  });
});

describe("a bulk load", () => {
  it("keeps notes and numbers exactly as sent, whatever characters they hold", async () => {
    const k = await kpi({ frequency: "daily" });
    const notes = ['He said "fine", {really}', 'back\\slash \\" and\nnew line', "ünïcødé — ✓", "NULL", ""];
    const values = [0.1 + 0.2, 1e-7, -0, 123456789.123456, -42];
    const measurements = notes.map((note, i) => ({
      kpi: k.key,
      date: `2026-11-0${i + 1}`,
      value: values[i],
      note,
    }));
    await h.ok("POST", `${base}/measurements/bulk`, { as: owner, body: { measurements } });
    const page = await h.ok("GET", `${base}/kpis/${k.id}/measurements?from=2026-11-01`, { as: owner });
    const stored = [...page.items].sort((a: Json, b: Json) => a.periodStart.localeCompare(b.periodStart));
    expect(stored.map((m: Json) => [m.note, m.value])).toEqual(
      notes.map((note, i) => [note.trim(), values[i] === 0 ? 0 : values[i]]),
    );
  });
});

describe("a bulk load with two values for one period", () => {
  it("is refused whole, naming both rows, and writes nothing", async () => {
    const weekly = await kpi();
    const daily = await kpi({ frequency: "daily" });
    const reply = await h.request("POST", `${base}/measurements/bulk`, {
      as: owner,
      body: {
        measurements: [
          { kpi: weekly.key, date: "2026-11-09", value: 1 },
          { kpi: daily.key, date: "2026-11-10", value: 2 },
          { kpi: daily.key, date: "2026-11-11", value: 3 },
          { kpi: weekly.key, date: "2026-11-12", value: 4 }, // the same week as the first row
        ],
      },
    });
    expectError(reply, 400, "validation_failed", "measurements[3].date");
    expect(reply.text).toContain("measurements[0].date");
    for (const k of [weekly, daily]) {
      const page = await h.ok("GET", `${base}/kpis/${k.id}/measurements`, { as: owner });
      expect(page.items).toEqual([]);
    }
  });
});

describe("judging after a write", () => {
  it("looks again at KPIs whose change reaches their newest values, not at old history", async () => {
    const k = await kpi({ closeAfterGreenPeriods: 2, frequency: "daily" });
    const days = Array.from({ length: 12 }, (_, i) => `2026-11-${String(i + 1).padStart(2, "0")}`);
    await h.ok("POST", `${base}/measurements/bulk`, {
      as: owner,
      body: { measurements: days.map((date, i) => ({ kpi: k.key, date, value: i })) },
    });
    // 2 green periods + a margin of 3: a change up to the 5th newest value or later counts.
    const judged = (upTo: string) =>
      kpisChangedNearTheirLatest(h.db, org.id, new Map([[k.id as string, upTo]]), 3);
    expect(await judged("2026-11-01")).toEqual([]);
    expect(await judged("2026-11-07")).toEqual([]);
    expect(await judged("2026-11-08")).toEqual([k.id]);
    expect(await judged("2026-11-12")).toEqual([k.id]);
    expect(await judged("9999-12-31")).toEqual([k.id]); // a status-only request
  });
});

describe("a load of history that ends in the newest periods", () => {
  const banded = () =>
    kpi({ bands: [{ effectiveFrom: "2026-01-01", target: 95, greenMin: 92, redMin: 85 }] });
  const weeks = Array.from({ length: 10 }, (_, i) => addDays("2026-09-07", 7 * i)); // to 2026-11-09

  it("opens the escalation its newest value calls for, in one bulk request", async () => {
    const k = await banded();
    const measurements = weeks.map((date, i) => ({ kpi: k.key, date, value: i === 9 ? 70 : 95 }));
    await h.ok("POST", `${base}/measurements/bulk`, { as: owner, body: { measurements } });
    await recomputeSettled(h, org.id);
    expect((await h.ok("GET", `${base}/kpis/${k.id}`, { as: owner })).openEscalation).toMatchObject({
      reason: "red",
    });
  });

  it("closes an escalation when a correction of old and new periods turns the newest green", async () => {
    const k = await banded();
    await h.ok("POST", `${base}/measurements/bulk`, {
      as: owner,
      body: { measurements: weeks.map((date, i) => ({ kpi: k.key, date, value: i >= 8 ? 70 : 95 })) },
    });
    await recomputeSettled(h, org.id);
    expect((await h.ok("GET", `${base}/kpis/${k.id}`, { as: owner })).openEscalation).not.toBeNull();
    await h.ok("POST", `${base}/measurements/bulk`, {
      as: owner,
      body: {
        measurements: [weeks[0]!, weeks[8]!, weeks[9]!].map((date) => ({
          kpi: k.key,
          date,
          value: 96,
          note: "recounted",
        })),
      },
    });
    await recomputeSettled(h, org.id);
    expect((await h.ok("GET", `${base}/kpis/${k.id}`, { as: owner })).openEscalation).toBeNull();
  });
});

describe("recomputing while a KPI is being edited", () => {
  // Needs a second connection: PGlite runs one transaction at a time.
  skipWhen(!onPostgres && NEEDS_POSTGRES).it(
    "passes the KPI by, without waiting on the edit, and takes it up once the edit is done",
    async () => {
      const k = await kpi();
      await h.db.execute(sql`
        insert into kpi_recompute_queue (organization_id, kpi_id, from_period)
        values (${org.id}, ${k.id}, '9999-12-31')`);
      let processedDuringEdit = -1;
      await h.db.transaction(async (edit) => {
        await edit.execute(
          sql`select 1 from kpis where organization_id = ${org.id} and id = ${k.id} for update`,
        );
        processedDuringEdit = await processRecomputeQueue(h.deps, org.id, [k.id]);
      });
      expect(processedDuringEdit).toBe(0);
      expect(await processRecomputeQueue(h.deps, org.id, [k.id])).toBe(1);
    },
  );
});

describe("the values table itself", () => {
  // Kept by statement-level triggers (migration 0005) rather than a per-row foreign key;
  // these hold for any writer, including an operator's SQL.
  const rowsOf = async <T>(query: ReturnType<typeof sql>) =>
    ((await h.db.execute(query)) as unknown as { rows: T[] }).rows;

  it("refuses a value for a KPI that does not exist, and writes none of the statement", async () => {
    const k = await kpi();
    const write = h.db.execute(sql`
      insert into kpi_measurements (organization_id, kpi_id, period_start, value, source)
      values (${org.id}, ${k.id}, '2026-11-02', 1, 'manual'),
             (${org.id}, '00000000-0000-4000-8000-00000000beef', '2026-11-02', 2, 'manual')`);
    await expect(write).rejects.toMatchObject({ cause: expect.objectContaining({ code: "23503" }) });
    expect(await rowsOf(sql`select 1 from kpi_measurements where kpi_id = ${k.id}`)).toEqual([]);
  });

  it("keeps the replaced value in history whoever updates it", async () => {
    const k = await kpi();
    await enter(k.id, { date: "2026-11-09", value: 10 });
    await h.db.execute(sql`
      update kpi_measurements set value = 12, revision = revision + 1, note = 'recounted by finance'
      where organization_id = ${org.id} and kpi_id = ${k.id}`);
    const versions = await h.ok("GET", `${base}/kpis/${k.id}/measurements/2026-11-09/versions`, {
      as: owner,
    });
    expect(versions.items.map((v: Json) => [v.value, v.revision, v.supersededAt === null])).toEqual([
      [12, 2, true],
      [10, 1, false],
    ]);
  });

  // Needs a second connection: PGlite runs one transaction at a time.
  skipWhen(!onPostgres && NEEDS_POSTGRES).it(
    "keeps a KPI from being deleted while values written for it are not yet committed",
    async () => {
      const k = await kpi();
      await h.db.transaction(async (writer) => {
        await writer.execute(sql`
          insert into kpi_measurements (organization_id, kpi_id, period_start, value, source)
          values (${org.id}, ${k.id}, '2026-11-02', 1, 'manual')`);
        const deleting = h.db.transaction(async (other) => {
          await other.execute(sql`set local lock_timeout = '300ms'`);
          await other.execute(sql`delete from kpis where organization_id = ${org.id} and id = ${k.id}`);
        });
        await expect(deleting).rejects.toMatchObject({ cause: expect.objectContaining({ code: "55P03" }) });
      });
      const rows = await rowsOf(sql`select value from kpi_measurements where kpi_id = ${k.id}`);
      expect(rows).toEqual([{ value: 1 }]);
    },
  );

  it("loses a deleted KPI's values with it", async () => {
    const k = await kpi();
    await enter(k.id, { date: "2026-11-09", value: 10 });
    await h.db.execute(sql`delete from kpi_recompute_queue where kpi_id = ${k.id}`);
    await h.db.execute(sql`delete from kpis where organization_id = ${org.id} and id = ${k.id}`);
    expect(await rowsOf(sql`select 1 from kpi_measurements where kpi_id = ${k.id}`)).toEqual([]);
  });
});

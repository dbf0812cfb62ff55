/**
 * KPI benchmark at the reference size (PRODUCT.md "Scale": 2,000 KPIs, 5,000,000
 * measurements; bench/reference-kpis.ts), against a `keel serve` process:
 *   a. KPI board       GET /teams/{id}/kpi-board for a squad with 20 KPIs (52-point sparklines)
 *   b. KPI detail      GET /kpis/{id} and GET /kpis/{id}/series?from=<5 years ago> (1,826 daily values)
 *   c. bulk ingestion  POST /measurements/bulk, 10,000 values a request, with a service token,
 *                      then the same rows loaded with COPY straight into kpi_measurements
 *                      (PostgreSQL, through psql's \copy), and the ratio of the two times
 * on PostgreSQL (a fresh database keel_bench_kpi_<pid>, dropped afterwards) and on PGlite
 * (a temporary data folder), signed in as the organisation's owner.
 *
 *   npm run bench -- kpi                       # PostgreSQL, full size
 *   node --import tsx bench/kpi.ts --engine postgres|pglite|both --scale 1 --duration 10 \
 *     [--only board,detail,bulk] [--bulk-requests 20] [--bulk-connections 2] [--keep] [--linked-krs 10]
 *   node --import tsx bench/kpi.ts --reuse keel_ref       # a database generate-reference-org.ts filled
 *
 * Latency percentiles are exact (every response time is kept). Prints a Markdown table
 * for docs/benchmarks.md.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { startKeel } from "../scripts/lib/keel-process.ts";
import { addDays, todayIn } from "../src/domain/dates.ts";
import { loadReferenceOrg, type Target } from "./generate-reference-org.ts";
import { linkKeyResultsToKpis } from "./lib/link-key-results.ts";
import { createRecorder, signIn } from "./lib/measure.ts";
import { REFERENCE_SLUG, type Sql } from "./reference-org.ts";

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "kpi"),
  options: {
    engine: { type: "string", default: "postgres" },
    scale: { type: "string", default: "1" },
    duration: { type: "string", default: "10" },
    keep: { type: "boolean", default: false },
    only: { type: "string", default: "board,detail,bulk" },
    "bulk-requests": { type: "string", default: "20" },
    "bulk-connections": { type: "string", default: "2" },
    /** An already generated PostgreSQL database to run against (kept; the bulk rows stay in it). */
    reuse: { type: "string" },
    /** Before the runs, make KRs read this share (%) of the KPIs (PostgreSQL only). */
    "linked-krs": { type: "string", default: "0" },
  },
});
const scale = Number(args.scale);
const duration = Number(args.duration);
const only = new Set(args.only.split(","));
const bulkRequests = Number(args["bulk-requests"]);
const bulkConnections = Number(args["bulk-connections"]);
const base = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432";
const BULK_SIZE = 10_000;

type Targets = {
  boardTeamId: string;
  boardKpis: number;
  detailKpiId: string;
  detailValues: number;
  /** Daily KPIs and the day before their first value: bulk rows go back from there. */
  backfill: Array<{ id: string; key: string; before: string }>;
};

async function pickTargets(db: Sql): Promise<Targets> {
  const one = async <T>(text: string, params: unknown[] = []) => (await db.query(text, params)).rows[0] as T;
  const board = await one<{ team_id: string; n: number }>(
    `select team_id, count(*)::int as n from kpis where state = 'active'
     group by team_id having count(*) = 20 order by team_id limit 1`,
  );
  // The daily KPI whose history is closest to five years: its series from five years ago is all of it.
  const detail = await one<{ kpi_id: string; n: number }>(
    `select m.kpi_id, count(*)::int as n from kpis k join kpi_measurements m on m.organization_id = k.organization_id
       and m.kpi_id = k.id where k.frequency = 'daily' and k.formula is null
     group by m.kpi_id having count(*) >= 1826 order by count(*), m.kpi_id limit 1`,
  );
  const backfill = (
    await db.query(
      `select k.id, k.key, (min(m.period_start) - 1)::text as before
       from kpis k join kpi_measurements m on m.organization_id = k.organization_id and m.kpi_id = k.id
       where k.frequency = 'daily' and k.formula is null group by k.id, k.key order by k.key`,
    )
  ).rows as Targets["backfill"];
  return {
    boardTeamId: board.team_id,
    boardKpis: board.n,
    detailKpiId: detail.kpi_id,
    detailValues: detail.n,
    backfill,
  };
}

const { results, record, load } = createRecorder(duration);
const notes: string[] = [];

async function readScenarios(engine: string, api: string, headers: Record<string, string>, t: Targets) {
  // The targets (PRODUCT.md) are for PostgreSQL; PGlite's figures are recorded only.
  const target = (ms: number) => (engine === "PostgreSQL" ? { p: 95 as const, ms } : undefined);
  const today = todayIn("Europe/Berlin", new Date());
  const urls = {
    board: `${api}/teams/${t.boardTeamId}/kpi-board`,
    kpi: `${api}/kpis/${t.detailKpiId}`,
    series: `${api}/kpis/${t.detailKpiId}/series?from=${addDays(today, -1827)}`,
  };
  for (const [name, url] of Object.entries(urls)) {
    const res = await fetch(url, { headers });
    if (res.status !== 200) throw new Error(`${name} returned ${res.status}: ${await res.text()}`);
    const body = (await res.json()) as { kpis?: Array<{ sparkline: unknown[] }>; points?: unknown[] };
    const what = body.kpis
      ? `${body.kpis.length} KPIs, sparklines of ${body.kpis.map((k) => k.sparkline.length).join("/")} points`
      : body.points
        ? `${body.points.length} points`
        : "one KPI";
    notes.push(`${engine} ${name}: ${JSON.stringify(body).length} bytes, ${what}`);
    console.log(notes.at(-1));
  }
  if (only.has("board")) {
    const board = target(50);
    await load(engine, "KPI board (service time)", { url: urls.board, headers, connections: 1 });
    await load(engine, "KPI board", { url: urls.board, headers, connections: 10 }, board);
    await load(engine, "KPI board", { url: urls.board, headers, connections: 50 }, board);
  }
  if (only.has("detail")) {
    const detail = target(100);
    await load(engine, "KPI detail (service time)", { url: urls.kpi, headers, connections: 1 });
    await load(engine, "KPI detail", { url: urls.kpi, headers, connections: 10 }, detail);
    await load(engine, "5 years of daily values (service time)", {
      url: urls.series,
      headers,
      connections: 1,
    });
    await load(engine, "5 years of daily values", { url: urls.series, headers, connections: 10 }, detail);
  }
}

/** The bulk rows: going back day by day from each daily KPI's first value, 10,000 a request. */
function bulkBatches(t: Targets, requests: number) {
  const rows: Array<{ id: string; key: string; date: string; value: number }> = [];
  const total = requests * BULK_SIZE;
  for (let day = 1; rows.length < total; day++) {
    for (const k of t.backfill) {
      if (rows.length >= total) break;
      rows.push({
        id: k.id,
        key: k.key,
        date: addDays(k.before, 1 - day),
        value: 100 + ((day * 7 + rows.length) % 900) / 10,
      });
    }
  }
  const bodies: string[] = [];
  for (let i = 0; i < rows.length; i += BULK_SIZE) {
    bodies.push(
      JSON.stringify({
        measurements: rows.slice(i, i + BULK_SIZE).map((r) => ({ kpi: r.key, date: r.date, value: r.value })),
      }),
    );
  }
  return { rows, bodies };
}

async function bulkScenario(
  engine: "PostgreSQL" | "PGlite",
  api: string,
  session: { cookie: string; csrfToken: string },
  t: Targets,
  databaseUrl: string | null,
) {
  const created = await fetch(`${api}/tokens`, {
    method: "POST",
    headers: {
      cookie: session.cookie,
      "x-csrf-token": session.csrfToken,
      "content-type": "application/json",
    },
    body: JSON.stringify({ kind: "service", name: "Bench bulk feed", role: "admin" }),
  });
  if (created.status !== 201) throw new Error(`token: ${created.status} ${await created.text()}`);
  const { secret, token } = (await created.json()) as { secret: string; token: { id: string } };
  const { rows, bodies } = bulkBatches(t, bulkRequests);
  const headers = { authorization: `Bearer ${secret}`, "content-type": "application/json" };

  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      const t0 = performance.now();
      const res = await fetch(`${api}/measurements/bulk`, { method: "POST", headers, body });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`bulk: ${res.status} ${text.slice(0, 500)}`);
      const outcome = JSON.parse(text) as { created: number };
      if (outcome.created !== BULK_SIZE) throw new Error(`bulk: created ${outcome.created} of ${BULK_SIZE}`);
      times.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: bulkConnections }, worker));
  const httpMs = performance.now() - started;
  const perSecond = rows.length / (httpMs / 1000);
  record(
    engine,
    `bulk ingestion, ${BULK_SIZE.toLocaleString("en")} values a request, ${rows.length.toLocaleString("en")} values`,
    bulkConnections,
    times,
    times.length / (httpMs / 1000),
    undefined,
    `${Math.round(perSecond).toLocaleString("en")} measurements/s${engine === "PostgreSQL" ? ` (target ≥ 50,000: ${perSecond >= 50_000 ? "met" : "missed"})` : ""} in ${(httpMs / 1000).toFixed(2)} s`,
  );
  if (!databaseUrl) {
    notes.push(
      `${engine}: COPY comparison not run (PGlite has no server to copy into while keel serve holds it)`,
    );
    return;
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // The recompute after each request (status, escalations) works off the queue in the
    // background; say how long until it is empty.
    const drainStarted = performance.now();
    for (;;) {
      const { rows: q } = await client.query("select count(*)::int as n from kpi_recompute_queue");
      if ((q[0] as { n: number }).n === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    notes.push(
      `${engine}: recompute queue empty ${((performance.now() - drainStarted) / 1000).toFixed(2)} s after the last bulk answer`,
    );
    const { rows: org } = await client.query("select id from organizations where slug = $1", [
      REFERENCE_SLUG,
    ]);
    const organizationId = (org[0] as { id: string }).id;
    // The same rows again, now with COPY: first remove what the bulk requests wrote, and
    // vacuum, so COPY finds the table as the first run found it (COPY gets the index
    // pages the delete freed: if anything, this favours COPY).
    const removed = await client.query(
      "delete from kpi_measurements where organization_id = $1 and token_id = $2",
      [organizationId, token.id],
    );
    if (removed.rowCount !== rows.length)
      throw new Error(`removed ${removed.rowCount} rows, expected ${rows.length}`);
    await client.query("vacuum analyze kpi_measurements");
    const file = path.join(os.tmpdir(), `keel-bench-kpi-${process.pid}.csv`);
    fs.writeFileSync(
      file,
      rows.map((r) => `${organizationId},${r.id},${r.date},${r.value},api,${token.id},""`).join("\n"),
    );
    const copyStarted = performance.now();
    const copy = spawnSync(
      "psql",
      [
        databaseUrl,
        "-v",
        "ON_ERROR_STOP=1",
        "-c",
        `\\copy kpi_measurements (organization_id, kpi_id, period_start, value, source, token_id, note) from '${file}' with (format csv)`,
      ],
      { encoding: "utf8" },
    );
    const copyMs = performance.now() - copyStarted;
    fs.rmSync(file, { force: true });
    if (copy.status !== 0) throw new Error(`psql \\copy failed: ${copy.stderr}`);
    const ratio = httpMs / copyMs;
    notes.push(
      `${engine}: COPY of the same ${rows.length.toLocaleString("en")} rows (psql \\copy, CSV): ${(copyMs / 1000).toFixed(2)} s = ` +
        `${Math.round(rows.length / (copyMs / 1000)).toLocaleString("en")} rows/s; bulk over HTTP took ${ratio.toFixed(2)}× as long ` +
        `(target ≤ 3×: ${ratio <= 3 ? "met" : "missed"})`,
    );
    console.log(notes.at(-1));
  } finally {
    await client.end();
  }
}

async function benchEngine(engine: "PostgreSQL" | "PGlite", port: number) {
  let target: Target;
  let cleanup: () => Promise<void>;
  let env: Record<string, string>;
  let databaseUrl: string | null = null;
  if (engine === "PostgreSQL" && args.reuse) {
    databaseUrl = `${base}/${args.reuse}`;
    target = { databaseUrl };
    env = { DATABASE_URL: databaseUrl };
    cleanup = async () => {};
  } else if (engine === "PostgreSQL") {
    const admin = new pg.Client({ connectionString: `${base}/postgres` });
    await admin.connect();
    const name = `keel_bench_kpi_${process.pid}`;
    await admin.query(`create database ${name}`);
    databaseUrl = `${base}/${name}`;
    target = { databaseUrl };
    env = { DATABASE_URL: databaseUrl };
    cleanup = async () => {
      if (!args.keep) await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keel-bench-kpi-"));
    target = { dataDir: dir };
    env = { KEEL_DATA_DIR: dir };
    cleanup = async () => {
      if (!args.keep) fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  try {
    let targets: Targets | undefined;
    if (args.reuse && databaseUrl) {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      targets = await pickTargets({ query: (text, params) => client.query(text, params as unknown[]) });
      await client.end();
      notes.push(`${engine}: reused database ${args.reuse}`);
      return await runAgainst(engine, env, port, targets, databaseUrl);
    }
    const loaded = await loadReferenceOrg(target, {
      scale,
      log: (line) => console.log(`${engine}${line}`),
      inspect: async (db) => {
        targets = await pickTargets(db);
      },
    });
    const orphans = Object.entries(loaded.orphans).filter(([, n]) => n > 0);
    if (orphans.length > 0) throw new Error(`inconsistent data: ${JSON.stringify(orphans)}`);
    const c = loaded.counts;
    notes.push(
      `${engine}: generated ${c.kpis} KPIs, ${c.kpi_measurements} measurements (${c.kpi_measurement_history} corrected), ` +
        `${c.kpi_bands} band versions, ${c.escalations} open escalations, with ${c.check_ins} check-ins and ${c.users} people, ` +
        `in ${(loaded.loadMs / 1000).toFixed(1)} s (+ ${(loaded.migrateMs / 1000).toFixed(1)} s migrations); ` +
        `KPI steps: ${loaded.steps
          .filter(([s]) => /KPI|measurements|corrections|escalations|analyze/.test(s))
          .map(([s, ms]) => `${s} ${(ms / 1000).toFixed(1)} s`)
          .join(", ")}`,
    );
    console.log(notes.at(-1));
    await runAgainst(engine, env, port, targets!, databaseUrl);
  } finally {
    await cleanup();
  }
}

async function runAgainst(
  engine: "PostgreSQL" | "PGlite",
  env: Record<string, string>,
  port: number,
  targets: Targets,
  databaseUrl: string | null,
) {
  const linkedPercent = Number(args["linked-krs"]);
  if (linkedPercent > 0 && databaseUrl) {
    const linked = await linkKeyResultsToKpis(databaseUrl, linkedPercent);
    notes.push(
      `${engine}: KRs read ${linked.kpis} of ${linked.total} KPIs (${linked.daily} of the ${linked.total_daily} daily ones the bulk rows go to)`,
    );
  }
  const server = await startKeel(env, port);
  const loadAverage = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ");
  try {
    const session = await signIn(port);
    const api = `http://127.0.0.1:${port}/api/orgs/${REFERENCE_SLUG}`;
    notes.push(`${engine}: load average ${loadAverage()} before the runs`);
    if (only.has("board") || only.has("detail"))
      await readScenarios(engine, api, { cookie: session.cookie }, targets);
    if (only.has("bulk")) await bulkScenario(engine, api, session, targets, databaseUrl);
    notes.push(`${engine}: load average ${loadAverage()} after the runs`);
  } finally {
    await server.stop();
  }
}

const engines =
  args.engine === "both" ? ["PostgreSQL", "PGlite"] : [args.engine === "pglite" ? "PGlite" : "PostgreSQL"];
for (const [i, engine] of engines.entries()) await benchEngine(engine as "PostgreSQL" | "PGlite", 3421 + i);

console.log(
  `\n| engine | measure | connections | p50 | p95 | p99 | req/s | target |\n| --- | --- | --- | --- | --- | --- | --- | --- |`,
);
for (const m of results) {
  const verdict = m.target ? `${m.target}: ${m.met ? "met" : "**missed**"}` : (m.extra ?? "");
  console.log(
    `| ${m.engine} | ${m.scenario} | ${m.connections} | ${m.p50.toFixed(1)} ms | ${m.p95.toFixed(1)} ms | ${m.p99.toFixed(1)} ms | ${Math.round(m.rps)} | ${verdict} |`,
  );
}
console.log("");
for (const line of notes) console.log(`- ${line}`);
console.log(
  `\nscale ${scale}, ${duration} s per run; machine: ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 16)}Z`,
);

/**
 * `npm run bench`: Keel's figures, printed as a Markdown table for docs/benchmarks.md.
 *   startup      time from `keel serve` to /api/ready 200, on an empty and an existing data folder
 *   team tree    autocannon, 50 connections, 10 s, authenticated GET of the demo's team tree,
 *                on PGlite and on PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432)
 * Run one part with `npm run bench -- startup` or `npm run bench -- tree`.
 *   okr          the OKR benchmark at the reference size (bench/okr.ts; only when asked for:
 *                it generates 1,000,000 check-ins per engine): `npm run bench -- okr [--engine …]`
 *   kpi          the KPI benchmark at the reference size (bench/kpi.ts; only when asked for:
 *                it generates 5,000,000 measurements): `npm run bench -- kpi [--engine …]`
 *   leadership   the leadership home at the reference size against the plain SQL of its facts
 *                (bench/leadership.ts; only when asked for): `npm run bench -- leadership --reuse <database>`
 *   strategy     the strategy board and map at the reference size (bench/strategy.ts; only when
 *                asked for): `npm run bench -- strategy [--reuse <database>]`
 *   outage       time to 503 with PostgreSQL down and frozen (bench/outage.ts; only when asked for)
 *   notes        check-in note analyzer throughput, notes/s on one core (bench/notes.ts; only when asked for)
 *   forecast     the KR forecaster's backtest: synthetic quarters and the demo's closed quarter
 *                (bench/forecast.ts; only when asked for): `npm run bench -- forecast`
 *   notes-backfill  keel backfill-note-signals on PostgreSQL, notes/s end to end (bench/notes-backfill.ts; only when asked for)
 *   kpi-anomaly  unusual KPI values: precision and recall on synthetic series (bench/kpi-anomaly.ts)
 *   okr-lint     the OKR linter's wording rules: quality per labelled set and time per draft
 *                (bench/okr-lint.ts; only when asked for): `npm run bench -- okr-lint`
 *   okr-lint-http the OKR linter through HTTP on the demo: one draft, and a cycle's health check,
 *                on PGlite and PostgreSQL (bench/okr-lint-http.ts; only when asked for)
 *   report-pdf   the consolidated report's PDF of the demo's largest division and of the whole
 *                organisation, on PGlite and PostgreSQL (bench/report-pdf.ts; only when asked for)
 *   okr-lint-cycle the health check (a whole cycle linted) at the reference size on PostgreSQL
 *                (bench/okr-lint-cycle.ts; only when asked for)
 *   live         a live event from instance A to an SSE client of instance B on PostgreSQL,
 *                p50/p95 over 100 events (bench/live-events.ts; only when asked for)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { setUpDemo, startKeel } from "../scripts/lib/keel-process.ts";

const only = process.argv[2];
if (only === "okr") {
  await import("./okr.ts");
  process.exit(0);
}
if (only === "kpi") {
  await import("./kpi.ts");
  process.exit(0);
}
if (only === "kpi-anomaly") {
  await import("./kpi-anomaly.ts");
  process.exit(0);
}
if (only === "live") {
  await import("./live-events.ts");
  process.exit(0);
}
if (only === "okr-lint") {
  await import("./okr-lint.ts");
  process.exit(0);
}
if (only === "okr-lint-cycle") {
  await import("./okr-lint-cycle.ts");
  process.exit(0);
}
if (only === "report-pdf") {
  await import("./report-pdf.ts");
  process.exit(0);
}
if (only === "okr-lint-http") {
  await import("./okr-lint-http.ts");
  process.exit(0);
}
if (only === "leadership") {
  await import("./leadership.ts");
  process.exit(0);
}
if (only === "strategy") {
  await import("./strategy.ts");
  process.exit(0);
}
if (only === "outage") {
  await import("./outage.ts");
  process.exit(0);
}
if (only === "forecast") {
  await import("./forecast.ts");
  process.exit(0);
}
if (only === "notes") {
  await import("./notes.ts");
  process.exit(0);
}
if (only === "notes-backfill") {
  await import("./notes-backfill.ts");
  process.exit(0);
}
const rows: string[][] = [];
const record = (what: string, value: string, note = "") => {
  rows.push([what, value, note]);
  console.log(`${what}: ${value} ${note}`);
};

async function benchStartup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keel-bench-"));
  const first = await startKeel({ KEEL_DATA_DIR: dir }, 3401);
  await first.stop();
  record(
    "startup, empty data folder → /api/ready",
    `${(first.readyMs / 1000).toFixed(2)} s`,
    "PGlite, migrations included",
  );
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const again = await startKeel({ KEEL_DATA_DIR: dir }, 3401);
    times.push(again.readyMs);
    await again.stop();
  }
  const best = Math.min(...times);
  record("startup, existing data folder → /api/ready", `${(best / 1000).toFixed(2)} s`, "PGlite, best of 3");
  fs.rmSync(dir, { recursive: true, force: true });
}

async function loadTree(label: string, env: Record<string, string>, port: number) {
  const server = await startKeel(env, port);
  try {
    const cookie = await setUpDemo(port);
    const url = `http://127.0.0.1:${port}/api/orgs/nordwind-logistics/teams/tree`;
    const check = await fetch(url, { headers: { cookie } });
    if (check.status !== 200) throw new Error(`tree returned ${check.status}`);
    type Node = { children: Node[] };
    const count = (nodes: Node[]): number => nodes.reduce((n, t) => n + 1 + count(t.children), 0);
    const teams = count(((await check.json()) as { roots: Node[] }).roots);
    const result = await autocannon({ url, connections: 50, duration: 10, headers: { cookie } });
    if (result.non2xx > 0 || result.errors > 0) {
      throw new Error(`${result.non2xx} non-2xx responses and ${result.errors} errors`);
    }
    record(
      `team tree (demo, ${teams} teams), ${label}`,
      `${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms`,
      `autocannon 50 connections 10 s, ${result.requests.total} requests`,
    );
  } finally {
    await server.stop();
  }
}

async function benchTree() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keel-bench-"));
  await loadTree("PGlite", { KEEL_DATA_DIR: dir }, 3402);
  fs.rmSync(dir, { recursive: true, force: true });

  const base = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432";
  const admin = new pg.Client({ connectionString: `${base}/postgres` });
  try {
    await admin.connect();
  } catch {
    record("team tree, PostgreSQL", "skipped", `no PostgreSQL at ${base}`);
    return;
  }
  const db = `keel_bench_${process.pid}`;
  await admin.query(`create database ${db}`);
  try {
    await loadTree("PostgreSQL", { DATABASE_URL: `${base}/${db}` }, 3403);
  } finally {
    await admin.query(`drop database if exists ${db} with (force)`);
    await admin.end();
  }
}

if (!only || only === "startup") await benchStartup();
if (!only || only === "tree") await benchTree();

console.log(`\n| measure | result | how |\n| --- | --- | --- |`);
for (const [a, b, c] of rows) console.log(`| ${a} | ${b} | ${c} |`);
console.log(
  `\nmachine: ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
);

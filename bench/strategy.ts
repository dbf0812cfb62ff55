/**
 * Strategy benchmark at the reference size (PRODUCT.md "Scale": 2,000 KPIs with 5,000,000
 * measurements, 20,000 Objectives, 80,000 KRs, 4 cycles; bench/reference-org.ts), against a
 * `keel serve` process on PostgreSQL, signed in as the organisation's admin:
 *   a. strategy board  GET /strategy-board (default cycle: the active quarter): every
 *                      active KPI and every live Objective of the cycle, by theme, with counts
 *   b. strategy map    GET /strategy-map (the themed Objectives of the cycle and the edges)
 *
 *   npm run bench -- strategy                               # generates keel_bench_strategy_<pid>, dropped afterwards
 *   node --import tsx bench/strategy.ts --reuse keel_ref    # a database generate-reference-org.ts filled
 *     [--scale 1] [--duration 10] [--keep]
 *
 * Latency percentiles are exact (every response time is kept). Prints a Markdown table.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { startKeel } from "../scripts/lib/keel-process.ts";
import { loadReferenceOrg } from "./generate-reference-org.ts";
import { createRecorder, signIn } from "./lib/measure.ts";
import { REFERENCE_SLUG } from "./reference-org.ts";

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "strategy"),
  options: {
    scale: { type: "string", default: "1" },
    duration: { type: "string", default: "10" },
    keep: { type: "boolean", default: false },
    reuse: { type: "string" },
  },
});
const duration = Number(args.duration);
const base = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432";
const { results, load } = createRecorder(duration);
const notes: string[] = [];
const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

async function database(): Promise<{ url: string; cleanup: () => Promise<void> }> {
  if (args.reuse) return { url: `${base}/${args.reuse}`, cleanup: async () => {} };
  const admin = new pg.Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  const name = `keel_bench_strategy_${process.pid}`;
  await admin.query(`create database ${name}`);
  const url = `${base}/${name}`;
  const loaded = await loadReferenceOrg(
    { databaseUrl: url },
    { scale: Number(args.scale), log: (line) => console.log(`PostgreSQL${line}`) },
  );
  notes.push(`generated in ${(loaded.loadMs / 1000).toFixed(1)} s at scale ${args.scale}`);
  return {
    url,
    cleanup: async () => {
      if (!args.keep) await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

const db = await database();
const port = 3431;
const server = await startKeel({ DATABASE_URL: db.url }, port);
try {
  const { cookie } = await signIn(port);
  const headers = { cookie };
  const api = `http://127.0.0.1:${port}/api/orgs/${REFERENCE_SLUG}`;
  const urls = { board: `${api}/strategy-board`, map: `${api}/strategy-map` };
  for (const [name, url] of Object.entries(urls)) {
    const res = await fetch(url, { headers });
    if (res.status !== 200) throw new Error(`${name} returned ${res.status}: ${await res.text()}`);
    const text = await res.text();
    const body = JSON.parse(text) as {
      groups?: Array<{ kpis: unknown[]; objectives: unknown[] }>;
      objectives?: unknown[];
      edges?: unknown[];
    };
    const what = body.groups
      ? `${body.groups.reduce((n, g) => n + g.kpis.length, 0)} KPIs, ${body.groups.reduce((n, g) => n + g.objectives.length, 0)} Objectives in ${body.groups.length} groups`
      : `${body.objectives?.length} Objectives, ${body.edges?.length} edges`;
    notes.push(`${name}: ${text.length.toLocaleString("en")} bytes of JSON (uncompressed), ${what}`);
    console.log(notes.at(-1));
  }
  notes.push(`load average ${loadAverage()} before the runs`);
  const target = { p: 95 as const, ms: 150 };
  await load(
    "PostgreSQL",
    "strategy board (service time)",
    { url: urls.board, headers, connections: 1 },
    target,
  );
  await load("PostgreSQL", "strategy board", { url: urls.board, headers, connections: 10 }, target);
  await load("PostgreSQL", "strategy map (service time)", { url: urls.map, headers, connections: 1 });
  notes.push(`load average ${loadAverage()} after the runs`);
} finally {
  await server.stop();
  await db.cleanup();
}

console.log(
  "\n| engine | measure | connections | p50 | p95 | p99 | req/s | target |\n| --- | --- | --- | --- | --- | --- | --- | --- |",
);
for (const m of results) {
  const verdict = m.target ? `${m.target}: ${m.met ? "met" : "**missed**"}` : "";
  console.log(
    `| ${m.engine} | ${m.scenario} | ${m.connections} | ${m.p50.toFixed(1)} ms | ${m.p95.toFixed(1)} ms | ${m.p99.toFixed(1)} ms | ${Math.round(m.rps)} | ${verdict} |`,
  );
}
console.log("");
for (const line of notes) console.log(`- ${line}`);
console.log(
  `\n${duration} s per run; machine: ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 16)}Z`,
);

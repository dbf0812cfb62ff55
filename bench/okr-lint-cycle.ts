/**
 * The OKR linter on a whole cycle at the reference size (bench/reference-org.ts: the active
 * quarter holds about 5,400 Objectives and 21,600 KRs), on PostgreSQL, through HTTP as the
 * organisation's admin: `GET /health-check?cycleId=` (every live Objective's findings; one
 * context statement for the cycle). Target: under 2 s.
 *
 *   npm run bench -- okr-lint-cycle                               # generates a database, dropped afterwards
 *   node --import tsx bench/okr-lint-cycle.ts --reuse keel_ref    # a database generate-reference-org.ts filled
 */
import os from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { startKeel } from "../scripts/lib/keel-process.ts";
import { loadReferenceOrg } from "./generate-reference-org.ts";
import { signIn } from "./lib/measure.ts";
import { REFERENCE_SLUG } from "./reference-org.ts";

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "okr-lint-cycle"),
  options: { scale: { type: "string", default: "1" }, reuse: { type: "string" } },
});
const base = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432";
const admin = new pg.Client({ connectionString: `${base}/postgres` });
await admin.connect();
const name = args.reuse ?? `keel_bench_lint_cycle_${process.pid}`;
if (!args.reuse) {
  await admin.query(`create database ${name}`);
  const loaded = await loadReferenceOrg(
    { databaseUrl: `${base}/${name}` },
    { scale: Number(args.scale), log: (line) => console.log(`PostgreSQL${line}`) },
  );
  console.log(`generated in ${(loaded.loadMs / 1000).toFixed(1)} s at scale ${args.scale}`);
}
const port = 3441;
const server = await startKeel({ DATABASE_URL: `${base}/${name}` }, port);
try {
  const { cookie } = await signIn(port);
  const api = `http://127.0.0.1:${port}/api/orgs/${REFERENCE_SLUG}`;
  const cycles = (await (await fetch(`${api}/cycles?limit=50`, { headers: { cookie } })).json()) as {
    items: Array<{ id: string; name: string; state: string }>;
  };
  const cycle = cycles.items.find((c) => c.state === "active");
  if (!cycle) throw new Error("no active cycle");
  const times: number[] = [];
  let summary = "";
  for (let i = 0; i < 4; i += 1) {
    const started = performance.now();
    const res = await fetch(`${api}/health-check?cycleId=${cycle.id}`, { headers: { cookie } });
    const body = (await res.json()) as { objectives: unknown[]; open: number; dismissed: number };
    times.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`health check answered ${res.status}`);
    summary = `${body.objectives.length} Objectives, ${body.open} open findings`;
  }
  const [, ...warm] = times;
  warm.sort((a, b) => a - b);
  console.log(
    `| health check of ${cycle.name} at the reference size (${summary}), PostgreSQL | first ${(times[0] as number).toFixed(0)} ms, then median ${(warm[1] as number).toFixed(0)} ms | 4 sequential requests; load ${os.loadavg()[0]?.toFixed(1)} |`,
  );
} finally {
  await server.stop();
  if (!args.reuse) await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}

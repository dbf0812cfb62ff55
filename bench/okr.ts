/**
 * OKR benchmark at the reference size (PRODUCT.md "Scale"), against a `keel serve` process:
 *   a. team OKR page       GET /objectives?cycleId&teamId for a typical squad (4 Objectives, 16 KRs)
 *   b. Objective + history GET /objectives/{id} and GET /key-results/{id}/check-ins (91 check-ins)
 *   c. division alignment  GET /alignment?cycleId&teamId=<a division>
 *   d. writing a check-in  POST /key-results/{id}/check-ins, rotating over 2,000 active KRs
 * on PostgreSQL (a fresh database keel_bench_okr_<pid>, dropped afterwards) and on PGlite
 * (a temporary data folder), signed in as the organisation's owner.
 *
 *   npm run bench -- okr                       # both engines, full size
 *   node --import tsx bench/okr.ts --engine postgres --scale 1 --duration 10 [--only team,history,alignment,writes] [--keep]
 *
 * Latency percentiles are exact (every response time is kept), not autocannon's buckets,
 * because the targets are p95. Prints a Markdown table for docs/benchmarks.md.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type autocannon from "autocannon";
import pg from "pg";
import { startKeel } from "../scripts/lib/keel-process.ts";
import { loadReferenceOrg, type Target } from "./generate-reference-org.ts";
import { createRecorder, signIn } from "./lib/measure.ts";
import type { Sql } from "./reference-org.ts";

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "okr"),
  options: {
    engine: { type: "string", default: "both" },
    scale: { type: "string", default: "1" },
    duration: { type: "string", default: "10" },
    keep: { type: "boolean", default: false },
    /** Comma-separated subset of: team, history, alignment, writes. */
    only: { type: "string", default: "team,history,alignment,writes" },
  },
});
const scale = Number(args.scale);
const duration = Number(args.duration);
const only = new Set(args.only.split(","));
const base = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432";

type Targets = {
  slug: string;
  activeCycleId: string;
  closedCycleId: string;
  squadId: string;
  squadObjectives: number;
  divisionId: string;
  historyObjectiveId: string;
  historyKeyResultId: string;
  historyCheckIns: number;
  writeKeyResults: Array<{ id: string; kind: string }>;
};

/** The ids the scenarios need, read from the generated database before it is served. */
async function pickTargets(db: Sql): Promise<Targets> {
  const one = async <T>(text: string, params: unknown[] = []) => (await db.query(text, params)).rows[0] as T;
  const active = await one<{ id: string }>("select id from cycles where state = 'active'");
  const closed = await one<{ id: string }>(
    "select id from cycles where state = 'closed' order by starts_on desc",
  );
  const squad = await one<{ id: string; n: number }>(
    `select t.id, count(*)::int as n from objectives o join teams t on t.organization_id = o.organization_id and t.id = o.team_id
     where o.cycle_id = $1 and t.kind = 'squad' group by t.id having count(*) = 4 order by t.id limit 1`,
    [active.id],
  );
  const division = await one<{ id: string }>(
    "select id from teams where kind = 'division' order by name limit 1",
  );
  const history = await one<{ objective_id: string; key_result_id: string; n: number }>(
    `select k.objective_id, k.id as key_result_id, c.n from key_results k
     join (select key_result_id, count(*)::int as n from check_ins group by key_result_id) c on c.key_result_id = k.id
     order by c.n desc, k.id limit 1`,
  );
  const writes = (
    await db.query(
      `select k.id, k.kind from key_results k join objectives o on o.organization_id = k.organization_id and o.id = k.objective_id
       where o.cycle_id = $1 and k.kind in ('metric', 'percentage') order by k.id limit 2000`,
      [active.id],
    )
  ).rows as Array<{ id: string; kind: string }>;
  return {
    slug: "reference-logistics",
    activeCycleId: active.id,
    closedCycleId: closed.id,
    squadId: squad.id,
    squadObjectives: squad.n,
    divisionId: division.id,
    historyObjectiveId: history.objective_id,
    historyKeyResultId: history.key_result_id,
    historyCheckIns: history.n,
    writeKeyResults: writes,
  };
}

const { results, record, load } = createRecorder(duration);
const loads: string[] = [];

/**
 * Open loop: requests sent at evenly spaced moments (`rate` a second), whether or not
 * earlier ones were answered, as independent clients would. autocannon's own rate limit
 * sends each second's requests in a burst, which measures the burst.
 */
async function openLoop(
  engine: string,
  scenario: string,
  rate: number,
  send: () => Promise<Response>,
  target?: { p: 95 | 99; ms: number },
) {
  const times: number[] = [];
  const pending: Array<Promise<void>> = [];
  let failures = 0;
  let inFlight = 0;
  let mostInFlight = 0;
  const started = performance.now();
  let sent = 0;
  while (performance.now() - started < duration * 1000) {
    const due = Math.floor(((performance.now() - started) / 1000) * rate);
    for (; sent < due; sent++) {
      const t0 = performance.now();
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      pending.push(
        send().then(async (res) => {
          await res.arrayBuffer();
          inFlight--;
          if (res.status >= 300) failures++;
          times.push(performance.now() - t0);
        }),
      );
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  await Promise.all(pending);
  if (failures > 0) throw new Error(`${scenario}: ${failures} failed requests`);
  const m = record(engine, scenario, mostInFlight, times, times.length / duration, target);
  return m;
}

async function runScenarios(engine: "PostgreSQL" | "PGlite", port: number, t: Targets) {
  const { cookie, csrfToken } = await signIn(port);
  const headers = { cookie };
  const api = `http://127.0.0.1:${port}/api/orgs/${t.slug}`;
  const readTarget = { p: 95 as const, ms: engine === "PostgreSQL" ? 50 : 150 };
  const urls = {
    team: `${api}/objectives?cycleId=${t.activeCycleId}&teamId=${t.squadId}`,
    objective: `${api}/objectives/${t.historyObjectiveId}`,
    history: `${api}/key-results/${t.historyKeyResultId}/check-ins`,
    alignment: `${api}/alignment?cycleId=${t.activeCycleId}&teamId=${t.divisionId}`,
  };
  // Sanity and warm-up: each page answers, with what the scenario claims to load.
  for (const [name, url] of Object.entries(urls)) {
    const res = await fetch(url, { headers });
    if (res.status !== 200) throw new Error(`${name} returned ${res.status}: ${await res.text()}`);
    const body = (await res.json()) as { items?: unknown[]; roots?: unknown[] };
    console.log(
      `${engine} ${name}: ${JSON.stringify(body).length} bytes, ${body.items?.length ?? body.roots?.length ?? 1} items`,
    );
  }
  loads.push(
    `${engine}: load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")} before the runs`,
  );

  if (only.has("team")) {
    await load(engine, "team page (service time)", { url: urls.team, headers, connections: 1 });
    await load(engine, "team page", { url: urls.team, headers, connections: 10 }, readTarget);
    await load(engine, "team page", { url: urls.team, headers, connections: 50 }, readTarget);
  }
  if (only.has("history")) await benchHistory(engine, urls, headers, readTarget, t.historyCheckIns);
  if (only.has("alignment")) await benchAlignment(engine, urls.alignment, headers);
  if (only.has("writes")) await benchWrites(engine, api, cookie, csrfToken, t);
}

async function benchHistory(
  engine: string,
  urls: { objective: string; history: string },
  headers: Record<string, string>,
  readTarget: { p: 95; ms: number },
  historyCheckIns: number,
) {
  await load(
    engine,
    "Objective with long history",
    { url: urls.objective, headers, connections: 10 },
    readTarget,
  );
  await load(
    engine,
    `check-in history (${historyCheckIns} check-ins)`,
    { url: urls.history, headers, connections: 10 },
    readTarget,
  );
}

async function benchAlignment(engine: string, url: string, headers: Record<string, string>) {
  // One request at a time first: when that alone takes seconds, ten at once only queue.
  const alone = await load(
    engine,
    "division alignment tree (service time)",
    { url, headers, connections: 1, amount: 10 },
    { p: 95, ms: 200 },
  );
  if (alone.p50 < 1000) {
    await load(engine, "division alignment tree", { url, headers, connections: 10 }, { p: 95, ms: 200 });
  } else {
    console.log(
      `${engine} division alignment tree c=10: skipped, one request alone takes ${alone.p50.toFixed(0)} ms`,
    );
  }
}

async function benchWrites(engine: string, api: string, cookie: string, csrfToken: string, t: Targets) {
  let next = 0;
  const krs = t.writeKeyResults;
  const body = (kind: string) =>
    JSON.stringify({
      value: kind === "percentage" ? 40 + (next % 50) : 50 + (next % 40),
      confidence: 3 + (next % 7),
      note: "Moving the right way; the new process at the depot helps.",
    });
  const writes = (extra: Partial<autocannon.Options>): autocannon.Options => ({
    url: api,
    connections: 50,
    headers: { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" },
    requests: [
      {
        method: "POST",
        setupRequest: (req) => {
          const kr = krs[next++ % krs.length]!;
          return { ...req, path: `/api/orgs/${t.slug}/key-results/${kr.id}/check-ins`, body: body(kr.kind) };
        },
      },
    ],
    ...extra,
  });
  const writeTarget = engine === "PostgreSQL" ? { p: 99 as const, ms: 30 } : undefined;
  // Closed loop: 50 clients, each sending its next check-in as soon as the last is answered.
  await load(engine, `write a check-in (rotating over ${krs.length} KRs)`, writes({}), writeTarget);
  // Open loop: 100 check-ins a second from independent clients, far above real use (a
  // check-in per KR per week), to show the latency of one write when little queues. The
  // "connections" column then says how many were in flight at most.
  await openLoop(
    engine,
    "write a check-in, open loop at 100 req/s",
    100,
    () => {
      const kr = krs[next++ % krs.length]!;
      return fetch(`${api}/key-results/${kr.id}/check-ins`, {
        method: "POST",
        headers: { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" },
        body: body(kr.kind),
      });
    },
    writeTarget,
  );
}

async function benchEngine(engine: "PostgreSQL" | "PGlite", port: number) {
  let target: Target;
  let cleanup: () => Promise<void>;
  let env: Record<string, string>;
  if (engine === "PostgreSQL") {
    const admin = new pg.Client({ connectionString: `${base}/postgres` });
    await admin.connect();
    const name = `keel_bench_okr_${process.pid}`;
    await admin.query(`create database ${name}`);
    target = { databaseUrl: `${base}/${name}` };
    env = { DATABASE_URL: target.databaseUrl };
    cleanup = async () => {
      if (!args.keep) await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keel-bench-okr-"));
    target = { dataDir: dir };
    env = { KEEL_DATA_DIR: dir };
    cleanup = async () => {
      if (!args.keep) fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  try {
    let targets: Targets | undefined;
    const loaded = await loadReferenceOrg(target, {
      scale,
      log: (line) => console.log(`${engine}${line}`),
      inspect: async (db) => {
        targets = await pickTargets(db);
      },
    });
    const orphans = Object.entries(loaded.orphans).filter(([, n]) => n > 0);
    if (orphans.length > 0) throw new Error(`inconsistent data: ${JSON.stringify(orphans)}`);
    loads.push(
      `${engine}: generated ${loaded.counts.objectives} Objectives, ${loaded.counts.key_results} KRs, ` +
        `${loaded.counts.check_ins} check-ins, ${loaded.counts.objective_alignments} alignment edges, ` +
        `${loaded.counts.users} people, ${loaded.counts.teams} teams in ${(loaded.loadMs / 1000).toFixed(1)} s ` +
        `(+ ${(loaded.migrateMs / 1000).toFixed(1)} s migrations)`,
    );
    console.log(loads.at(-1));
    const server = await startKeel(env, port);
    loads.push(`${engine}: keel serve ready in ${(server.readyMs / 1000).toFixed(1)} s`);
    try {
      await runScenarios(engine, port, targets!);
    } finally {
      await server.stop();
    }
  } finally {
    await cleanup();
  }
}

const engines =
  args.engine === "both" ? ["PostgreSQL", "PGlite"] : [args.engine === "pglite" ? "PGlite" : "PostgreSQL"];
for (const [i, engine] of engines.entries()) await benchEngine(engine as "PostgreSQL" | "PGlite", 3411 + i);

console.log(
  `\n| engine | measure | connections | p50 | p95 | p99 | req/s | target |\n| --- | --- | --- | --- | --- | --- | --- | --- |`,
);
for (const m of results) {
  const verdict = m.target ? `${m.target}: ${m.met ? "met" : "**missed**"}` : "";
  console.log(
    `| ${m.engine} | ${m.scenario} | ${m.connections} | ${m.p50.toFixed(1)} ms | ${m.p95.toFixed(1)} ms | ${m.p99.toFixed(1)} ms | ${Math.round(m.rps)} | ${verdict} |`,
  );
}
console.log("");
for (const line of loads) console.log(`- ${line}`);
console.log(
  `\nscale ${scale}, ${duration} s per run; machine: ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 16)}Z`,
);

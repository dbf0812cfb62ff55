/**
 * Leadership home at the reference size (PRODUCT.md "Scale"; bench/reference-org.ts), against
 * a `keel serve` process on PostgreSQL, signed in as the organisation's admin (the whole
 * organisation in scope):
 *   a. GET /leadership-home (default cycle: the active quarter) and each list behind its counts,
 *      three sequential requests each; then 10 requests of the home at once
 *   b. the plain SQL: the statements the home reads its facts with (the cycle's Objectives
 *      and KRs, unresolved escalations, open flags, active KPIs), run directly with pg by
 *      10 clients in a closed loop, without judging statuses, linting or presenting
 *
 *   node --import tsx bench/leadership.ts --reuse keel_ref_leadership [--duration 10]
 *
 * Latency percentiles are exact. Prints a Markdown table.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { startKeel } from "../scripts/lib/keel-process.ts";
import { createRecorder, signIn } from "./lib/measure.ts";
import { REFERENCE_SLUG } from "./reference-org.ts";

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "leadership"),
  options: { duration: { type: "string", default: "10" }, reuse: { type: "string" } },
});
if (!args.reuse)
  throw new Error("--reuse <database> (filled by bench/generate-reference-org.ts) is required");
const duration = Number(args.duration);
const url = `${process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432"}/${args.reuse}`;
const { results, record } = createRecorder(duration);
const notes: string[] = [];
const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

/** The facts the home reads, as one round of plain statements (no rules applied). */
async function plainRound(client: pg.Client, org: string, cycle: string) {
  await Promise.all([
    client.query(
      "select id, team_id, theme_id, state from objectives where organization_id = $1 and cycle_id = $2 and archived_at is null",
      [org, cycle],
    ),
    client.query(
      `select k.id, k.objective_id, k.kind, k.start_value, k.target_value, k.current_value, k.done,
         k.last_confidence, k.last_check_in_at, k.active_from, k.weight
       from key_results k join objectives o on o.organization_id = k.organization_id and o.id = k.objective_id
       where k.organization_id = $1 and o.cycle_id = $2 and o.archived_at is null and k.archived_at is null`,
      [org, cycle],
    ),
    client.query(
      "select e.id, k.team_id from escalations e join kpis k on k.organization_id = e.organization_id and k.id = e.kpi_id where e.organization_id = $1 and e.state <> 'resolved'",
      [org],
    ),
    client.query("select f.id from key_result_flags f where f.organization_id = $1 and f.status = 'open'", [
      org,
    ]),
    client.query("select id, team_id from kpis where organization_id = $1 and state = 'active'", [org]),
  ]);
}

const port = 3432;
const server = await startKeel({ DATABASE_URL: url }, port);
try {
  const { cookie } = await signIn(port);
  const headers = { cookie };
  const home = `http://127.0.0.1:${port}/api/orgs/${REFERENCE_SLUG}/leadership-home`;
  const started = performance.now();
  const res = await fetch(home, { headers });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`leadership-home returned ${res.status}: ${text}`);
  const body = JSON.parse(text);
  notes.push(
    `first request ${(performance.now() - started).toFixed(0)} ms; ${text.length.toLocaleString("en")} bytes of JSON: ${body.teams.length} teams, ${body.kpis.items.length} KPIs in the strip, counts ${JSON.stringify(Object.fromEntries(Object.entries(body.counts).map(([k, v]) => [k, (v as { count: number }).count])))}`,
  );
  console.log(notes.at(-1));
  notes.push(`load average ${loadAverage()} before the runs`);
  // A home of many seconds makes a closed-loop run of a few seconds meaningless: time a few
  // sequential requests of the home and of each list (which share its reads), then one burst
  // of 10 concurrent requests for the 10-connection figure.
  const timed = async (target: string) => {
    const t = performance.now();
    const r = await fetch(target, { headers });
    await r.text();
    if (r.status !== 200) throw new Error(`${target} returned ${r.status}`);
    return performance.now() - t;
  };
  for (const list of ["", "/escalations", "/flags", "/findings", "/overdue-check-ins"]) {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) times.push(await timed(`${home}${list}`));
    record(
      "PostgreSQL",
      `GET /leadership-home${list} (sequential)`,
      1,
      times,
      1000 / (times.reduce((a, b) => a + b) / times.length),
    );
  }
  const burstStart = performance.now();
  // Under this load requests can wait past the pool's timeout (503): count them, time the rest.
  const outcomes = await Promise.all(
    Array.from({ length: 10 }, () =>
      timed(home).then(
        (ms) => ({ ms }),
        (error: Error) => ({ error }),
      ),
    ),
  );
  const burst = outcomes.flatMap((o) => ("ms" in o ? [o.ms] : []));
  const refused = outcomes.length - burst.length;
  if (refused > 0)
    notes.push(
      `10 at once: ${refused} of 10 answered with an error (${(outcomes.find((o) => "error" in o) as { error: Error }).error.message})`,
    );
  if (burst.length > 0)
    record(
      "PostgreSQL",
      "GET /leadership-home (10 at once)",
      10,
      burst,
      (10 * 1000) / (performance.now() - burstStart),
      { p: 95, ms: 150 },
    );

  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const { rows } = await admin.query(
    `select o.id as org, (select c.id from cycles c where c.organization_id = o.id and c.state = 'active'
        order by (c.starts_on <= current_date and c.ends_on >= current_date) desc, c.ends_on - c.starts_on, c.starts_on desc, c.id limit 1) as cycle
     from organizations o where o.slug = $1`,
    [REFERENCE_SLUG],
  );
  await admin.end();
  const { org, cycle } = rows[0];
  const times: number[] = [];
  const until = performance.now() + duration * 1000;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      while (performance.now() < until) {
        const t = performance.now();
        await plainRound(client, org, cycle);
        times.push(performance.now() - t);
      }
      await client.end();
    }),
  );
  record("PostgreSQL", "plain SQL of the same facts", 10, times, times.length / duration);
  notes.push(`load average ${loadAverage()} after the runs`);
} finally {
  await server.stop();
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

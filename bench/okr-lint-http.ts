/**
 * `npm run bench -- okr-lint-http`: the OKR linter end to end through HTTP, on the demo
 * organisation, on PGlite and on PostgreSQL (BENCH_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432): one draft (`POST /lint`: an Objective of a team with
 * three KRs, one reading a KPI, and a parent) timed over 300 sequential requests after a
 * warm-up, and the health check of the demo's running cycle (every Objective's findings).
 */
import os from "node:os";
import { setUpDemo, startKeel } from "../scripts/lib/keel-process.ts";
import { measureOnBothEngines } from "./lib/both-engines.ts";

const ORG = "nordwind-logistics";
// biome-ignore lint/suspicious/noExplicitAny: answers read loosely, as the other benchmarks do
type Json = Record<string, any>;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}

async function measure(label: string, env: Record<string, string>, port: number) {
  const server = await startKeel(env, port);
  try {
    const cookie = await setUpDemo(port);
    const base = `http://127.0.0.1:${port}/api/orgs/${ORG}`;
    const session = (await (
      await fetch(`http://127.0.0.1:${port}/api/auth/session`, { headers: { cookie } })
    ).json()) as Json;
    const headers = {
      cookie,
      "content-type": "application/json",
      "x-csrf-token": session.csrfToken as string,
    };
    const get = async (url: string) => (await (await fetch(url, { headers })).json()) as Json;
    const cycles = (await get(`${base}/cycles?limit=50`)).items as Json[];
    const cycle = cycles.find((c) => c.state === "active") as Json;
    const objectives = (await get(`${base}/objectives?cycleId=${cycle.id}&limit=100`)).items as Json[];
    const child = objectives.find((o) => o.parents.length > 0 && o.teamId) as Json;
    const kpi = ((await get(`${base}/kpis?limit=1`)).items as Json[])[0] as Json;
    const draft = {
      cycleId: cycle.id,
      teamId: child.teamId,
      ownerUserId: child.ownerUserId,
      title: "Make next-day delivery the norm for our Rhine customers",
      parents: child.parents.map((p: Json) => ({ objectiveId: p.objectiveId })),
      keyResults: [
        {
          title: "Keep on-time delivery at 97 %",
          kind: "metric",
          startValue: 97,
          targetValue: 97,
          unit: "%",
        },
        { title: kpi.name, kind: "metric", kpiId: kpi.id, startValue: 10, targetValue: 20 },
        { title: "Launch the new tracking page", kind: "milestone" },
      ],
    };
    const lint = () => fetch(`${base}/lint`, { method: "POST", headers, body: JSON.stringify(draft) });
    const first = await lint();
    if (first.status !== 200) throw new Error(`lint answered ${first.status}: ${await first.text()}`);
    const findings = ((await first.json()) as Json).findings.length;
    for (let i = 0; i < 30; i += 1) await (await lint()).arrayBuffer();
    // A baseline between each two lints: the same session and one small read (the cycle), so
    // what the machine's load adds to any request shows apart from what the linter costs.
    const baseline = () => fetch(`${base}/cycles/${cycle.id}`, { headers });
    const times: number[] = [];
    const baseTimes: number[] = [];
    for (let i = 0; i < 300; i += 1) {
      let started = performance.now();
      const res = await lint();
      await res.arrayBuffer();
      times.push(performance.now() - started);
      started = performance.now();
      await (await baseline()).arrayBuffer();
      baseTimes.push(performance.now() - started);
    }
    const spread = (list: number[]) => {
      list.sort((a, b) => a - b);
      return `median ${percentile(list, 0.5).toFixed(1)} ms, p95 ${percentile(list, 0.95).toFixed(1)} ms, p99 ${percentile(list, 0.99).toFixed(1)} ms`;
    };
    console.log(
      `| lint one draft end to end (POST /lint, 3 KRs, a KPI and a parent; ${findings} findings), ${label} | ` +
        `${spread(times)} | 300 sequential requests after 30 warm-up, load ${os.loadavg()[0]?.toFixed(1)} |`,
    );
    console.log(
      `| baseline: GET one cycle, same session, between the lints, ${label} | ${spread(baseTimes)} | same |`,
    );
    const checkTimes: number[] = [];
    let count = 0;
    for (let i = 0; i < 5; i += 1) {
      const started = performance.now();
      const check = await get(`${base}/health-check?cycleId=${cycle.id}`);
      checkTimes.push(performance.now() - started);
      count = (check.objectives as Json[]).length;
    }
    checkTimes.sort((a, b) => a - b);
    console.log(
      `| health check of the demo's running cycle (${count} Objectives), ${label} | median ${percentile(checkTimes, 0.5).toFixed(0)} ms | 5 requests |`,
    );
  } finally {
    await server.stop();
  }
}

console.log("| measure | result | how |\n| --- | --- | --- |");
await measureOnBothEngines("lint", measure, [3411, 3412]);

/**
 * `npm run bench -- live`: how long a live event takes from a change on one Keel instance
 * to an SSE client of another, on PostgreSQL (BENCH_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432). Two `keel serve` processes share a fresh database;
 * a client streams GET /events from B while KPI values are posted, one at a time, to A.
 * Each sample runs from sending the POST to A until B's client has the event (so it
 * includes A's own write, recompute and commit). Prints p50/p95/max over 100 events.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startKeel } from "../scripts/lib/keel-process.ts";

const EVENTS = 100;
const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const name = `keel_bench_live_${randomBytes(3).toString("hex")}`;
const dbUrl = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function caller(port: number) {
  let cookie = "";
  let csrf = "";
  return async (method: string, url: string, body?: unknown) => {
    const res = await fetch(`http://127.0.0.1:${port}${url}`, {
      method,
      headers: { "content-type": "application/json", cookie, "x-csrf-token": csrf },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.headers.get("set-cookie");
    if (set) cookie = set.split(";")[0]!;
    const json = await res.json();
    if (res.status >= 300) throw new Error(`${method} ${url} → ${res.status}: ${JSON.stringify(json)}`);
    if (json?.csrfToken) csrf = json.csrfToken;
    return { json, cookie: () => cookie };
  };
}

/** A port nothing listens on now (the OS picks it), so the bench runs beside other servers. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

await admin(`create database "${name}"`);
const dirs = [0, 1].map(() => fs.mkdtempSync(path.join(os.tmpdir(), "keel-bench-live-")));
const env = (i: number) => ({
  DATABASE_URL: dbUrl,
  KEEL_DATA_DIR: dirs[i]!,
  KEEL_SECRET_KEY: randomBytes(32).toString("base64"),
});
const sharedKey = env(0).KEEL_SECRET_KEY;
const a = await startKeel({ ...env(0), KEEL_SECRET_KEY: sharedKey }, await freePort());
const b = await startKeel({ ...env(1), KEEL_SECRET_KEY: sharedKey }, await freePort());
const abort = new AbortController();
try {
  const callA = caller(a.port);
  const setup = await callA("POST", "/api/setup", {
    start: "own",
    organizationName: "Bench Freight",
    name: "Bench Owner",
    email: "bench@example.com",
    password: "bench password 123",
  });
  const org = setup.json.organization?.slug ?? "bench-freight";
  const session = (await callA("GET", "/api/auth/session")).json;
  const [team] = (await callA("GET", `/api/orgs/${org}/teams`)).json.items;
  const kpi = (
    await callA("POST", `/api/orgs/${org}/kpis`, {
      key: "pallets",
      name: "Pallets moved",
      ownerUserId: session.user.id,
      teamId: team.id,
      unit: "count",
      direction: "higher_is_better",
      frequency: "daily",
      aggregation: "sum",
    })
  ).json;

  // The client on instance B, reading the stream as a browser does.
  const res = await fetch(`http://127.0.0.1:${b.port}/api/orgs/${org}/events`, {
    headers: { cookie: setup.cookie() },
    signal: abort.signal,
  });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  const nextEvent = async (match: (block: string) => boolean) => {
    for (;;) {
      const cut = buffer.indexOf("\n\n");
      if (cut >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        if (match(block)) return;
        continue;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error("the stream ended");
      buffer += value;
    }
  };
  await nextEvent((block) => block.startsWith("event: ready"));

  const samples: number[] = [];
  const today = new Date();
  for (let i = 0; i < EVENTS; i++) {
    const date = new Date(today.getTime() - (EVENTS - i) * 86_400_000).toISOString().slice(0, 10);
    const started = performance.now();
    const arrived = nextEvent((block) => block.includes('"kpi.values_changed"'));
    await callA("POST", `/api/orgs/${org}/kpis/${kpi.id}/measurements`, { date, value: 100 + i, note: "" });
    await arrived;
    samples.push(performance.now() - started);
  }
  samples.sort((x, y) => x - y);
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log("| measure | p50 | p95 | max |");
  console.log("| --- | --- | --- | --- |");
  console.log(
    `| live event, POST to instance A → SSE client of instance B (PostgreSQL, ${EVENTS} events) | ${ms(quantile(samples, 0.5))} | ${ms(quantile(samples, 0.95))} | ${ms(samples.at(-1)!)} |`,
  );
} finally {
  abort.abort();
  await a.stop();
  await b.stop();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  await admin(`drop database if exists "${name}" with (force)`);
}

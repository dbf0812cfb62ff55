/**
 * `node --import tsx bench/outage.ts`: how fast `keel serve` answers when its PostgreSQL
 * goes away. Keel runs with its default timeouts against a relay in front of the server
 * (test/support/database-proxy.ts) that is then stopped (nothing listens) or frozen (open
 * connections and new ones get no answer, as a SIGSTOPped server or a black-holed network),
 * so the shared PostgreSQL itself is never touched. Prints a Markdown table.
 * BENCH_DATABASE_URL: server to use (default postgres://postgres@127.0.0.1:5432).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { setUpDemo } from "../scripts/lib/keel-process.ts";
import { startDatabaseProxy } from "../test/support/database-proxy.ts";

const root = path.resolve(import.meta.dirname, "..");
const port = 3405;
const base = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432";
const dbName = `keel_bench_outage_${process.pid}`;
const rows: string[][] = [];

const admin = new pg.Client({ connectionString: `${base}/postgres` });
await admin.connect();
await admin.query(`create database ${dbName}`);
const target = new URL(base);
const proxy = await startDatabaseProxy({ host: target.hostname, port: Number(target.port || 5432) });
const lines: string[] = [];
const child = spawn(process.execPath, [path.join(root, "bin/keel.js"), "serve"], {
  cwd: root,
  env: {
    ...process.env,
    LOG_LEVEL: "info",
    PORT: String(port),
    DATABASE_URL: proxy.urlFor(`${base}/${dbName}`),
  },
  stdio: ["ignore", "pipe", "inherit"],
});
let buffered = "";
child.stdout.on("data", (chunk: Buffer) => {
  buffered += chunk.toString();
  const parts = buffered.split("\n");
  buffered = parts.pop() ?? "";
  lines.push(...parts);
});

const url = (p: string) => `http://127.0.0.1:${port}${p}`;
async function timed(
  p: string,
  cookie: string,
): Promise<{ status: number; ms: number; retryAfter: string | null }> {
  const started = performance.now();
  const res = await fetch(url(p), { headers: { cookie } });
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - started, retryAfter: res.headers.get("retry-after") };
}
const fmt = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`);
const summary = (xs: Array<{ status: number; ms: number; retryAfter: string | null }>) => {
  const ms = xs.map((x) => x.ms).sort((a, b) => a - b);
  const statuses = [
    ...new Set(xs.map((x) => `${x.status}${x.retryAfter ? ` (Retry-After ${x.retryAfter})` : ""}`)),
  ];
  return `${statuses.join(", ")}; min ${fmt(ms[0]!)}, median ${fmt(ms[Math.floor(ms.length / 2)]!)}, max ${fmt(ms.at(-1)!)}`;
};
async function untilOk(p: string, cookie: string): Promise<number> {
  const started = performance.now();
  for (;;) {
    if ((await timed(p, cookie)).status === 200) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 100));
  }
}

try {
  for (;;) {
    try {
      if ((await fetch(url("/api/ready"))).status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const cookie = await setUpDemo(port);
  const tree = "/api/orgs/nordwind-logistics/teams/tree";
  const normal = await Promise.all(Array.from({ length: 5 }, () => timed(tree, cookie)));
  rows.push(["database up: team tree, 5 at once", summary(normal)]);

  await proxy.down();
  const down: Array<Awaited<ReturnType<typeof timed>>> = [];
  for (let i = 0; i < 10; i++) down.push(await timed(tree, cookie));
  rows.push(["database down (nothing listens): 10 requests one after another", summary(down)]);
  const downAtOnce = await Promise.all(Array.from({ length: 20 }, () => timed(tree, cookie)));
  rows.push(["database down: 20 requests at once", summary(downAtOnce)]);
  rows.push(["database down: `/api/ready`", summary([await timed("/api/ready", cookie)])]);
  await proxy.up();
  rows.push(["database back: until the next 200", fmt(await untilOk(tree, cookie))]);

  // Warm the pool so the freeze catches open connections, as a SIGSTOP would.
  await Promise.all(Array.from({ length: 10 }, () => timed(tree, cookie)));
  proxy.freeze();
  const frozen = await Promise.all(Array.from({ length: 20 }, () => timed(tree, cookie)));
  rows.push(["database frozen: 20 requests at once (10 pooled connections)", summary(frozen)]);
  const frozenLater = await Promise.all(Array.from({ length: 5 }, () => timed(tree, cookie)));
  rows.push(["database frozen: 5 more requests", summary(frozenLater)]);
  proxy.thaw();
  rows.push(["database thawed: until the next 200", fmt(await untilOk(tree, cookie))]);
  await new Promise((r) => setTimeout(r, 6000));
  const outageLines = lines.filter((l) => l.includes('"database":"unreachable"')).length;
  const backLines = lines.filter((l) => l.includes('"database":"reachable"')).length;
  rows.push([
    "log lines saying unreachable / reachable again (two outages)",
    `${outageLines} / ${backLines}`,
  ]);
} finally {
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  await proxy.close();
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.end();
}

console.log("\n| measure | result |\n| --- | --- |");
for (const [a, b] of rows) console.log(`| ${a} | ${b} |`);
console.log(`\nkeel serve with default timeouts; Node ${process.version}, ${new Date().toISOString()}`);

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

type Measure = (label: string, env: Record<string, string>, port: number) => Promise<void>;

/**
 * Runs one benchmark against a fresh PGlite folder, then a fresh PostgreSQL database at
 * BENCH_DATABASE_URL (dropped afterwards; skipped with a line saying why when there is no
 * server), and ends with the machine's line. `name` tells the temporary folder and
 * database apart from another benchmark's.
 */
export async function measureOnBothEngines(name: string, measure: Measure, ports: [number, number]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `keel-bench-${name}-`));
  try {
    await measure("PGlite", { KEEL_DATA_DIR: dir }, ports[0]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const server = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432";
  const admin = new pg.Client({ connectionString: `${server}/postgres` });
  try {
    await admin.connect();
    const db = `keel_bench_${name}_${process.pid}`;
    await admin.query(`create database ${db}`);
    try {
      await measure("PostgreSQL", { DATABASE_URL: `${server}/${db}` }, ports[1]);
    } finally {
      await admin.query(`drop database if exists ${db} with (force)`);
    }
  } catch (error) {
    console.log(`PostgreSQL skipped: ${(error as Error).message}`);
  } finally {
    await admin.end().catch(() => undefined);
  }
  console.log(
    `\nmachine: ${os.cpus().length} cores, Node ${process.version}, load ${os.loadavg()[0]?.toFixed(1)}`,
  );
}

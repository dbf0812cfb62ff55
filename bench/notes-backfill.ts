/**
 * Throughput of `keel backfill-note-signals` on PostgreSQL: distinct stored notes read
 * and their signals written back, notes per second end to end (select, analyse, update,
 * commit per batch). The check-ins are loaded straight into check_ins with foreign-key
 * triggers off for the load (the backfill reads only check_ins), so a million rows load in
 * about a minute without building a whole organisation around them.
 *   node --import tsx bench/notes-backfill.ts [--notes 1000000] [--batch 2000]
 *   npm run bench -- notes-backfill
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432) names the server; a
 * database is created for the run and dropped after it.
 */
import { randomUUID } from "node:crypto";
import os from "node:os";
import pg from "pg";
import { openDatabase } from "../src/db/client.ts";
import { backfillNoteSignals } from "../src/server/services/okr/note-signals-backfill.ts";
import { benchNote } from "./lib/bench-notes.ts";

const option = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const count = option("--notes", 1_000_000);
const batchSize = option("--batch", 2000);
const base = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432";
const name = `keel_bench_notes_${process.pid}`;

const admin = new pg.Client({ connectionString: `${base}/postgres` });
await admin.connect();
await admin.query(`create database ${name}`);
const database = await openDatabase({ engine: "postgres", url: `${base}/${name}`, poolSize: 2 });
try {
  await database.migrate();
  const loader = new pg.Client({ connectionString: `${base}/${name}` });
  // Dropping the database after a failed run ends this connection too: not a second error.
  loader.on("error", () => {});
  await loader.connect();
  // Ten organisations, a thousand KRs: rows spread as in a real instance.
  const orgs = Array.from({ length: 10 }, () => randomUUID());
  const krs = Array.from({ length: 1000 }, () => randomUUID());
  const loadStarted = Date.now();
  await loader.query("set session_replication_role = replica");
  let chars = 0;
  for (let from = 0; from < count; from += 20_000) {
    const notes: string[] = [];
    for (let i = from; i < Math.min(count, from + 20_000); i++) notes.push(benchNote(i));
    chars += notes.reduce((sum, n) => sum + n.length, 0);
    await loader.query(
      `insert into check_ins (organization_id, key_result_id, confidence, note, created_at)
       select ($1::uuid[])[1 + (n % 10)], ($2::uuid[])[1 + (n % 1000)], n % 11, note, now() - make_interval(mins => n::int)
       from unnest($3::text[]) with ordinality as t(note, n)`,
      [orgs, krs, notes],
    );
  }
  await loader.query("analyze check_ins");
  await loader.end();
  const loadSeconds = (Date.now() - loadStarted) / 1000;

  const load = os.loadavg()[0]!.toFixed(1);
  const started = process.hrtime.bigint();
  const result = await backfillNoteSignals(database.db, { batchSize });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(
    `loaded ${count} distinct notes (average ${Math.round(chars / count)} characters) in ${loadSeconds.toFixed(1)} s`,
  );
  console.log(
    `backfill: ${result.read} notes read, ${result.written} written, ${result.batches} batches of ${batchSize}`,
  );
  console.log(
    `time: ${seconds.toFixed(1)} s → ${Math.round(result.read / seconds).toLocaleString("en")} notes/s (load average ${load} before, ${os.loadavg()[0]!.toFixed(1)} after)`,
  );
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await database.close();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}

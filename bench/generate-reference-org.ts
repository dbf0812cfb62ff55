/**
 * Loads the reference organisation (bench/reference-org.ts) into a new database.
 *
 *   node --import tsx bench/generate-reference-org.ts --database-url postgres://postgres@127.0.0.1:5432/keel_ref
 *   node --import tsx bench/generate-reference-org.ts --data-dir ./data-ref [--scale 0.25]
 *
 * PostgreSQL: the database must exist and be empty (it is migrated first). PGlite: a
 * data folder for `KEEL_DATA_DIR` (the database goes to <folder>/pglite, as `keel serve`
 * expects). Then `keel serve` on it and sign in as admin@reference.example with the
 * password printed at the end.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { openDatabase, pgliteOf } from "../src/db/client.ts";
import { acquireDataFolderLock } from "../src/db/data-folder-lock.ts";
import { clientSettings, longTimeouts } from "../src/db/pg-pool.ts";
import { todayIn } from "../src/domain/dates.ts";
import { hashPassword } from "../src/server/lib/passwords.ts";
import { generateReferenceOrg, orphanCounts, type ReferenceOrg, type Sql } from "./reference-org.ts";

export const REFERENCE_PASSWORD = "reference password 2026";

export type Target = { databaseUrl: string } | { dataDir: string };

export type LoadResult = ReferenceOrg & {
  password: string;
  migrateMs: number;
  loadMs: number;
  steps: Array<[string, number]>;
  orphans: Record<string, number>;
};

/** Migrates the target and generates the reference organisation in it. */
export async function loadReferenceOrg(
  target: Target,
  options: {
    scale: number;
    /** false: OKRs only, without the KPI part (bench/reference-kpis.ts). */
    kpis?: boolean;
    verify?: boolean;
    log?: (line: string) => void;
    /** Reads from the loaded database before it is closed (a PGlite folder is then handed to `keel serve`). */
    inspect?: (db: Sql) => Promise<void>;
  },
): Promise<LoadResult> {
  const log = options.log ?? (() => {});
  const steps: Array<[string, number]> = [];
  const adminPasswordHash = await hashPassword(REFERENCE_PASSWORD);
  const today = todayIn("Europe/Berlin", new Date());
  const onStep = (step: string, ms: number) => {
    steps.push([step, ms]);
    log(`  ${step}: ${(ms / 1000).toFixed(1)} s`);
  };
  const started = performance.now();

  if ("databaseUrl" in target) {
    const database = await openDatabase({
      engine: "postgres",
      url: target.databaseUrl,
      poolSize: 1,
      timeouts: longTimeouts,
    });
    await database.migrate();
    await database.close();
    const migrateMs = performance.now() - started;
    // The long limits: one statement inserts a million check-ins.
    const client = new pg.Client({ connectionString: target.databaseUrl, ...clientSettings(longTimeouts) });
    await client.connect();
    try {
      const db: Sql = { query: (text, params) => client.query(text, params as unknown[]) };
      const loadStarted = performance.now();
      const org = await generateReferenceOrg(db, {
        scale: options.scale,
        today,
        adminPasswordHash,
        onStep,
        kpis: options.kpis,
      });
      const loadMs = performance.now() - loadStarted;
      const orphans = options.verify === false ? {} : await orphanCounts(db);
      await options.inspect?.(db);
      return { ...org, password: REFERENCE_PASSWORD, migrateMs, loadMs, steps, orphans };
    } finally {
      await client.end();
    }
  }

  const release = acquireDataFolderLock(target.dataDir);
  try {
    const database = await openDatabase({ engine: "pglite", dataDir: path.join(target.dataDir, "pglite") });
    try {
      await database.migrate();
      const migrateMs = performance.now() - started;
      const pglite = pgliteOf(database)!;
      const db: Sql = { query: (text, params) => pglite.query(text, params as unknown[]) };
      const loadStarted = performance.now();
      const org = await generateReferenceOrg(db, {
        scale: options.scale,
        today,
        adminPasswordHash,
        onStep,
        kpis: options.kpis,
      });
      const loadMs = performance.now() - loadStarted;
      const orphans = options.verify === false ? {} : await orphanCounts(db);
      await options.inspect?.(db);
      return { ...org, password: REFERENCE_PASSWORD, migrateMs, loadMs, steps, orphans };
    } finally {
      await database.close();
    }
  } finally {
    release();
  }
}

if (import.meta.filename === path.resolve(process.argv[1] ?? "")) {
  const { values } = parseArgs({
    options: {
      "database-url": { type: "string" },
      "data-dir": { type: "string" },
      scale: { type: "string", default: "1" },
    },
  });
  const target: Target | null = values["database-url"]
    ? { databaseUrl: values["database-url"] }
    : values["data-dir"]
      ? { dataDir: path.resolve(values["data-dir"]) }
      : null;
  if (!target) {
    console.error("Give --database-url <postgres url of an empty database> or --data-dir <folder>.");
    process.exit(2);
  }
  const result = await loadReferenceOrg(target, { scale: Number(values.scale), log: console.log });
  console.log(JSON.stringify({ ...result, steps: undefined }, null, 2));
  console.log(
    `Loaded in ${(result.loadMs / 1000).toFixed(1)} s (+ ${(result.migrateMs / 1000).toFixed(1)} s migrations). ` +
      `Sign in as ${result.adminEmail} / "${result.password}", organisation "${result.slug}".`,
  );
}

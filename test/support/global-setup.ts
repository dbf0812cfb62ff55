import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase, pgliteOf } from "../../src/db/client.ts";
import { engineFromEnv, postgresUrlFromEnv, withDatabaseName } from "./engine.ts";

/**
 * Prepares the database engine once per run.
 * - pglite: one migrated instance is dumped to a temp file; every test file starts its own
 *   in-memory instance from that dump (well under a second, instead of 2–4 s for a new one).
 * - postgres: checks the server answers and migrates one template database; every test file
 *   creates (and drops) its own database as a copy of it (`create database … template`, a
 *   file copy, instead of running every migration per file), named with this run's prefix so
 *   that the template and leftovers of a crashed file are dropped here.
 */
export default async function setup(project: TestProject) {
  const engine = engineFromEnv();
  project.provide("keelEngine", engine);

  if (engine === "pglite") {
    const database = await openDatabase({ engine: "pglite" });
    await database.migrate();
    const dump = await pgliteOf(database)!.dumpDataDir("none");
    await database.close();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keel-test-"));
    const file = path.join(dir, "migrated-pglite.tar");
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide("keelPgliteDump", file);
    return () => fs.rmSync(dir, { recursive: true, force: true });
  }

  const adminUrl = postgresUrlFromEnv();
  const prefix = `keel_t_${randomBytes(3).toString("hex")}`;
  const client = new pg.Client({ connectionString: adminUrl });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (err) {
    throw new Error(
      `KEEL_TEST_ENGINE=postgres but the server at TEST_DATABASE_URL (${withDatabaseName(adminUrl, "…")}) does not answer: ${(err as Error).message}`,
    );
  } finally {
    await client.end().catch(() => {});
  }
  const template = `${prefix}_template`;
  await adminQuery(adminUrl, `create database "${template}"`);
  const migrated = await openDatabase({ engine: "postgres", url: withDatabaseName(adminUrl, template) });
  try {
    await migrated.migrate();
  } finally {
    // A template is copied only while nobody is connected to it.
    await migrated.close();
  }
  project.provide("keelPostgres", { adminUrl, prefix, template });
  return async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      const { rows } = await c.query<{ datname: string }>(
        "select datname from pg_database where datname like $1",
        [`${prefix}\\_%`],
      );
      for (const { datname } of rows) await c.query(`drop database if exists "${datname}" with (force)`);
    } finally {
      await c.end();
    }
  };
}

async function adminQuery(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

import { randomBytes } from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openDatabase } from "../../src/db/client.ts";
import { withDatabaseName } from "./engine.ts";

/** A database of this test file's own, empty but migrated, and how to get rid of it. */
export type TestDatabase = {
  database: Database;
  /** PostgreSQL: the database's URL (tests that reach it another way, through a relay). */
  url?: string;
  dispose: () => Promise<void>;
};

let dumpBytes: Uint8Array<ArrayBuffer> | undefined;

/**
 * PGlite: a new in-memory instance restored from the run's migrated dump.
 * PostgreSQL: a new database on the test server, a copy of the run's migrated template,
 * dropped on dispose.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  if (inject("keelEngine") === "pglite") {
    dumpBytes ??= new Uint8Array(fs.readFileSync(inject("keelPgliteDump")));
    const database = await openDatabase({ engine: "pglite", loadDataDir: new Blob([dumpBytes]) });
    return { database, dispose: () => database.close() };
  }
  const { adminUrl, prefix, template } = inject("keelPostgres");
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  await adminQuery(adminUrl, `create database "${name}" template "${template}"`);
  const url = withDatabaseName(adminUrl, name);
  const database = await openDatabase({ engine: "postgres", url, poolSize: 4 });
  return {
    database,
    url,
    dispose: async () => {
      await database.close();
      await adminQuery(adminUrl, `drop database if exists "${name}" with (force)`);
    },
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

import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { createPool, type DatabaseTimeouts, longTimeouts, requestTimeouts } from "./pg-pool.ts";
import * as schema from "./schema.ts";

export type Schema = typeof schema;
/** The query interface shared by both engines; services and repositories use only this. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database or an open transaction. */
export type Queryable = Db | Tx;

export type Database = {
  db: Db;
  engine: "pglite" | "postgres";
  migrate(): Promise<void>;
  close(): Promise<void>;
};

export const migrationsFolder = path.resolve(import.meta.dirname, "migrations");

export type OpenOptions =
  | {
      engine: "postgres";
      url: string;
      poolSize?: number;
      /** For the pool; migrations always run with the long ones (an index on millions of rows). */
      timeouts?: DatabaseTimeouts;
      /** For migrate(); defaults to longTimeouts. */
      migrationTimeouts?: DatabaseTimeouts;
    }
  /** dataDir undefined = in memory; loadDataDir = start from a dump (tests). */
  | { engine: "pglite"; dataDir?: string; loadDataDir?: Blob };

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.engine === "postgres") {
    const pool = createPool(options.url, options.poolSize ?? 10, options.timeouts ?? requestTimeouts);
    const db = drizzleNodePg(pool, { schema }) as unknown as Db;
    return {
      db,
      engine: "postgres",
      migrate: async () => {
        // A pool of one with long timeouts: a migration may rewrite a large table.
        const migrator = createPool(options.url, 1, options.migrationTimeouts ?? longTimeouts);
        try {
          await migrateNodePg(drizzleNodePg(migrator, { schema }) as never, { migrationsFolder });
        } finally {
          await migrator.end();
        }
      },
      close: () => pool.end(),
    };
  }
  if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    engine: "pglite",
    migrate: async () => {
      await migratePglite(db as never, { migrationsFolder });
    },
    close: () => client.close(),
    ...{ pglite: client },
  };
}

/** The PGlite instance behind a Database, when there is one (dumps in tests). */
export function pgliteOf(database: Database): PGlite | undefined {
  return (database as Database & { pglite?: PGlite }).pglite;
}

/** Rows of a raw `execute()`: both drivers return an object with `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

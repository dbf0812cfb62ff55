import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { type Db, migrationsFolder, rowsOf } from "./client.ts";

/** Number of committed migrations, read once from drizzle's journal. */
let expected: number | undefined;
function expectedMigrations(): number {
  if (expected === undefined) {
    const journal = JSON.parse(
      fs.readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8"),
    ) as {
      entries: unknown[];
    };
    expected = journal.entries.length;
  }
  return expected;
}

/** True when the database has every committed migration applied. */
export async function migrationsApplied(db: Db): Promise<boolean> {
  try {
    const result = await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    return (rowsOf<{ n: number }>(result)[0]?.n ?? 0) >= expectedMigrations();
  } catch {
    return false;
  }
}

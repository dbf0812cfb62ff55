import { sql } from "drizzle-orm";
import type { Queryable } from "../../../db/client.ts";

/**
 * Refreshes the query planner's statistics after a bulk load (the demo: thousands of rows
 * in one transaction). Without them the planner guesses one row per table and picks
 * nested loops that filter whole tables; PGlite has no autovacuum to gather them later,
 * and PostgreSQL's would only after the first requests have run on those guesses.
 */
export async function refreshPlannerStatistics(q: Queryable): Promise<void> {
  await q.execute(sql`analyze`);
}

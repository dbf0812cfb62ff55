import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.ts";

/** Whether the database answers at all: throws when it does not. */
export async function pingDatabase(q: Queryable): Promise<void> {
  await q.execute(sql`select 1`);
}

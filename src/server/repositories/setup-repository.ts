import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.ts";
import { users } from "../../db/schema.ts";

/** What setting up a new Keel reads and locks. */

/** Whether any account has a password, i.e. someone can sign in: the instance is set up. */
export async function someAccountHasPassword(q: Queryable): Promise<boolean> {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(sql`${users.passwordHash} is not null`);
  return (row?.n ?? 0) > 0;
}

/** One setup at a time, across instances, until the transaction ends. */
export async function lockSetup(q: Queryable): Promise<void> {
  await q.execute(sql`select pg_advisory_xact_lock(7040001)`);
}

import { sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../db/client.ts";

/** The PostgreSQL channel every instance listens on for organisation events. */
export const LIVE_CHANNEL = "keel_events";

/**
 * Queues a notification for every listening instance. PostgreSQL (and PGlite) deliver it
 * when the surrounding transaction commits, and never when it rolls back: a live event
 * never announces a change that did not happen.
 */
export async function notifyListeners(q: Queryable, payload: string): Promise<void> {
  await q.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${payload})`);
}

/** Several notifications in one statement (a recompute round's KPIs). */
export async function notifyListenersMany(q: Queryable, payloads: readonly string[]): Promise<void> {
  if (payloads.length === 0) return;
  const list = sql.join(
    payloads.map((p) => sql`(${p}::text)`),
    sql`, `,
  );
  await q.execute(sql`select pg_notify(${LIVE_CHANNEL}, p) from (values ${list}) as v(p)`);
}

/** Where a KR's Objective sits, for the same reading rule as the OKR pages. */
export async function keyResultPlacement(q: Queryable, organizationId: string, keyResultId: string) {
  const rows = rowsOf<{
    visibility: "organization" | "team";
    team_id: string | null;
    owner_user_id: string | null;
  }>(
    await q.execute(sql`
      select o.visibility, o.team_id, o.owner_user_id
      from key_results k
      join objectives o on o.organization_id = k.organization_id and o.id = k.objective_id
      where k.organization_id = ${organizationId} and k.id = ${keyResultId}`),
  );
  const row = rows[0];
  return row
    ? { visibility: row.visibility, teamId: row.team_id, ownerUserId: row.owner_user_id }
    : undefined;
}

import { sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../db/client.ts";

/**
 * The backfill's reads and writes of check_ins.note_signals. The backfill is an
 * operator's task over the whole instance, so these two statements go across
 * organisations on purpose; each row is still addressed by (organization_id, id).
 */

export type NoteToRead = { organizationId: string; id: string; note: string };

/**
 * The next check-ins whose note was never read, after `after` in primary-key order (so a
 * batch costs the same at the start and the end of a large table, and the walk resumes
 * from the first row still null when restarted).
 */
export async function checkInNotesWithoutSignals(
  q: Queryable,
  after: { organizationId: string; id: string } | null,
  limit: number,
): Promise<NoteToRead[]> {
  const from = after
    ? sql`and (organization_id, id) > (${after.organizationId}::uuid, ${after.id}::uuid)`
    : sql``;
  const result = await q.execute(sql`
    select organization_id as "organizationId", id, note from check_ins
    where note_signals is null ${from}
    order by organization_id, id
    limit ${limit}`);
  return rowsOf<NoteToRead>(result);
}

/**
 * Stores the signals of many check-ins in one statement. A row that got its signals in
 * the meantime (an edit is a new row, but an operator may run two backfills) keeps them.
 */
export async function writeNoteSignals(
  q: Queryable,
  rows: Array<{ organizationId: string; id: string; signals: unknown }>,
): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await q.execute(sql`
    update check_ins c set note_signals = v.signals
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as v("organizationId" uuid, id uuid, signals jsonb)
    where c.organization_id = v."organizationId" and c.id = v.id and c.note_signals is null
    returning c.id`);
  return rowsOf(result).length;
}

/**
 * Dates a seeded organisation's structure (the organisation, its people, teams, themes and
 * cycles, with their creation events) to when its story began, so "as of" a day of its
 * back-dated history finds them there (docs/as-of.md).
 */
import { sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../../db/client.ts";

/** The earliest moment the organisation's history mentions (audit events, KPIs, Objectives). */
export async function earliestHistoryOf(q: Queryable, organizationId: string): Promise<Date | null> {
  const [row] = rowsOf<{ at: string | Date | null }>(
    await q.execute(sql`select least(
        (select min(at) from audit_events where organization_id = ${organizationId}),
        (select min(created_at) from kpis where organization_id = ${organizationId}),
        (select min(created_at) from objectives where organization_id = ${organizationId})) as at`),
  );
  return row?.at ? new Date(row.at) : null;
}

const STRUCTURE_CREATED = [
  "organization.created",
  "organization.demo_seeded",
  "membership.created",
  "team.created",
  "team.member_added",
  "theme.created",
  "cycle.created",
];

/**
 * Moves the creation of the structure written since `writtenSince` back to `foundedAt`:
 * its rows' created_at and its creation events' `at`. A cycle's creation snapshot says
 * "planning", as it was then; its later moves are separate events.
 */
export async function dateStructure(
  q: Queryable,
  organizationId: string,
  foundedAt: Date,
  writtenSince: Date,
): Promise<void> {
  const founded = foundedAt.toISOString();
  const since = writtenSince.toISOString();
  await q.execute(sql`update organizations set created_at = ${founded}::timestamptz
    where id = ${organizationId} and created_at > ${founded}::timestamptz`);
  for (const table of ["memberships", "teams", "team_members", "themes", "cycles"]) {
    await q.execute(sql`update ${sql.raw(table)} set created_at = ${founded}::timestamptz
      where organization_id = ${organizationId} and created_at >= ${since}::timestamptz`);
  }
  // Snapshots that carry their row's creation time carry the new one (as JSON dates are written).
  await q.execute(sql`update audit_events set at = ${founded}::timestamptz,
      after = case
        when action = 'cycle.created' then jsonb_set(after, '{state}', '"planning"')
        when after ? 'createdAt' then jsonb_set(after, '{createdAt}', to_jsonb(${founded}::text))
        else after end
    where organization_id = ${organizationId} and at >= ${since}::timestamptz
      and action = any(${`{${STRUCTURE_CREATED.join(",")}}`}::text[])`);
}

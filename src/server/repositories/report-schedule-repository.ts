import { and, asc, eq, sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../db/client.ts";
import { organizations, reportSchedules } from "../../db/schema.ts";
import type { Role } from "../../domain/roles.ts";
import { uuidArray } from "./sql-arrays.ts";
import { updateAtVersion } from "./versioned-update.ts";

export type ReportScheduleRow = typeof reportSchedules.$inferSelect;

/** At most this many schedules per organisation: each is a report drawn per recipient. */
export const MAX_REPORT_SCHEDULES = 50;

/** The organisation's report schedules, oldest first. */
export function listReportSchedules(q: Queryable, organizationId: string): Promise<ReportScheduleRow[]> {
  return q
    .select()
    .from(reportSchedules)
    .where(eq(reportSchedules.organizationId, organizationId))
    .orderBy(asc(reportSchedules.createdAt), asc(reportSchedules.id));
}

export async function findReportSchedule(
  q: Queryable,
  organizationId: string,
  id: string,
): Promise<ReportScheduleRow | undefined> {
  const [row] = await q
    .select()
    .from(reportSchedules)
    .where(and(eq(reportSchedules.organizationId, organizationId), eq(reportSchedules.id, id)));
  return row;
}

export async function countReportSchedules(q: Queryable, organizationId: string): Promise<number> {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(reportSchedules)
    .where(eq(reportSchedules.organizationId, organizationId));
  return row?.n ?? 0;
}

export async function insertReportSchedule(
  q: Queryable,
  values: typeof reportSchedules.$inferInsert,
): Promise<ReportScheduleRow> {
  const [row] = await q.insert(reportSchedules).values(values).returning();
  return row!;
}

/** Saves a change if nobody saved since `version`; undefined otherwise. */
export async function updateReportSchedule(
  q: Queryable,
  organizationId: string,
  id: string,
  version: number,
  patch: Partial<Pick<ReportScheduleRow, "teamId" | "frequency" | "format" | "recipientUserIds">>,
): Promise<ReportScheduleRow | undefined> {
  const key = [eq(reportSchedules.organizationId, organizationId), eq(reportSchedules.id, id)];
  const [row] = await updateAtVersion(q, reportSchedules, key, version, patch).returning();
  return row;
}

export async function deleteReportSchedule(
  q: Queryable,
  organizationId: string,
  id: string,
): Promise<boolean> {
  const rows = await q
    .delete(reportSchedules)
    .where(and(eq(reportSchedules.organizationId, organizationId), eq(reportSchedules.id, id)))
    .returning({ id: reportSchedules.id });
  return rows.length > 0;
}

/**
 * Every schedule of every organisation that gets scheduled mail (demo organisations are
 * left out: their addresses are made up), for the sender's tick: a few thousand rows at most.
 */
export async function schedulesForSending(q: Queryable): Promise<ReportScheduleRow[]> {
  return q
    .select({ schedule: reportSchedules })
    .from(reportSchedules)
    .innerJoin(organizations, eq(organizations.id, reportSchedules.organizationId))
    .where(eq(organizations.isDemo, false))
    .orderBy(asc(reportSchedules.organizationId), asc(reportSchedules.createdAt), asc(reportSchedules.id))
    .then((rows) => rows.map((r) => r.schedule));
}

export type ActiveRecipient = { userId: string; name: string; email: string; role: Role };

/** The active members among `userIds`, with the role their copy of a report is drawn with. */
export async function activeRecipients(
  q: Queryable,
  organizationId: string,
  userIds: readonly string[],
): Promise<ActiveRecipient[]> {
  if (userIds.length === 0) return [];
  const result = await q.execute(sql`
    select u.id, u.name, u.email, m.role from memberships m join users u on u.id = m.user_id
    where m.organization_id = ${organizationId} and m.status = 'active' and m.user_id = any(${uuidArray(userIds)})
    order by u.id`);
  return rowsOf<{ id: string; name: string; email: string; role: Role }>(result).map((r) => ({
    userId: r.id,
    name: r.name,
    email: r.email,
    role: r.role,
  }));
}

import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.ts";
import { notifications } from "../../db/schema-coach.ts";
import type { NameCursor } from "../lib/pagination.ts";

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = Omit<typeof notifications.$inferInsert, "id" | "createdAt" | "readAt">;

/**
 * Writes notifications in one statement; one whose person already has its `dedupeKey`
 * is skipped, so an event noticed twice (a recompute retried, a value re-entered) is
 * told once. Returns how many were written.
 */
export async function insertNotifications(q: Queryable, rows: readonly NewNotification[]): Promise<number> {
  if (rows.length === 0) return 0;
  const written = await q
    .insert(notifications)
    .values([...rows])
    .onConflictDoNothing({
      target: [notifications.organizationId, notifications.userId, notifications.dedupeKey],
    })
    .returning({ id: notifications.id });
  return written.length;
}

/** One page of a person's notifications, newest first (limit + 1 rows for the next cursor). */
export async function listNotificationsOf(
  q: Queryable,
  organizationId: string,
  userId: string,
  page: { after?: NameCursor | undefined; limit: number },
): Promise<NotificationRow[]> {
  const where = [eq(notifications.organizationId, organizationId), eq(notifications.userId, userId)];
  if (page.after) {
    where.push(
      sql`(date_trunc('milliseconds', ${notifications.createdAt}), ${notifications.id}) < (${page.after.k}::timestamptz, ${page.after.id}::uuid)`,
    );
  }
  return q
    .select()
    .from(notifications)
    .where(and(...where))
    .orderBy(sql`date_trunc('milliseconds', ${notifications.createdAt}) desc`, desc(notifications.id))
    .limit(page.limit + 1);
}

/** One of a person's notifications; undefined when it is someone else's or does not exist. */
export async function notificationOf(
  q: Queryable,
  organizationId: string,
  userId: string,
  id: string,
): Promise<NotificationRow | undefined> {
  const [row] = await q
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.organizationId, organizationId),
        eq(notifications.userId, userId),
        eq(notifications.id, id),
      ),
    );
  return row;
}

/** Marks a person's notification read once; reading it again keeps the first time. */
export async function markNotificationRead(
  q: Queryable,
  organizationId: string,
  userId: string,
  id: string,
  at: Date,
): Promise<NotificationRow | undefined> {
  const [row] = await q
    .update(notifications)
    .set({ readAt: at })
    .where(
      and(
        eq(notifications.organizationId, organizationId),
        eq(notifications.userId, userId),
        eq(notifications.id, id),
        isNull(notifications.readAt),
      ),
    )
    .returning();
  return row ?? (await notificationOf(q, organizationId, userId, id));
}

/** A person's unread notifications, oldest first (the inbox lists what is still to read). */
export function unreadNotificationsOf(
  q: Queryable,
  organizationId: string,
  userId: string,
): Promise<NotificationRow[]> {
  return q
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.organizationId, organizationId),
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
      ),
    )
    .orderBy(notifications.createdAt, notifications.id);
}

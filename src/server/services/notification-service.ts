import { AppError } from "../../shared/errors.ts";
import type { Notification } from "../../shared/schemas/notifications.ts";
import type { Actor, Deps } from "../context.ts";
import { decodeCursor, toPage } from "../lib/pagination.ts";
import { authorize } from "../policies/org-policy.ts";
import {
  listNotificationsOf,
  markNotificationRead,
  type NotificationRow,
} from "../repositories/notification-repository.ts";

function present(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    subjectKind: row.subjectKind,
    subjectId: row.subjectId,
    title: row.title,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

/** The caller's own notifications, newest first. A service token is nobody: it has none. */
export async function listMyNotifications(
  deps: Deps,
  actor: Actor,
  query: { cursor?: string | undefined; limit: number },
) {
  authorize(actor, "read");
  const after = decodeCursor(query.cursor, "timestamp");
  if (!actor.userId) return { items: [], nextCursor: null };
  const rows = await listNotificationsOf(deps.db, actor.organizationId, actor.userId, {
    after,
    limit: query.limit,
  });
  const page = toPage(rows, query.limit, (r) => ({ k: r.createdAt.toISOString(), id: r.id }));
  return { items: page.items.map(present), nextCursor: page.nextCursor };
}

/**
 * Marks one of the caller's notifications read (again: no change). Someone else's is
 * not found, so the answer says nothing about whether it exists.
 */
export async function readMyNotification(deps: Deps, actor: Actor, id: string): Promise<Notification> {
  authorize(actor, "read");
  const row = actor.userId
    ? await markNotificationRead(deps.db, actor.organizationId, actor.userId, id, deps.now())
    : undefined;
  if (!row) throw new AppError("not_found", "This notification was not found.");
  return present(row);
}

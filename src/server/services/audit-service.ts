import { AppError } from "../../shared/errors.ts";
import type { Actor, Deps } from "../context.ts";
import { authorize } from "../policies/org-policy.ts";
import { listAuditEvents } from "../repositories/audit-repository.ts";

export async function auditLog(
  deps: Deps,
  actor: Actor,
  query: {
    entityType?: string;
    entityId?: string;
    actorUserId?: string;
    action?: string;
    cursor?: string;
    limit: number;
  },
) {
  authorize(actor, "read_audit");
  let beforeId: number | undefined;
  if (query.cursor) {
    beforeId = Number(query.cursor);
    if (!Number.isSafeInteger(beforeId) || beforeId < 1) {
      throw new AppError("validation_failed", "cursor: is not a cursor this API gave out", {
        issues: [{ field: "cursor", message: "is not a cursor this API gave out" }],
      });
    }
  }
  const rows = await listAuditEvents(deps.db, actor.organizationId, { ...query, beforeId });
  const items = rows.slice(0, query.limit).map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actorUserId: r.actorUserId,
    actorTokenId: r.actorTokenId,
    actorLabel: r.actorLabel,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    entityLabel: r.entityLabel,
    before: r.before ?? null,
    after: r.after ?? null,
    reason: r.reason,
  }));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > query.limit && last ? String(last.id) : null };
}

import { and, desc, eq, like, lt } from "drizzle-orm";
import type { Queryable } from "../../db/client.ts";
import { auditEvents } from "../../db/schema.ts";
import type { Actor } from "../context.ts";

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string;
  entityLabel?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
};

function auditRow(actor: Actor, entry: AuditEntry) {
  return {
    organizationId: actor.organizationId,
    actorUserId: actor.userId,
    actorTokenId: actor.tokenId,
    actorLabel: actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    entityLabel: entry.entityLabel ?? null,
    before: toJson(entry.before),
    after: toJson(entry.after),
    reason: entry.reason ?? null,
    requestId: actor.requestId,
    ...(actor.clock ? { at: actor.clock() } : {}),
  };
}

/** Writes one audit event; call it inside the transaction that makes the change. */
export async function recordAudit(q: Queryable, actor: Actor, entry: AuditEntry): Promise<void> {
  await q.insert(auditEvents).values(auditRow(actor, entry));
}

/**
 * Writes many audit events in one statement (rows created in bulk, e.g. the demo).
 * Their ids follow the order of `entries`.
 */
export async function recordAuditMany(q: Queryable, actor: Actor, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await q.insert(auditEvents).values(entries.map((entry) => auditRow(actor, entry)));
}

/** Dates become ISO strings so snapshots read the same on both engines. */
function toJson(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value));
}

export type AuditFilter = {
  entityType?: string;
  entityId?: string;
  actorUserId?: string;
  action?: string;
  beforeId?: number;
  limit: number;
};

export function listAuditEvents(q: Queryable, organizationId: string, f: AuditFilter) {
  const conditions = [eq(auditEvents.organizationId, organizationId)];
  if (f.entityType) conditions.push(eq(auditEvents.entityType, f.entityType));
  if (f.entityId) conditions.push(eq(auditEvents.entityId, f.entityId));
  if (f.actorUserId) conditions.push(eq(auditEvents.actorUserId, f.actorUserId));
  // "team" matches every team action (team.created, team.moved…); "team.moved" just that one.
  if (f.action) {
    conditions.push(
      f.action.includes(".") ? eq(auditEvents.action, f.action) : like(auditEvents.action, `${f.action}.%`),
    );
  }
  if (f.beforeId !== undefined) conditions.push(lt(auditEvents.id, f.beforeId));
  return q
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.id))
    .limit(f.limit + 1);
}

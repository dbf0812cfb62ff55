/**
 * Audit events of seeded data. A seed tells a story that happened before today, so its
 * events carry the moment each change would have been made, not the time of writing
 * (recordAudit and recordAuditMany date events by the transaction).
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "../../../db/client.ts";
import { auditEvents } from "../../../db/schema.ts";
import { inBatches } from "./seed-batches.ts";

/** An audit event as stored, with its own `at`. */
export type BackdatedAuditEvent = typeof auditEvents.$inferInsert;

/** Writes backdated audit events in batches; their ids follow the order of `events`. */
export async function insertBackdatedAuditEvents(q: Queryable, events: BackdatedAuditEvent[]): Promise<void> {
  await inBatches(events, (batch) => q.insert(auditEvents).values(batch));
}

/**
 * Dates the "escalation.opened" events of an organisation when their escalations opened:
 * opening an escalation audits it as of now, which a seeded past escalation is not.
 */
export async function dateEscalationOpenedEvents(q: Queryable, organizationId: string): Promise<void> {
  await q.execute(sql`
    update audit_events a set at = e.opened_at
    from escalations e
    where a.organization_id = ${organizationId} and e.organization_id = ${organizationId}
      and a.action = 'escalation.opened' and a.entity_id = e.id::text`);
}

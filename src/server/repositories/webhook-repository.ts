import { and, desc, eq, sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../db/client.ts";
import { webhookDeliveries, webhooks } from "../../db/schema.ts";
import { updateAtVersion } from "./versioned-update.ts";

export type WebhookRow = typeof webhooks.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;

/** At most this many webhooks per organisation: each event fans out to all of them. */
export const MAX_WEBHOOKS = 20;

// The outer table is named in full: interpolated columns would come out unqualified and
// bind to webhook_deliveries instead, so the subquery would not correlate.
const lastDelivery = sql<{ status: string; at: string } | null>`(
  select json_build_object('status', d.status, 'at', d.created_at)
  from webhook_deliveries d
  where d.organization_id = webhooks.organization_id and d.webhook_id = webhooks.id
  order by d.created_at desc limit 1)`;

/** The organisation's webhooks, oldest first, each with its newest delivery's outcome. */
export function listWebhooks(q: Queryable, organizationId: string) {
  return q
    .select({ webhook: webhooks, lastDelivery })
    .from(webhooks)
    .where(eq(webhooks.organizationId, organizationId))
    .orderBy(webhooks.createdAt, webhooks.id);
}

export async function findWebhook(q: Queryable, organizationId: string, id: string) {
  const [row] = await q
    .select({ webhook: webhooks, lastDelivery })
    .from(webhooks)
    .where(and(eq(webhooks.organizationId, organizationId), eq(webhooks.id, id)));
  return row;
}

export async function countWebhooks(q: Queryable, organizationId: string): Promise<number> {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(webhooks)
    .where(eq(webhooks.organizationId, organizationId));
  return row?.n ?? 0;
}

export async function insertWebhook(q: Queryable, values: typeof webhooks.$inferInsert) {
  const [row] = await q.insert(webhooks).values(values).returning();
  return row!;
}

export async function updateWebhook(
  q: Queryable,
  organizationId: string,
  id: string,
  version: number,
  patch: Partial<
    Pick<WebhookRow, "url" | "description" | "events" | "format" | "enabled" | "secretCiphertext">
  >,
) {
  const key = [eq(webhooks.organizationId, organizationId), eq(webhooks.id, id)];
  const [row] = await updateAtVersion(q, webhooks, key, version, patch).returning();
  return row;
}

export async function deleteWebhook(q: Queryable, organizationId: string, id: string) {
  const rows = await q
    .delete(webhooks)
    .where(and(eq(webhooks.organizationId, organizationId), eq(webhooks.id, id)))
    .returning({ id: webhooks.id });
  return rows.length > 0;
}

/**
 * One pending delivery per enabled webhook of the organisation that subscribes to the
 * event, in one statement: written in the transaction of the change, so an event that
 * happened is never lost and one that rolled back is never sent. Returns how many.
 */
export async function insertDeliveriesForEvent(
  q: Queryable,
  organizationId: string,
  eventType: string,
  payload: unknown,
  now: Date,
): Promise<number> {
  const result = await q.execute(sql`
    insert into webhook_deliveries (organization_id, webhook_id, event_type, payload, next_attempt_at, created_at)
    select organization_id, id, ${eventType}, ${JSON.stringify(payload)}::jsonb, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
    from webhooks
    where organization_id = ${organizationId} and enabled and events @> jsonb_build_array(${eventType}::text)
    returning id`);
  return rowsOf(result).length;
}

/** One delivery to one webhook (the test send). */
export async function insertDelivery(
  q: Queryable,
  values: { organizationId: string; webhookId: string; eventType: string; payload: unknown; now: Date },
) {
  const [row] = await q
    .insert(webhookDeliveries)
    .values({
      organizationId: values.organizationId,
      webhookId: values.webhookId,
      eventType: values.eventType,
      payload: values.payload,
      nextAttemptAt: values.now,
      createdAt: values.now,
    })
    .returning();
  return row!;
}

export function listDeliveries(q: Queryable, organizationId: string, webhookId: string, limit: number) {
  return q
    .select()
    .from(webhookDeliveries)
    .where(
      and(eq(webhookDeliveries.organizationId, organizationId), eq(webhookDeliveries.webhookId, webhookId)),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit);
}

/**
 * Claims due deliveries of all organisations: their next attempt moves `leaseMs` ahead,
 * so no other instance (or tick) takes them while this one sends; `skip locked` lets
 * several instances claim side by side. If this instance dies mid-send, the lease runs
 * out and the delivery is taken again.
 */
export async function claimDueDeliveries(q: Queryable, now: Date, leaseMs: number, limit: number) {
  const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
  const result = await q.execute(sql`
    update webhook_deliveries set next_attempt_at = ${leaseUntil}::timestamptz
    where (organization_id, id) in (
      select organization_id, id from webhook_deliveries
      where status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz
      order by next_attempt_at
      limit ${limit}
      for update skip locked
    )
    returning organization_id, id, webhook_id, event_type, payload, attempts`);
  return rowsOf<{
    organization_id: string;
    id: string;
    webhook_id: string;
    event_type: string;
    payload: unknown;
    attempts: number;
  }>(result).map((r) => ({
    organizationId: r.organization_id,
    id: r.id,
    webhookId: r.webhook_id,
    eventType: r.event_type,
    payload: typeof r.payload === "string" ? (JSON.parse(r.payload) as unknown) : r.payload,
    attempts: r.attempts,
  }));
}

/** Records an attempt's outcome: succeeded, failed for good, or pending until `nextAttemptAt`. */
export async function recordDeliveryAttempt(
  q: Queryable,
  organizationId: string,
  id: string,
  outcome: {
    status: "pending" | "succeeded" | "failed";
    attempts: number;
    nextAttemptAt: Date;
    responseStatus: number | null;
    responseBody: string | null;
    error: string | null;
    deliveredAt: Date | null;
  },
) {
  await q
    .update(webhookDeliveries)
    .set(outcome)
    .where(and(eq(webhookDeliveries.organizationId, organizationId), eq(webhookDeliveries.id, id)));
}

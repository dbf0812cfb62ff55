/**
 * Organisation events: what the services announce when a check-in, a flag, a KPI's status,
 * an escalation or a cycle changes. One call, inside the transaction of the change, writes
 * a pending delivery for each webhook that wants the event and queues a notification for
 * live pages; both take effect only when the change commits (docs/webhooks.md,
 * docs/live-events.md).
 */
import { randomUUID } from "node:crypto";
import type { Queryable } from "../../db/client.ts";
import type { LiveEventType, LiveSubjectKind } from "../../shared/schemas/live-events.ts";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "../../shared/schemas/webhooks.ts";
import { notifyListeners, notifyListenersMany } from "../repositories/live-event-repository.ts";
import { insertDeliveriesForEvent } from "../repositories/webhook-repository.ts";

export type OrgEvent = {
  type: LiveEventType;
  organizationId: string;
  subject: { kind: LiveSubjectKind; id: string };
  /** Related ids; all a live client receives besides the type and subject. */
  ids: Record<string, string>;
  /** One readable sentence: the whole message of a Slack/Teams webhook. */
  text: string;
  /** More for generic webhooks (names, values); never sent to live clients. */
  data?: Record<string, unknown>;
  at: Date;
};

/** What travels through PostgreSQL's NOTIFY: small (the limit is 8000 bytes), ids only. */
export type Notification = {
  id: string;
  organizationId: string;
  type: LiveEventType;
  subject: { kind: LiveSubjectKind; id: string };
  ids: Record<string, string>;
  /** Deliveries were written: senders may start at once instead of at their next tick. */
  deliveries: boolean;
};

const webhookTypes: ReadonlySet<string> = new Set(WEBHOOK_EVENT_TYPES);

/** The body a generic webhook receives (a Slack one receives `{ text }`). */
export function webhookPayload(id: string, event: OrgEvent) {
  return {
    id,
    type: event.type,
    occurredAt: event.at.toISOString(),
    organizationId: event.organizationId,
    subject: event.subject,
    text: event.text,
    data: { ...event.ids, ...event.data },
  };
}

/**
 * Announces an event from within the change's transaction (or statement). Nothing leaves
 * Keel here: webhook deliveries are rows the sender picks up, and the notification is
 * delivered by the database at commit.
 */
export async function publishOrgEvent(q: Queryable, event: OrgEvent): Promise<void> {
  const id = randomUUID();
  const deliveries = webhookTypes.has(event.type)
    ? await insertDeliveriesForEvent(
        q,
        event.organizationId,
        event.type as WebhookEventType,
        webhookPayload(id, event),
        event.at,
      )
    : 0;
  const note: Notification = {
    id,
    organizationId: event.organizationId,
    type: event.type,
    subject: event.subject,
    ids: event.ids,
    deliveries: deliveries > 0,
  };
  await notifyListeners(q, JSON.stringify(note));
}

/**
 * Announces events that no webhook receives (live-only, such as `kpi.values_changed`) in
 * one statement: a recompute round that touched hundreds of KPIs adds one round trip.
 */
export async function publishLiveOnly(q: Queryable, events: readonly OrgEvent[]): Promise<void> {
  const notes = events.map((event): Notification => {
    if (webhookTypes.has(event.type))
      throw new Error(`${event.type} goes to webhooks: publish it with publishOrgEvent`);
    return {
      id: randomUUID(),
      organizationId: event.organizationId,
      type: event.type,
      subject: event.subject,
      ids: event.ids,
      deliveries: false,
    };
  });
  await notifyListenersMany(
    q,
    notes.map((n) => JSON.stringify(n)),
  );
}

/**
 * Outgoing webhooks, managed by admins (docs/webhooks.md). The signing secret is made by
 * Keel, stored encrypted (lib/secret-box.ts) and shown once: when the webhook is created,
 * when it is rotated, and when the URL changes, since a secret must not follow its
 * events to a new receiver (the same rule as connector credentials).
 */
import { randomUUID } from "node:crypto";
import { changedFields } from "../../../domain/no-op.ts";
import { newWebhookSecret } from "../../../domain/webhooks/webhook-signature.ts";
import { AppError, fieldError, notFound, versionConflict } from "../../../shared/errors.ts";
import type { Webhook, WebhookDelivery, WebhookEventType } from "../../../shared/schemas/webhooks.ts";
import type { Actor, Deps } from "../../context.ts";
import { sealSecret } from "../../lib/secret-box.ts";
import { authorize } from "../../policies/org-policy.ts";
import { recordAudit } from "../../repositories/audit-repository.ts";
import { notifyListeners } from "../../repositories/live-event-repository.ts";
import {
  countWebhooks,
  deleteWebhook,
  findWebhook,
  insertDelivery,
  insertWebhook,
  listDeliveries,
  listWebhooks,
  MAX_WEBHOOKS,
  updateWebhook,
  type WebhookDeliveryRow,
  type WebhookRow,
} from "../../repositories/webhook-repository.ts";
import { checkTarget, httpTarget, targetPolicyOf } from "../kpi/connector-runners/target-guard.ts";

/** Bound to the webhook: a ciphertext copied onto another webhook does not open there. */
export const secretContext = (organizationId: string, id: string) => `webhook:${organizationId}:${id}`;

type Listed = { webhook: WebhookRow; lastDelivery: { status: string; at: string } | null };

function present({ webhook: w, lastDelivery }: Listed): Webhook {
  return {
    id: w.id,
    url: w.url,
    description: w.description,
    events: w.events as WebhookEventType[],
    format: w.format,
    enabled: w.enabled,
    version: w.version,
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
    lastDelivery: lastDelivery
      ? {
          status: lastDelivery.status as "pending" | "succeeded" | "failed",
          at: new Date(lastDelivery.at).toISOString(),
        }
      : null,
  };
}

/** What the audit log keeps: never the secret. */
const audited = (w: WebhookRow) => ({
  url: w.url,
  description: w.description,
  events: w.events,
  format: w.format,
  enabled: w.enabled,
});

export function presentDelivery(d: WebhookDeliveryRow): WebhookDelivery {
  return {
    id: d.id,
    eventType: d.eventType,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.status === "pending" ? d.nextAttemptAt.toISOString() : null,
    responseStatus: d.responseStatus,
    responseBody: d.responseBody,
    error: d.error,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
  };
}

/** How long a save waits for DNS; a host that does not resolve now is checked at each send. */
const SAVE_RESOLVE_MS = 2_000;

/** Refuses a URL Keel may not post to: the connectors' address rules (target-guard.ts). */
async function refuseBlockedUrl(deps: Deps, url: string) {
  const checked = await checkTarget(targetPolicyOf(deps.config), httpTarget(url), SAVE_RESOLVE_MS);
  if (!checked.ok && checked.refused) throw fieldError("url", checked.reason);
}

async function existing(deps: Deps, actor: Actor, id: string): Promise<Listed> {
  const found = await findWebhook(deps.db, actor.organizationId, id);
  if (!found) throw notFound("That webhook");
  return found;
}

export async function listWebhooksFor(deps: Deps, actor: Actor): Promise<{ items: Webhook[] }> {
  authorize(actor, "manage_settings");
  return { items: (await listWebhooks(deps.db, actor.organizationId)).map(present) };
}

export async function getWebhookFor(deps: Deps, actor: Actor, id: string): Promise<Webhook> {
  authorize(actor, "manage_settings");
  return present(await existing(deps, actor, id));
}

export async function createWebhookFor(
  deps: Deps,
  actor: Actor,
  input: {
    url: string;
    description: string;
    events: WebhookEventType[];
    format: "generic" | "slack";
    enabled: boolean;
  },
) {
  authorize(actor, "manage_settings");
  await refuseBlockedUrl(deps, input.url);
  return deps.db.transaction(async (tx) => {
    if ((await countWebhooks(tx, actor.organizationId)) >= MAX_WEBHOOKS) {
      throw new AppError(
        "conflict",
        `An organisation has at most ${MAX_WEBHOOKS} webhooks; delete one first.`,
      );
    }
    const id = randomUUID();
    const secret = newWebhookSecret();
    const row = await insertWebhook(tx, {
      organizationId: actor.organizationId,
      id,
      ...input,
      secretCiphertext: sealSecret(deps.secretKey(), secret, secretContext(actor.organizationId, id)),
    });
    await recordAudit(tx, actor, {
      action: "webhook.created",
      entityType: "webhook",
      entityId: id,
      entityLabel: row.url,
      after: audited(row),
    });
    return { ...present({ webhook: row, lastDelivery: null }), secret };
  });
}

export async function updateWebhookFor(
  deps: Deps,
  actor: Actor,
  id: string,
  input: {
    version: number;
    url?: string | undefined;
    description?: string | undefined;
    events?: WebhookEventType[] | undefined;
    format?: "generic" | "slack" | undefined;
    enabled?: boolean | undefined;
  },
) {
  authorize(actor, "manage_settings");
  const before = await existing(deps, actor, id);
  const { version, ...patch } = input;
  if (version !== before.webhook.version) throw versionConflict("The webhook");
  const changed = changedFields(patch, before.webhook);
  if (changed.length === 0) return { ...present(before), secret: null };
  const newUrl = changed.includes("url");
  if (newUrl) await refuseBlockedUrl(deps, patch.url!);
  const secret = newUrl ? newWebhookSecret() : null;
  return deps.db.transaction(async (tx) => {
    const after = await updateWebhook(tx, actor.organizationId, id, version, {
      ...patch,
      ...(secret
        ? { secretCiphertext: sealSecret(deps.secretKey(), secret, secretContext(actor.organizationId, id)) }
        : {}),
    });
    if (!after) throw versionConflict("The webhook");
    await recordAudit(tx, actor, {
      action: "webhook.updated",
      entityType: "webhook",
      entityId: id,
      entityLabel: after.url,
      before: audited(before.webhook),
      after: { ...audited(after), ...(secret ? { secretRotated: true } : {}) },
    });
    return { ...present({ webhook: after, lastDelivery: before.lastDelivery }), secret };
  });
}

export async function rotateWebhookSecretFor(deps: Deps, actor: Actor, id: string, version: number) {
  authorize(actor, "manage_settings");
  const before = await existing(deps, actor, id);
  const secret = newWebhookSecret();
  return deps.db.transaction(async (tx) => {
    const after = await updateWebhook(tx, actor.organizationId, id, version, {
      secretCiphertext: sealSecret(deps.secretKey(), secret, secretContext(actor.organizationId, id)),
    });
    if (!after) throw versionConflict("The webhook");
    await recordAudit(tx, actor, {
      action: "webhook.secret_rotated",
      entityType: "webhook",
      entityId: id,
      entityLabel: after.url,
    });
    return { ...present({ webhook: after, lastDelivery: before.lastDelivery }), secret };
  });
}

export async function deleteWebhookFor(deps: Deps, actor: Actor, id: string): Promise<Webhook> {
  authorize(actor, "manage_settings");
  const before = await existing(deps, actor, id);
  return deps.db.transaction(async (tx) => {
    if (!(await deleteWebhook(tx, actor.organizationId, id))) throw notFound("That webhook");
    await recordAudit(tx, actor, {
      action: "webhook.deleted",
      entityType: "webhook",
      entityId: id,
      entityLabel: before.webhook.url,
      before: audited(before.webhook),
    });
    return present(before);
  });
}

export async function listDeliveriesFor(deps: Deps, actor: Actor, id: string, limit: number) {
  authorize(actor, "manage_settings");
  await existing(deps, actor, id);
  return { items: (await listDeliveries(deps.db, actor.organizationId, id, limit)).map(presentDelivery) };
}

/** Queues a `webhook.test` delivery, sent like any other (so it shows in the log). */
export async function sendTestFor(deps: Deps, actor: Actor, id: string): Promise<WebhookDelivery> {
  authorize(actor, "manage_settings");
  const { webhook } = await existing(deps, actor, id);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const deliveryId = randomUUID();
    const row = await insertDelivery(tx, {
      organizationId: actor.organizationId,
      webhookId: webhook.id,
      eventType: "webhook.test",
      payload: {
        id: deliveryId,
        type: "webhook.test",
        occurredAt: now.toISOString(),
        organizationId: actor.organizationId,
        subject: null,
        text: `Test message from Keel (${actor.orgName}), sent by ${actor.label}.`,
        data: {},
      },
      now,
    });
    // Wakes the senders at once rather than at their next tick.
    await notifyListeners(tx, JSON.stringify({ wake: "webhooks" }));
    return presentDelivery(row);
  });
}

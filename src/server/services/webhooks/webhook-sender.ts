/**
 * Sends one claimed delivery and records the outcome in the delivery log: a 2xx answer
 * is success; anything else is retried with back-off (domain/webhooks/delivery-retry.ts)
 * until the attempts run out. Runs outside any request, so a slow or failing target only
 * ever delays its own deliveries.
 */
import { retryDelayMs, trimResponse } from "../../../domain/webhooks/delivery-retry.ts";
import {
  DELIVERY_HEADER,
  EVENT_HEADER,
  SIGNATURE_HEADER,
  signWebhook,
  TIMESTAMP_HEADER,
} from "../../../domain/webhooks/webhook-signature.ts";
import type { Deps } from "../../context.ts";
import { openSecret } from "../../lib/secret-box.ts";
import { findWebhook, recordDeliveryAttempt } from "../../repositories/webhook-repository.ts";
import { checkTarget, httpTarget, type TargetPolicy } from "../kpi/connector-runners/target-guard.ts";
import { postWebhook } from "./post-webhook.ts";
import { secretContext } from "./webhook-service.ts";

export type ClaimedDelivery = {
  organizationId: string;
  id: string;
  webhookId: string;
  eventType: string;
  payload: unknown;
  attempts: number;
};

/** What a Slack or Teams incoming webhook accepts: the event's sentence. */
function bodyFor(format: "generic" | "slack", payload: unknown): string {
  if (format === "slack") return JSON.stringify({ text: (payload as { text?: string }).text ?? "" });
  return JSON.stringify(payload);
}

export async function sendDelivery(
  deps: Deps,
  delivery: ClaimedDelivery,
  opts: { policy: TargetPolicy; timeoutMs: number },
): Promise<void> {
  const { organizationId, id } = delivery;
  const attempts = delivery.attempts + 1;
  const now = () => deps.now();
  const finish = (outcome: { status?: number; text?: string; error?: string; retry: boolean }) => {
    const ok = outcome.status !== undefined && outcome.status >= 200 && outcome.status < 300;
    const delay = ok || !outcome.retry ? null : retryDelayMs(attempts);
    return recordDeliveryAttempt(deps.db, organizationId, id, {
      status: ok ? "succeeded" : delay === null ? "failed" : "pending",
      attempts,
      nextAttemptAt: new Date(now().getTime() + (delay ?? 0)),
      responseStatus: outcome.status ?? null,
      responseBody: outcome.text === undefined ? null : trimResponse(outcome.text),
      error: outcome.error ?? (ok ? null : outcome.status === undefined ? null : `HTTP ${outcome.status}`),
      deliveredAt: ok ? now() : null,
    });
  };

  const found = await findWebhook(deps.db, organizationId, delivery.webhookId);
  // Deleted meanwhile: its deliveries went with it.
  if (!found) return;
  const { webhook } = found;
  if (!webhook.enabled) return finish({ error: "the webhook is disabled", retry: false });
  let secret: string;
  try {
    secret = openSecret(
      deps.secretKey(),
      webhook.secretCiphertext,
      secretContext(organizationId, webhook.id),
    );
  } catch {
    return finish({
      error: "the signing secret cannot be read with this instance's key; rotate it",
      retry: false,
    });
  }
  const deadline = Date.now() + opts.timeoutMs;
  const checked = await checkTarget(opts.policy, httpTarget(webhook.url), opts.timeoutMs);
  if (!checked.ok) return finish({ error: checked.reason, retry: !checked.refused });

  const body = bodyFor(webhook.format, delivery.payload);
  const timestamp = Math.floor(now().getTime() / 1000);
  const outcome = await postWebhook(
    new URL(webhook.url),
    {
      "content-type": "application/json",
      "user-agent": "Keel webhooks",
      [EVENT_HEADER]: delivery.eventType,
      [DELIVERY_HEADER]: id,
      [TIMESTAMP_HEADER]: String(timestamp),
      [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body),
    },
    body,
    checked.addresses,
    AbortSignal.timeout(Math.max(deadline - Date.now(), 1)),
  );
  if (outcome.kind === "failed") return finish({ error: outcome.reason, retry: true });
  return finish({ status: outcome.status, text: outcome.text, retry: true });
}

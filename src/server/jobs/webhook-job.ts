import type { Deps } from "../context.ts";
import { liveHubOf } from "../events/live-hub.ts";
import { logJobFailure } from "../lib/database-outage.ts";
import { claimDueDeliveries } from "../repositories/webhook-repository.ts";
import { targetPolicyOf } from "../services/kpi/connector-runners/target-guard.ts";
import { sendDelivery } from "../services/webhooks/webhook-sender.ts";

/** How often the sender looks for due deliveries (retries); new events wake it at once. */
export const WEBHOOK_TICK_MS = 5_000;
/** A target that has not answered within this long has failed this attempt. */
export const WEBHOOK_TIMEOUT_MS = 5_000;
const BATCH = 20;
/** Posts in flight at once: each mostly waits on someone else's server. */
const CONCURRENCY = 4;

/**
 * Claims due deliveries of all organisations and sends them, a few at a time; returns how
 * many it sent. Safe with several instances: the database hands each delivery to one of
 * them (claimDueDeliveries). Tests call this directly instead of waiting for the timer.
 */
export async function runDueDeliveries(
  deps: Deps,
  opts: { timeoutMs?: number; shouldStop?: () => boolean } = {},
): Promise<number> {
  const timeoutMs = opts.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const policy = targetPolicyOf(deps.config);
  // The lease outlasts a send (the DNS check and the POST each get the timeout).
  const leaseMs = Math.max(60_000, 3 * timeoutMs);
  let sent = 0;
  for (;;) {
    const claimed = await claimDueDeliveries(deps.db, deps.now(), leaseMs, BATCH);
    let next = 0;
    const worker = async () => {
      while (next < claimed.length) {
        const d = claimed[next++]!;
        try {
          await sendDelivery(deps, d, { policy, timeoutMs });
        } catch (err) {
          // Its lease runs out and it is tried again; the others go on.
          logJobFailure(
            deps,
            err,
            { organizationId: d.organizationId, deliveryId: d.id },
            "webhook send crashed",
          );
        }
        sent++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, claimed.length) }, worker));
    if (claimed.length < BATCH || opts.shouldStop?.()) return sent;
  }
}

export type WebhookJob = { stop(): Promise<void> };

/**
 * Sends due deliveries every WEBHOOK_TICK_MS, and at once when an event of any instance
 * wrote deliveries (heard through the live hub). Ticks never overlap; stop() waits for
 * the sends in flight.
 */
export function startWebhookJob(deps: Deps, tickMs = WEBHOOK_TICK_MS): WebhookJob {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  const tick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    if (timer) clearTimeout(timer);
    running = runDueDeliveries(deps, { shouldStop: () => stopped })
      .then(
        () => {},
        (err) => logJobFailure(deps, err, {}, "webhook job tick failed; trying again at the next tick"),
      )
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          tick();
        } else schedule();
      });
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(tick, tickMs);
    timer.unref();
  };
  const unsubscribe = liveHubOf(deps.db).subscribe(null, (message) => {
    if (message === "wake" || (message !== "resync" && message.deliveries)) tick();
  });
  schedule();

  return {
    async stop() {
      stopped = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

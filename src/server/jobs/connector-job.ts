import type { Deps } from "../context.ts";
import { logJobFailure } from "../lib/database-outage.ts";
import { claimDueConnectors } from "../repositories/connector-repository.ts";
import { runConnector } from "../services/kpi/connector-run-service.ts";

/** How often the job looks for due connectors. */
export const CONNECTOR_TICK_MS = 15_000;
/** Connectors claimed per statement; a tick claims again while it finds a full batch. */
const BATCH = 10;
/** Runs in flight at once: each mostly waits on someone else's server. */
const CONCURRENCY = 4;

/**
 * A claimed connector's next_run_at moves this far ahead while it runs. It must outlast
 * the longest run (a connection timeout plus a statement or HTTP timeout, then the write),
 * so another instance never takes it mid-run; if this instance dies, the connector is
 * taken again once the lease ends.
 */
function leaseMs(deps: Deps): number {
  return Math.max(2 * 60_000, 3 * deps.config.connectorTimeoutMs);
}

/**
 * Claims due connectors of all organisations and runs them, a few at a time; returns how
 * many it ran. Safe with several instances: each connector is claimed by one statement in
 * one of them. Tests call this directly instead of waiting for the timer.
 */
export async function runDueConnectors(
  deps: Deps,
  opts: { shouldStop?: () => boolean } = {},
): Promise<number> {
  let ran = 0;
  for (;;) {
    const claimed = await claimDueConnectors(deps.db, deps.now(), leaseMs(deps), BATCH);
    let next = 0;
    const worker = async () => {
      while (next < claimed.length) {
        const c = claimed[next++]!;
        try {
          await runConnector(deps, c.organizationId, c.kpiId);
        } catch (err) {
          // One broken connector (or a database hiccup) must not stop the others; its
          // lease runs out and it is tried again.
          logJobFailure(
            deps,
            err,
            { organizationId: c.organizationId, kpiId: c.kpiId },
            "connector run crashed",
          );
        }
        ran++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, claimed.length) }, worker));
    if (claimed.length < BATCH || opts.shouldStop?.()) return ran;
  }
}

export type ConnectorJob = { stop(): Promise<void> };

/**
 * Runs due connectors every CONNECTOR_TICK_MS until stopped. Ticks never overlap (the
 * next is scheduled when one ends); stop() waits for the runs in flight, so shutdown
 * does not cut a value's write short.
 */
export function startConnectorJob(deps: Deps, tickMs = CONNECTOR_TICK_MS): ConnectorJob {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  const tick = async () => {
    try {
      await runDueConnectors(deps, { shouldStop: () => stopped });
    } catch (err) {
      logJobFailure(deps, err, {}, "connector job tick failed; trying again at the next tick");
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      current = tick().finally(schedule);
    }, tickMs);
    timer.unref();
  };
  schedule();

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}

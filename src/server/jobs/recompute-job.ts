import type { Deps } from "../context.ts";
import { logJobFailure } from "../lib/database-outage.ts";
import { processRecomputeQueue } from "../services/kpi/recompute-service.ts";

/** How often queued KPI recomputes are worked off when no request did it already. */
export const RECOMPUTE_TICK_MS = 5_000;

export type RecomputeJob = { stop(): Promise<void> };

/**
 * Drains the KPI recompute queue (status, escalations, formulas) of every organisation
 * every few seconds. Requests that write values drain their own organisation's entries
 * at once; this catches the rest: bulk loads (which do not wait for it), a request that
 * failed after committing, another instance's work if it stopped. Ticks never overlap,
 * and stop() waits for the one in flight.
 */
export function startRecomputeJob(deps: Deps): RecomputeJob {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = processRecomputeQueue(deps)
      .then(() => undefined)
      .catch((err: unknown) =>
        logJobFailure(deps, err, {}, "KPI recompute failed; retrying on the next tick"),
      )
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, RECOMPUTE_TICK_MS);
      });
  };
  timer = setTimeout(tick, RECOMPUTE_TICK_MS);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

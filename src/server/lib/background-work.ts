import type { Db } from "../../db/client.ts";

/**
 * Work a request starts and does not wait for (the recompute after a bulk load, which
 * answers before it). Tracked so that nothing runs unseen: shutdown drains it before the
 * database closes under it, and tests drain it before they look at the result.
 */
export type BackgroundWork = {
  /** Keeps `work` until it settles. Its errors are the caller's to handle; here they only end the tracking. */
  track(work: Promise<unknown>): void;
  /** Resolves once everything tracked has settled, including work tracked while waiting. */
  drain(): Promise<void>;
  /** How much is in flight. */
  readonly pending: number;
};

export function createBackgroundWork(): BackgroundWork {
  const inFlight = new Set<Promise<void>>();
  return {
    track(work) {
      const settled: Promise<void> = work.then(
        () => {
          inFlight.delete(settled);
        },
        () => {
          inFlight.delete(settled);
        },
      );
      inFlight.add(settled);
    },
    async drain() {
      while (inFlight.size > 0) await Promise.all(inFlight);
    },
    get pending() {
      return inFlight.size;
    },
  };
}

const trackers = new WeakMap<Db, BackgroundWork>();

/**
 * The background work on a database. Kept beside the Db object rather than in Deps
 * (like the outage watch): requests, shutdown and tests see the same tracker without
 * each having to be handed it.
 */
export function backgroundWorkOf(db: Db): BackgroundWork {
  let work = trackers.get(db);
  if (!work) {
    work = createBackgroundWork();
    trackers.set(db, work);
  }
  return work;
}

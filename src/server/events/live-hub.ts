/**
 * Where an instance hears organisation events, from its own requests and from every other
 * instance on the same database: PostgreSQL's LISTEN on one dedicated connection per
 * instance (the pool's connections come and go), or PGlite's in-process listener (one
 * process holds its data folder, so nothing else can publish). Either way events arrive
 * only after the change committed. Kept beside the Db object, like the background work,
 * so requests, the webhook sender and shutdown share one hub without being handed it.
 */
import pg from "pg";
import type { Db } from "../../db/client.ts";
import { LIVE_CHANNEL } from "../repositories/live-event-repository.ts";
import type { Notification } from "./org-events.ts";

/**
 * "resync": the connection was lost and events may have been missed; refetch everything.
 * "wake": webhook deliveries were queued without an event (a test send); only
 * listeners of all organisations (the sender) hear it.
 */
export type HubMessage = Notification | "resync" | "wake";
export type HubListener = (message: HubMessage) => void;

export type LiveHub = {
  /** Events of one organisation, or of all (null). Returns the unsubscribe. */
  subscribe(organizationId: string | null, listener: HubListener): () => void;
  /** Resolves once the hub listens on the database (starts it if needed). */
  ready(): Promise<void>;
  close(): Promise<void>;
};

type PgliteLike = { listen(channel: string, cb: (payload: string) => void): Promise<() => Promise<void>> };
type PoolLike = { options: pg.ClientConfig };

const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 30_000;

function createHub(db: Db): LiveHub {
  const listeners = new Map<string | null, Set<HubListener>>();
  let started: Promise<void> | undefined;
  let stop: (() => Promise<void>) | undefined;
  let closed = false;

  const dispatch = (message: HubMessage) => {
    const targets = [...(listeners.get(null) ?? [])];
    if (message === "resync") for (const set of listeners.values()) targets.push(...set);
    else if (message !== "wake") targets.push(...(listeners.get(message.organizationId) ?? []));
    for (const listener of new Set(targets)) {
      try {
        listener(message);
      } catch {
        // One broken subscriber must not keep the event from the others.
      }
    }
  };
  const onPayload = (payload: string) => {
    let note: Notification & { wake?: string };
    try {
      note = JSON.parse(payload) as Notification & { wake?: string };
    } catch {
      return;
    }
    if (note?.wake) dispatch("wake");
    else if (typeof note?.organizationId === "string") dispatch(note);
  };

  const client = (db as unknown as { $client: unknown }).$client;

  const listenPglite = async (pglite: PgliteLike) => {
    const unlisten = await pglite.listen(LIVE_CHANNEL, onPayload);
    stop = unlisten;
  };

  const listenPostgres = (pool: PoolLike) =>
    new Promise<void>((resolveFirst) => {
      let delay = RECONNECT_MIN_MS;
      let current: pg.Client | undefined;
      let first = true;
      const connect = async () => {
        if (closed) return;
        const conn = new pg.Client({ ...pool.options, statement_timeout: 0, query_timeout: undefined });
        current = conn;
        let lost = false;
        const retry = () => {
          if (lost || closed) return;
          lost = true;
          conn.end().catch(() => {});
          setTimeout(connect, delay).unref();
          delay = Math.min(delay * 2, RECONNECT_MAX_MS);
        };
        conn.on("error", retry);
        conn.on("end", retry);
        conn.on("notification", (msg) => {
          if (msg.channel === LIVE_CHANNEL && msg.payload) onPayload(msg.payload);
        });
        try {
          await conn.connect();
          await conn.query(`listen ${LIVE_CHANNEL}`);
          delay = RECONNECT_MIN_MS;
          // Whatever happened while no connection listened is unknown: pages refetch.
          if (!first) dispatch("resync");
        } catch {
          retry();
        }
        if (first) {
          first = false;
          resolveFirst();
        }
      };
      stop = async () => {
        await current?.end().catch(() => {});
      };
      void connect();
    });

  return {
    subscribe(organizationId, listener) {
      let set = listeners.get(organizationId);
      if (!set) {
        set = new Set();
        listeners.set(organizationId, set);
      }
      set.add(listener);
      void this.ready();
      return () => {
        set.delete(listener);
      };
    },
    ready() {
      if (!started) {
        started =
          typeof (client as PgliteLike)?.listen === "function"
            ? listenPglite(client as PgliteLike)
            : (client as PoolLike | undefined)?.options
              ? listenPostgres(client as PoolLike)
              : Promise.resolve();
      }
      return started;
    },
    async close() {
      closed = true;
      listeners.clear();
      if (started) await started.catch(() => {});
      await stop?.().catch(() => {});
    },
  };
}

const hubs = new WeakMap<Db, LiveHub>();

export function liveHubOf(db: Db): LiveHub {
  let hub = hubs.get(db);
  if (!hub) {
    hub = createHub(db);
    hubs.set(db, hub);
  }
  return hub;
}

/** Stops listening before the database closes (shutdown, the end of a test file). */
export async function closeLiveHub(db: Db): Promise<void> {
  const hub = hubs.get(db);
  hubs.delete(db);
  await hub?.close();
}

import type { SSEStreamingApi } from "hono/streaming";
import type { LiveEvent } from "../../shared/schemas/live-events.ts";
import type { Actor, Deps } from "../context.ts";
import { mayReceive } from "./live-access.ts";
import { type HubMessage, liveHubOf } from "./live-hub.ts";

/** A comment line this often keeps proxies and browsers from closing an idle stream. */
export const HEARTBEAT_MS = 15_000;
/**
 * A stream ends after this long and the browser reconnects (it does so by itself): the
 * new request is authenticated again, so a person removed from the organisation, or whose
 * session ended, stops hearing its events within this time.
 */
export const STREAM_LIFETIME_MS = 5 * 60_000;
/** How soon a browser reconnects after the stream ended or broke. */
const RETRY_MS = 2_000;

/**
 * Feeds one subscriber: a `ready` event once the instance listens, then each event of the
 * organisation that the subscriber may read (checked as it arrives, with the same rules as
 * reads), heartbeats, and `resync` when events may have been missed.
 */
export async function pumpLiveEvents(
  deps: Deps,
  actor: Actor,
  stream: SSEStreamingApi,
  opts: { heartbeatMs?: number; lifetimeMs?: number } = {},
): Promise<void> {
  const hub = liveHubOf(deps.db);
  const queue: HubMessage[] = [];
  let wake: (() => void) | undefined;
  const unsubscribe = hub.subscribe(actor.organizationId, (message) => {
    queue.push(message);
    wake?.();
  });
  let ended = false;
  const end = () => {
    ended = true;
    wake?.();
  };
  stream.onAbort(end);
  const lifetime = setTimeout(end, opts.lifetimeMs ?? STREAM_LIFETIME_MS);
  try {
    await hub.ready();
    await stream.writeSSE({ event: "ready", data: "{}", retry: RETRY_MS });
    while (!ended) {
      const message = queue.shift();
      if (message === undefined) {
        const beat = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(true), opts.heartbeatMs ?? HEARTBEAT_MS);
          wake = () => {
            clearTimeout(timer);
            resolve(false);
          };
        });
        wake = undefined;
        if (beat && !ended) await stream.write(": heartbeat\n\n");
        continue;
      }
      if (message === "wake") continue;
      if (message === "resync") {
        await stream.writeSSE({ event: "resync", data: "{}" });
        continue;
      }
      if (!(await mayReceive(deps.db, actor, message))) continue;
      const event: LiveEvent = {
        id: message.id,
        type: message.type,
        subject: message.subject,
        ids: message.ids,
      };
      await stream.writeSSE({ id: message.id, data: JSON.stringify(event) });
    }
  } finally {
    clearTimeout(lifetime);
    unsubscribe();
  }
}

/**
 * A client of GET /api/orgs/{org}/events over real HTTP, as a browser's EventSource reads
 * it: collects the events and waits for the ones a test expects.
 */
import { SESSION_COOKIE } from "../../src/server/services/auth-service.ts";
import type { SessionClient } from "./harness.ts";

export type StreamEvent = { event: string; id?: string; data: string };

/** How long a test waits for an event before failing (never a pass/fail on speed). */
const WAIT_MS = 10_000;

export async function openEventStream(origin: string, orgSlug: string, as: SessionClient) {
  const abort = new AbortController();
  const res = await fetch(`${origin}/api/orgs/${orgSlug}/events`, {
    headers: { cookie: `${SESSION_COOKIE}=${as.cookie}`, accept: "text/event-stream" },
    signal: abort.signal,
  });
  if (res.status !== 200 || !res.body) throw new Error(`GET events → ${res.status}: ${await res.text()}`);
  const events: StreamEvent[] = [];
  const waiters = new Set<() => void>();
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
      if (done) return;
      buffer += value;
      let cut = buffer.indexOf("\n\n");
      while (cut >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const fields: Record<string, string> = {};
        for (const line of block.split("\n")) {
          if (!line || line.startsWith(":")) continue;
          const at = line.indexOf(":");
          const key = line.slice(0, at);
          const text = line.slice(at + 1).replace(/^ /, "");
          fields[key] = key === "data" && fields.data !== undefined ? `${fields.data}\n${text}` : text;
        }
        if (fields.data !== undefined) {
          events.push({ event: fields.event ?? "message", id: fields.id, data: fields.data });
          for (const wake of waiters) wake();
        }
        cut = buffer.indexOf("\n\n");
      }
    }
  })();

  /** Resolves with the first event (from the start) that matches, or fails after WAIT_MS. */
  function waitFor(match: (e: StreamEvent) => boolean, what: string): Promise<StreamEvent> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = events.find(match);
        if (!found) return false;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no ${what} event within ${WAIT_MS} ms; got ${JSON.stringify(events)}`));
      }, WAIT_MS);
      if (!check()) waiters.add(check);
    });
  }

  await waitFor((e) => e.event === "ready", "ready");
  return {
    events,
    waitFor,
    /** The data of the live events received so far (not ready, resync). */
    live: () => events.filter((e) => e.event === "message").map((e) => JSON.parse(e.data)),
    close: async () => {
      abort.abort();
      await pump;
    },
  };
}

import type { QueryClient } from "@tanstack/react-query";
import type { LiveEvent } from "../../shared/schemas/live-events.ts";
import { staleKeysFor } from "./live-event-keys.ts";

/** Events that arrive together (a bulk load's values) refresh each query once. */
const BATCH_MS = 250;

/**
 * Listens to the organisation's live events (GET /api/orgs/{org}/events) and refreshes
 * the queries each makes stale. The browser reconnects by itself; each `ready` after the
 * first, and each `resync`, means events may have been missed, so everything of the
 * organisation is refetched. Returns the function that stops listening.
 */
export function connectLiveEvents(client: QueryClient, slug: string): () => void {
  const source = new EventSource(`/api/orgs/${encodeURIComponent(slug)}/events`);
  const pending = new Map<string, string[]>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    for (const key of pending.values()) void client.invalidateQueries({ queryKey: key });
    pending.clear();
  };
  const stale = (keys: string[][]) => {
    for (const key of keys) pending.set(key.join("\u0000"), key);
    timer ??= setTimeout(flush, BATCH_MS);
  };
  let connectedBefore = false;
  source.addEventListener("ready", () => {
    if (connectedBefore) stale([["org", slug]]);
    connectedBefore = true;
  });
  source.addEventListener("resync", () => stale([["org", slug]]));
  source.onmessage = (message: MessageEvent<string>) => {
    try {
      stale(staleKeysFor(slug, JSON.parse(message.data) as LiveEvent));
    } catch {
      // A malformed event refreshes nothing; the next good one still does.
    }
  };
  return () => {
    source.close();
    if (timer) clearTimeout(timer);
  };
}

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";

/**
 * Keeps the signed-in organisation's open pages current: one event stream per
 * organisation while its pages are shown. The listener loads as a chunk of its own after
 * the page, so it adds nothing to the initial bundle.
 */
export function useLiveEvents(slug: string | null) {
  const client = useQueryClient();
  useEffect(() => {
    if (!slug || typeof EventSource === "undefined") return;
    let stop: (() => void) | undefined;
    let cancelled = false;
    void import("./live-events.ts").then(({ connectLiveEvents }) => {
      if (!cancelled) stop = connectLiveEvents(client, slug);
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [client, slug]);
}

import type { ComponentType } from "react";

/**
 * One import, started on first call, whose promise React's `use` reads without suspending
 * once it has settled: React looks at a promise's `status` and `value` (or `reason`).
 */
function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => {
    if (!promise) {
      const started = load() as Promise<T> & { status?: string; value?: T; reason?: unknown };
      started.then(
        (value) => {
          started.status = "fulfilled";
          started.value = value;
        },
        (reason: unknown) => {
          started.status = "rejected";
          started.reason = reason;
        },
      );
      promise = started;
    }
    return promise;
  };
}

/**
 * The organisation's two homes, each its own chunk: a leader's home does not download the
 * personal home's forms, nor the reverse. The route's loader starts the one it will show
 * (routes/route-loaders.ts), so the page renders without suspending.
 */
export const leadershipPageModule = loadOnce<ComponentType>(() =>
  import("../features/leadership/leadership-page.tsx").then((m) => m.LeadershipPage),
);
export const myHomePageModule = loadOnce<ComponentType>(() =>
  import("../features/my-home/my-home-page.tsx").then((m) => m.MyHomePage),
);

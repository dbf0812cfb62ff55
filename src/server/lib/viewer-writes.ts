import type { Context } from "hono";
import { matchedRoutes } from "hono/route";
import type { Api, AppEnv } from "../context.ts";

/**
 * The OpenAPI extension that marks a write a viewer may make (signing out, their own
 * password and tokens, accepting an invitation). Every other write is refused to viewers
 * before its body is read, so a route added later is covered without a check of its own;
 * the generated viewer test reads the same mark from the document.
 */
export const VIEWER_MAY = "x-keel-viewer-may";

/** Spread into createRoute({...}) of a write a viewer may make. */
export const viewerMay = { [VIEWER_MAY]: true } as const;

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isWrite(method: string): boolean {
  return !READS.has(method.toUpperCase());
}

/**
 * Whether the route a request matched is marked viewer-may. The marked routes are read
 * from the app's OpenAPI registry once, on first use (routes are registered after the
 * middleware that asks).
 */
export function viewerMayChecker(app: Api): (c: Context<AppEnv>) => boolean {
  let marked: Set<string> | undefined;
  const markedRoutes = () => {
    if (!marked) {
      marked = new Set();
      for (const def of app.openAPIRegistry.definitions) {
        if (def.type !== "route") continue;
        const route = def.route as unknown as Record<string, unknown> & { method: string; path: string };
        if (route[VIEWER_MAY] !== true) continue;
        marked.add(`${route.method.toUpperCase()} ${route.path.replace(/\{(\w+)\}/g, ":$1")}`);
      }
    }
    return marked;
  };
  return (c) => {
    const method = c.req.method.toUpperCase();
    const route = matchedRoutes(c).find((r) => r.method === method);
    return route !== undefined && markedRoutes().has(`${method} ${route.path}`);
  };
}

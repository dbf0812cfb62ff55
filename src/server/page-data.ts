import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { SESSION_COOKIE } from "./services/auth-service.ts";

/**
 * What a signed-in page of the web app needs before anything else, sent inside index.html
 * so the app does not wait a round trip for it: the session (who, which organisations, the
 * CSRF token) and, on an organisation's pages, its team tree (the navigation, the homes and
 * the KPI boards start from it). The web app seeds React Query with it (web/lib/page-data.ts).
 */
export type PageData = {
  session: unknown;
  teamTree?: { org: string; tree: unknown };
};

/** The app's own request handler: the data is read through its routes. */
type Handler = { request: (path: string, init: RequestInit) => Response | Promise<Response> };

/** The organisation of a web page's address (/o/:org/…), decoded; null elsewhere. */
function orgOfPage(pathname: string): string | null {
  const match = /^\/o\/([^/]+)/.exec(pathname);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}

/**
 * Reads a page's data through the app's API routes with the request's own cookie, so the
 * same rules decide what it may see as when the app asks (a live session, view-as limits,
 * membership of the organisation). Null without a live session: a signed-out page carries
 * nothing. Anything that does not answer 200 is left out; the app then asks itself.
 */
export function pageDataReader(app: Handler) {
  return async (c: Context): Promise<PageData | null> => {
    if (!getCookie(c, SESSION_COOKIE)) return null;
    const headers: Record<string, string> = { cookie: c.req.header("cookie") ?? "" };
    const requestId = c.get("requestId") as string | undefined;
    if (requestId) headers["x-request-id"] = requestId;
    const read = async (path: string): Promise<unknown> => {
      const res = await app.request(path, { headers });
      return res.status === 200 ? res.json() : null;
    };
    const org = orgOfPage(new URL(c.req.url).pathname);
    const [session, tree] = await Promise.all([
      read("/api/auth/session"),
      org === null ? null : read(`/api/orgs/${encodeURIComponent(org)}/teams/tree?includeArchived=false`),
    ]);
    if (session === null) return null;
    return { session, ...(org !== null && tree !== null ? { teamTree: { org, tree } } : {}) };
  };
}

/**
 * The data as the text of a `<script type="application/json">`: never executed (the
 * Content-Security-Policy stays as it is), and with `<` escaped no text in it (a team
 * named `</script>`) can end the element early.
 */
export function pageDataScript(data: PageData): string {
  const json = JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
  return `<script type="application/json" id="keel-page-data">${json}</script>`;
}

import { ApiError } from "../../shared/api/api-error.ts";
import {
  type ApiPathParams,
  type ApiQuery,
  type ApiResponse,
  createApiClient,
  type PathsWith,
} from "../../shared/api/client.ts";

export { ApiError };

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Remembered from GET /api/auth/session (and sign-in/setup responses). */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Called when a request that needed a session got 401: the session ended elsewhere. */
export function setUnauthenticatedHandler(handler: () => void) {
  onUnauthenticated = handler;
}

/**
 * The one way the web app talks to Keel's API: the shared typed client over the page's
 * origin and session cookie. It adds the session's CSRF token to every state-changing
 * request and hands a 401 to the app (which sends the person to sign in).
 */
export const api = createApiClient({
  baseUrl: "",
  credentials: "same-origin",
  headers: (method): Record<string, string> =>
    method !== "GET" && csrfToken ? { "X-CSRF-Token": csrfToken } : {},
  onUnauthenticated: () => onUnauthenticated?.(),
});

type Page = { items: unknown[]; nextCursor: string | null };

/** The list routes: GET paths that answer one page of items and the next cursor. */
export type PagedPath = {
  [P in PathsWith<"get">]: ApiResponse<P> extends Page ? P : never;
}[PathsWith<"get">];

/** One item of a list route's pages. */
export type PageItem<P extends PagedPath> = ApiResponse<P> extends { items: Array<infer T> } ? T : never;

export type PagedInit<P extends PagedPath> = {
  path: ApiPathParams<P>;
  query?: Omit<ApiQuery<P>, "cursor">;
  signal?: AbortSignal;
};

/** One page of a list route, typed by its path. */
export async function getPage<P extends PagedPath>(
  path: P,
  init: PagedInit<P> & { cursor?: string | null; limit?: number },
): Promise<{ items: PageItem<P>[]; nextCursor: string | null }> {
  // A generic path cannot be narrowed to one operation's parameters; PagedInit is their shape.
  const get = api.get as (
    path: string,
    init: object,
  ) => Promise<{ items: PageItem<P>[]; nextCursor: string | null }>;
  const query: Record<string, unknown> = { ...init.query, cursor: init.cursor ?? undefined };
  if (init.limit !== undefined) query.limit = init.limit;
  return get(path, { path: init.path, query, signal: init.signal });
}

/**
 * Every page of a list, for views that show a whole set at once (a cycle's Objectives on
 * a board): pages of 200 followed until the last, returned as one page.
 */
export async function getAllPages<P extends PagedPath>(
  path: P,
  init: PagedInit<P>,
): Promise<{ items: PageItem<P>[]; nextCursor: null }> {
  const items: PageItem<P>[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: PageItem<P>[]; nextCursor: string | null } = await getPage(path, {
      ...init,
      cursor,
      limit: 200,
    });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return { items, nextCursor: null };
}

export function isApiError(err: unknown, code?: string): err is ApiError {
  return err instanceof ApiError && (code === undefined || err.code === code);
}

/** A message for people, whatever was thrown. */
export function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  return "Something went wrong. Try again.";
}

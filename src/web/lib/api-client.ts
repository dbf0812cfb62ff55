import type { FieldIssue } from "../../shared/errors.ts";

/**
 * The one way the web app talks to Keel's API. It adds the session's CSRF token to
 * every state-changing request, turns the API's error shape into an `ApiError`, and
 * hands a 401 to the app (which sends the person to sign in).
 */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly issues: FieldIssue[];
  /** Everything else the API put in `details` (e.g. what still blocks closing a cycle). */
  readonly details: Record<string, unknown>;
  constructor(
    status: number,
    code: string,
    message: string,
    issues: FieldIssue[] = [],
    details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.issues = issues;
    this.details = details;
  }
}

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

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

type RequestOptions = {
  query?: Query;
  body?: unknown;
  /** For /auth/session and sign-in: a 401 there is an answer, not a lost session. */
  allowUnauthenticated?: boolean;
  signal?: AbortSignal;
};

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  const unsafe = method !== "GET";
  if (unsafe) {
    headers["Content-Type"] = "application/json";
    if (csrfToken) headers["X-CSRF-Token"] = csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(withQuery(`/api${path}`, options.query), {
      method,
      headers,
      credentials: "same-origin",
      body: unsafe ? JSON.stringify(options.body ?? {}) : undefined,
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError(
      0,
      "network",
      "Keel's server cannot be reached. Check your connection or whether the server is running, then try again.",
    );
  }
  const payload = await readJson(response);
  if (response.ok) return payload as T;
  const error = toApiError(response.status, payload);
  if (error.status === 401 && error.code === "unauthenticated" && !options.allowUnauthenticated) {
    onUnauthenticated?.();
  }
  throw error;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function toApiError(status: number, payload: unknown): ApiError {
  const error = (payload as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)
    ?.error;
  if (error && typeof error.code === "string" && typeof error.message === "string") {
    const details = (error.details ?? {}) as { issues?: FieldIssue[] } & Record<string, unknown>;
    return new ApiError(status, error.code, error.message, details.issues ?? [], details);
  }
  return new ApiError(
    status,
    status >= 500 ? "internal" : "unknown",
    status >= 500
      ? "Keel's server ran into a problem. Try again in a moment; if it keeps happening, tell your administrator."
      : `The server answered with an unexpected status (${status}).`,
  );
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>("GET", path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>("POST", path, { ...options, body }),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) =>
    request<T>("PATCH", path, { ...options, body }),
  put: <T>(path: string, body: unknown, options?: RequestOptions) =>
    request<T>("PUT", path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>("DELETE", path, options),
};

/**
 * Every page of a list, for views that show a whole set at once (a cycle's Objectives on
 * a board): pages of 200 followed until the last, returned as one page.
 */
export async function getAllPages<T>(
  path: string,
  options: { query?: Query; signal?: AbortSignal } = {},
): Promise<{ items: T[]; nextCursor: null }> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: T[]; nextCursor: string | null } = await api.get(path, {
      ...options,
      query: { ...options.query, limit: 200, cursor },
    });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return { items, nextCursor: null };
}

/** Path of a tenant route: `/orgs/{slug}/…`, with the slug escaped. */
export function orgPath(org: string, rest = ""): string {
  return `/orgs/${encodeURIComponent(org)}${rest}`;
}

export function isApiError(err: unknown, code?: string): err is ApiError {
  return err instanceof ApiError && (code === undefined || err.code === code);
}

/** A message for people, whatever was thrown. */
export function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  return "Something went wrong. Try again.";
}

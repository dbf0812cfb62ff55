import { ApiError, networkError, toApiError } from "./api-error.ts";
import type { paths } from "./openapi.gen.ts";

/**
 * The one typed client of Keel's API, used by the web app and the CLI. Paths, parameters,
 * bodies and answers are typed from the generated OpenAPI types (openapi.gen.ts), so a
 * route whose path or shapes change on the server fails type checking where it is called.
 */

type Method = "get" | "post" | "put" | "patch" | "delete";

/** The API's paths that answer `method`. */
export type PathsWith<M extends Method> = {
  [P in keyof paths]: paths[P] extends Record<M, object> ? P : never;
}[keyof paths];

type OperationOf<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;

type JsonOf<R> = R extends { content: { "application/json": infer J } } ? J : undefined;
type Success = 200 | 201;
type ResponseOf<O> = O extends { responses: infer R } ? JsonOf<R[keyof R & Success]> : never;
type ParametersOf<O> = O extends { parameters: infer P } ? P : never;
type PathParamsOf<O> = ParametersOf<O> extends { path: infer X } ? X : undefined;
type QueryOf<O> =
  ParametersOf<O> extends { query?: infer Q } ? ([Q] extends [never] ? undefined : Q) : undefined;
type BodyOf<O> = O extends { requestBody: { content: { "application/json": infer B } } } ? B : undefined;

/** `key` is required when the operation needs it, optional when all of it is, absent otherwise. */
type Part<K extends string, T> = [T] extends [undefined]
  ? { [k in K]?: undefined }
  : Record<string, never> extends T
    ? { [k in K]?: T }
    : { [k in K]: T };

type InitOf<O> = Part<"path", PathParamsOf<O>> &
  Part<"query", QueryOf<O>> &
  Part<"body", BodyOf<O>> & {
    signal?: AbortSignal;
    /** For the session check and sign-in: a 401 there is an answer, not a lost session. */
    allowUnauthenticated?: boolean;
  };
type InitArgs<O> = Record<string, never> extends InitOf<O> ? [init?: InitOf<O>] : [init: InitOf<O>];

/** What GET `path` answers with. */
export type ApiResponse<P extends keyof paths, M extends Method = "get"> = ResponseOf<OperationOf<P, M>>;
/** The query `path` takes. */
export type ApiQuery<P extends keyof paths, M extends Method = "get"> = NonNullable<
  QueryOf<OperationOf<P, M>>
>;
/** The body `path` takes. */
export type ApiBody<P extends keyof paths, M extends Method> = BodyOf<OperationOf<P, M>>;
/** The path parameters `path` takes. */
export type ApiPathParams<P extends keyof paths, M extends Method = "get"> = PathParamsOf<OperationOf<P, M>>;

type Call<M extends Method> = <P extends PathsWith<M>>(
  path: P,
  ...init: InitArgs<OperationOf<P, M>>
) => Promise<ResponseOf<OperationOf<P, M>>>;

export type ApiClient = {
  get: Call<"get">;
  post: Call<"post">;
  put: Call<"put">;
  patch: Call<"patch">;
  delete: Call<"delete">;
};

export type ApiClientOptions = {
  /** Origin of Keel's server; "" for the page's own origin. */
  baseUrl: string;
  /** Headers of every request (a bearer token), or of unsafe ones only (the CSRF token). */
  headers?: (method: string) => Record<string, string>;
  credentials?: RequestCredentials;
  /** Called when a request that needed a session or token got 401. */
  onUnauthenticated?: () => void;
};

type AnyInit = {
  path?: Record<string, string | number>;
  query?: Record<string, unknown>;
  body?: unknown;
  signal?: AbortSignal;
  allowUnauthenticated?: boolean;
};

/** Fills `{name}` segments of an OpenAPI path, escaped. */
export function fillPath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${path}: the path parameter ${name} is missing`);
    return encodeURIComponent(String(value));
  });
}

/** `path?query`, leaving out empty values. */
export function withQuery(path: string, query?: Record<string, unknown>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
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

export function createApiClient(options: ApiClientOptions): ApiClient {
  async function send(method: string, path: string, init: AnyInit = {}): Promise<unknown> {
    const unsafe = method !== "GET";
    const headers: Record<string, string> = {
      Accept: "application/json",
      ...(unsafe ? { "Content-Type": "application/json" } : {}),
      ...options.headers?.(method),
    };
    let response: Response;
    try {
      response = await fetch(options.baseUrl + withQuery(fillPath(path, init.path), init.query), {
        method,
        headers,
        credentials: options.credentials,
        body: unsafe ? JSON.stringify(init.body ?? {}) : undefined,
        signal: init.signal,
      });
    } catch (err) {
      if (err instanceof DOMException && err.name === "AbortError") throw err;
      throw networkError();
    }
    const payload = await readJson(response);
    if (response.ok) return payload;
    const error = toApiError(response.status, payload);
    if (error.status === 401 && error.code === "unauthenticated" && !init.allowUnauthenticated) {
      options.onUnauthenticated?.();
    }
    throw error;
  }
  const call =
    (method: string) =>
    (path: string, init?: AnyInit): Promise<unknown> =>
      send(method, path, init);
  return {
    get: call("GET"),
    post: call("POST"),
    put: call("PUT"),
    patch: call("PATCH"),
    delete: call("DELETE"),
  } as ApiClient;
}

export { ApiError };

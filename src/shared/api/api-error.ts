import type { FieldIssue } from "../errors.ts";

/** What a client of Keel's API throws when the API refuses, fails or cannot be reached. */
export class ApiError extends Error {
  readonly code: string;
  /** The HTTP status; 0 when no answer came (network). */
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

/** The API's `{ error: { code, message, details } }` as an ApiError; anything else by its status. */
export function toApiError(status: number, payload: unknown): ApiError {
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

export function networkError(): ApiError {
  return new ApiError(
    0,
    "network",
    "Keel's server cannot be reached. Check your connection or whether the server is running, then try again.",
  );
}

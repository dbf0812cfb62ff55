/**
 * The one error shape of Keel's API: `{ error: { code, message, details } }`.
 * Codes are stable; clients branch on them, never on messages.
 */
export const errorStatus = {
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  setup_code_required: 403,
  /** Signing in to a self-registered account whose address is not confirmed yet. */
  email_not_verified: 403,
  /** Self sign-up while this instance lets only its operators create organisations. */
  sign_up_closed: 403,
  not_found: 404,
  conflict: 409,
  version_conflict: 409,
  already_exists: 409,
  /** A KPI that Key Results of running cycles read cannot be archived without saying what becomes of them. */
  kpi_read_by_key_results: 409,
  /** Activating an Objective or a cycle whose Objectives have open linter warnings, unacknowledged. */
  open_findings: 409,
  gone: 410,
  /** A one-time link (email confirmation) that was never issued: mistyped or cut short. */
  link_unknown: 400,
  /** A one-time link already used, or voided when another link of the account was used. */
  link_used: 410,
  link_expired: 410,
  payload_too_large: 413,
  rate_limited: 429,
  data_folder_locked: 503,
  /** The database cannot be reached or did not answer in time; the answer carries Retry-After. */
  unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** One problem with one field of the input. */
export type FieldIssue = { field: string; message: string };

export type ErrorBody = {
  error: { code: ErrorCode; message: string; details?: { issues?: FieldIssue[]; [key: string]: unknown } };
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorBody["error"]["details"];
  constructor(code: ErrorCode, message: string, details?: ErrorBody["error"]["details"]) {
    super(message);
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return errorStatus[this.code];
  }
  toBody(): ErrorBody {
    return {
      error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) },
    };
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} was not found.`);
export const forbidden = (why: string) => new AppError("forbidden", why);
export const fieldError = (field: string, message: string) =>
  new AppError("validation_failed", `${field}: ${message}`, { issues: [{ field, message }] });
export const versionConflict = (what: string) =>
  new AppError(
    "version_conflict",
    `${what} was changed by someone else since you loaded it. Reload to see their change, then apply yours again.`,
  );

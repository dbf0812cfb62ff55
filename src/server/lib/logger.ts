import pino from "pino";

export type Logger = pino.Logger;

/** One JSON line per event; tests pass level "silent". */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "keel" },
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { err: serializeError, error: serializeError },
    },
    destination,
  );
}

/** Fields of driver and socket errors that say what failed without carrying data. */
const KEPT_FIELDS = [
  "code",
  "severity",
  "constraint",
  "table",
  "column",
  "schema",
  "routine",
  "errno",
  "syscall",
  "address",
  "port",
  "status",
] as const;

/**
 * drizzle's "Failed query: <sql>\nparams: <values>" (in the message, and so in the
 * stack) carries the values a query was sent: token and session hashes, emails. They are
 * cut up to the stack's first frame.
 */
export function withoutParameters(text: string): string {
  return text.replace(/\nparams: [\s\S]*?(?=\n\s+at |$)/g, "\nparams: [not logged]");
}

/**
 * Errors as log fields, without what a query was given: the parameters (`params`, and
 * inside message and stack), PostgreSQL's `detail` (a unique violation quotes the
 * duplicate value) and `where`. Keeps the SQL text, which holds placeholders only.
 */
export function serializeError(err: unknown, depth = 0): unknown {
  if (!(err instanceof Error) && !(typeof err === "object" && err !== null && "message" in err)) return err;
  const e = err as Error & Record<string, unknown>;
  const out: Record<string, unknown> = {
    type: e.constructor?.name ?? e.name,
    message: withoutParameters(String(e.message)),
  };
  if (typeof e.stack === "string") out.stack = withoutParameters(e.stack);
  for (const field of KEPT_FIELDS) {
    if (e[field] !== undefined && typeof e[field] !== "object") out[field] = e[field];
  }
  if (typeof e.query === "string") out.query = e.query;
  if (depth < 4) {
    if (e.cause !== undefined) out.cause = serializeError(e.cause, depth + 1);
    if (Array.isArray(e.errors)) out.errors = e.errors.slice(0, 5).map((x) => serializeError(x, depth + 1));
  }
  return out;
}

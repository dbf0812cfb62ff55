import type { Db } from "../../db/client.ts";
import { pingDatabase } from "../repositories/system-repository.ts";
import type { Logger } from "./logger.ts";

/** What clients are told to wait before trying again while the database is out (seconds). */
export const RETRY_AFTER_SECONDS = 5;

// Node's socket errors: nothing listens, the route or name is gone, the peer hung up.
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EHOSTDOWN",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
]);
// SQLSTATEs of a server that is going away, starting, full or cancelled us.
const SERVER_STATES = new Set(["57P01", "57P02", "57P03", "53300", "25P03", "57014"]);
// node-postgres and pg-pool say so in words only.
const CLIENT_MESSAGES = [
  "Connection terminated",
  "timeout exceeded when trying to connect",
  "Query read timeout",
  "timeout expired",
  "is not queryable",
];

/** The error and every cause under it (drizzle wraps the driver's error as its cause). */
function* chainOf(err: unknown): Generator<{ code?: unknown; message?: unknown }> {
  let current = err as { code?: unknown; message?: unknown; cause?: unknown } | null | undefined;
  for (let depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    yield current;
    const inner = current as { cause?: unknown; errors?: unknown[] };
    // AggregateError: one per address tried (IPv4 and IPv6 of localhost).
    current = (inner.cause ?? (Array.isArray(inner.errors) ? inner.errors[0] : undefined)) as typeof current;
  }
}

/**
 * Why an error means the database cannot be used right now, or null when it is any
 * other error. "statement timeout" is a server that answered but ran out of time; the
 * others are a server that cannot be reached or does not answer.
 */
export function databaseUnavailableReason(err: unknown): string | null {
  for (const e of chainOf(err)) {
    const code = typeof e.code === "string" ? e.code : undefined;
    if (code === "57014") return "statement timeout";
    if (code && (SOCKET_CODES.has(code) || SERVER_STATES.has(code) || code.startsWith("08"))) return code;
    const message = typeof e.message === "string" ? e.message : "";
    const known = CLIENT_MESSAGES.find((m) => message.includes(m));
    if (known) return known;
  }
  return null;
}

/**
 * Watches one database for outages so the log says "unreachable" once per outage, not
 * once per request: the first failure is logged, later ones are counted, and a probe
 * (`select 1` every RETRY_AFTER_SECONDS) logs when the database answers again.
 */
export type OutageWatch = {
  /** Records a failure that databaseUnavailableReason() recognised. */
  failed(reason: string, logger: Logger): void;
  readonly down: boolean;
};

const watches = new WeakMap<Db, OutageWatch>();

/**
 * The watch of a database. Kept beside the Db object rather than in Deps: the app,
 * the jobs and the CLI all see the same one without each having to be handed it.
 */
export function outageWatchOf(db: Db, logger: Logger): OutageWatch {
  let watch = watches.get(db);
  if (!watch) {
    watch = createOutageWatch(db, logger);
    watches.set(db, watch);
  }
  return watch;
}

function createOutageWatch(db: Db, baseLogger: Logger): OutageWatch {
  let since: number | null = null;
  let refused = 0;
  let probing = false;

  const probe = () => {
    if (probing) return;
    probing = true;
    const timer = setTimeout(async () => {
      try {
        await pingDatabase(db);
        const downMs = since === null ? 0 : Date.now() - since;
        baseLogger.info(
          { database: "reachable", downMs, failedRequests: refused },
          "database reachable again; requests are served",
        );
        since = null;
        refused = 0;
        probing = false;
      } catch {
        probing = false;
        probe();
      }
    }, RETRY_AFTER_SECONDS * 1000);
    // Never keeps a stopping process alive.
    timer.unref();
  };

  return {
    get down() {
      return since !== null;
    },
    failed(reason, logger) {
      if (reason === "statement timeout") {
        // The server answered: not an outage, but worth a line each time (a slow query).
        logger.warn({ database: "slow", reason }, "a query ran over the statement timeout and was cancelled");
        return;
      }
      refused++;
      if (since !== null) return;
      since = Date.now();
      logger.error(
        { database: "unreachable", reason, retryAfterSeconds: RETRY_AFTER_SECONDS },
        "database unreachable: answering 503 unavailable until it answers again",
      );
      probe();
    },
  };
}

/**
 * Logs a background job's failure: a database outage through the watch (once per
 * outage, like requests), anything else as an error with its fields.
 */
export function logJobFailure(
  deps: { db: Db; logger: Logger },
  err: unknown,
  fields: Record<string, unknown>,
  message: string,
) {
  const reason = databaseUnavailableReason(err);
  if (reason) outageWatchOf(deps.db, deps.logger).failed(reason, deps.logger);
  else deps.logger.error({ err, ...fields }, message);
}

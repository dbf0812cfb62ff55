import { sql } from "drizzle-orm";
import pg from "pg";

/**
 * How long Keel waits on a PostgreSQL server, in milliseconds (0 = no limit). Without
 * them a stopped or black-holed server holds every request forever; with them a request
 * fails within the limit, is answered 503, and the pool reconnects once the server is back.
 */
export type DatabaseTimeouts = {
  /** To open a connection, or to wait for a free one when the pool is busy. */
  connectMs: number;
  /** Server side `statement_timeout`; Keel also stops waiting shortly after (a frozen server sends nothing). */
  statementMs: number;
  /** Server side `idle_in_transaction_session_timeout`: a transaction whose client went silent ends. */
  idleInTransactionMs: number;
};

/** Defaults for serving requests (README's settings table lists their variables). */
export const requestTimeouts: DatabaseTimeouts = {
  connectMs: 5_000,
  statementMs: 15_000,
  idleInTransactionMs: 60_000,
};

/** For migrations, the demo's seeding, bulk loads and the reference generator. */
export const longTimeouts: DatabaseTimeouts = {
  connectMs: 10_000,
  statementMs: 600_000,
  idleInTransactionMs: 600_000,
};

/**
 * A server that stopped answering sends no error, so Keel stops waiting this long after
 * the server's own statement timeout would have fired.
 */
export const CLIENT_GRACE_MS = 2_000;

const clientWaitOf = (statementMs: number) => (statementMs > 0 ? statementMs + CLIENT_GRACE_MS : 0);

/** The settings of one pg client (or pool) under these timeouts. */
export function clientSettings(t: DatabaseTimeouts) {
  return {
    connectionTimeoutMillis: t.connectMs,
    statement_timeout: t.statementMs,
    idle_in_transaction_session_timeout: t.idleInTransactionMs,
    query_timeout: clientWaitOf(t.statementMs) || undefined,
    // No JIT compilation: Keel's statements are short and many, and a wide one (a cycle's
    // health check, the strategy board) is costed high enough to trigger JIT, whose
    // compilation took longer than the query itself (5.5 s of a 9.3 s statement).
    options: "-c jit=off",
    // A black-holed network is noticed on idle connections too, not only by the next query.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  };
}

// `set local statement_timeout = <ms>`, as longStatements() sends it.
const SET_LOCAL_TIMEOUT = /^set local statement_timeout = (\d+)$/;

type QueryFn = (...args: unknown[]) => unknown;

/** The longest a Node timer can wait (about 24 days): "no limit" for a single query. */
const NO_LIMIT_MS = 2_147_483_647;

/**
 * A pool whose clients never crash the process and never come back stuck:
 * - an error on a checked-out client (the server restarted, a session timeout ended it)
 *   would be an unhandled 'error' event; the query that was running fails with it anyway;
 * - a query the server never answered leaves its connection busy: it is closed, so the
 *   pool drops it instead of lending it out again;
 * - a transaction that asked for long statements (longStatements) gets a client-side
 *   wait to match, until its connection returns to the pool.
 */
export function createPool(url: string, max: number, timeouts: DatabaseTimeouts): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, ...clientSettings(timeouts) });
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on("error", () => {});
  const longWaits = new WeakMap<pg.PoolClient, number>();
  pool.on("connect", (client) => {
    client.on("error", () => {});
    const query = client.query.bind(client) as QueryFn;
    (client as unknown as { query: QueryFn }).query = (first: unknown, ...rest: unknown[]) => {
      const text = typeof first === "string" ? first : (first as { text?: string } | null)?.text;
      const long = text ? SET_LOCAL_TIMEOUT.exec(text) : null;
      if (long) longWaits.set(client, clientWaitOf(Number(long[1])));
      const wait = longWaits.get(client);
      // Plain query configs only (drizzle's); a submittable (a cursor) is passed as it is.
      const plain =
        first !== null &&
        typeof first === "object" &&
        typeof (first as { submit?: unknown }).submit !== "function";
      const config =
        wait !== undefined && plain
          ? // 0 = no limit; pg would fall back to the pool's wait for a 0 here.
            { ...(first as object), query_timeout: wait || NO_LIMIT_MS }
          : first;
      const result = query(config, ...rest);
      if (result instanceof Promise) {
        return result.catch((err: unknown) => {
          if ((err as Error)?.message === "Query read timeout") client.connection.stream.destroy();
          throw err;
        });
      }
      return result;
    };
  });
  pool.on("release", (_err: unknown, client: pg.PoolClient) => {
    longWaits.delete(client);
  });
  return pool;
}

/**
 * Lets the statements of this transaction run as long as `ms` (demo seeding, bulk loads).
 * Only on a PostgreSQL server; PGlite has no timeouts to lift. Ends with the transaction.
 */
export async function longStatements(
  tx: { execute: (query: ReturnType<typeof sql.raw>) => Promise<unknown> },
  engine: "pglite" | "postgres",
  ms: number = longTimeouts.statementMs,
) {
  if (engine !== "postgres") return;
  await tx.execute(sql.raw(`set local statement_timeout = ${Math.max(0, Math.trunc(ms))}`));
}

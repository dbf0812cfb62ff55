import net from "node:net";
import pg from "pg";
import { ConnectorRunError, seconds } from "./http-json.ts";
import { numberFrom } from "./json-path.ts";
import { checkTarget, type TargetPolicy } from "./target-guard.ts";

export type PostgresSqlSource = { connectionString: string; query: string };

export type PostgresLimits = { statementTimeoutMs: number; connectTimeoutMs: number };

export const POSTGRES_LIMITS: PostgresLimits = { statementTimeoutMs: 10_000, connectTimeoutMs: 5_000 };

type Target = {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  ssl: false | { rejectUnauthorized: boolean };
};

const SSL_MODES: Record<string, Target["ssl"]> = {
  disable: false,
  require: { rejectUnauthorized: false },
  "verify-ca": { rejectUnauthorized: true },
  "verify-full": { rejectUnauthorized: true },
};

/**
 * Reads `postgres://user:password@host:port/database?sslmode=…` into an explicit client
 * configuration. Everything is spelled out because the pg driver fills gaps from Keel's
 * own environment (PGHOST, PGUSER, PGPASSWORD, PGSSLMODE, ~/.pgpass): a connection string
 * without a host or password must not reach Keel's own database with Keel's credentials.
 * Throws an Error whose message never repeats the password.
 */
export function postgresTargetOf(connectionString: string): Target {
  let url: URL;
  try {
    url = new URL(connectionString);
  } catch {
    throw new Error("must be a URL such as postgres://reader:password@db.example.com:5432/sales");
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new Error("must start with postgres:// or postgresql://");
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (!host) throw new Error("must name the database server's host (postgres://user:password@host/database)");
  if (!url.username) throw new Error("must name a user (postgres://user:password@host/database)");
  const database = decodeURIComponent(url.pathname.replace(/^\//, ""));
  if (!database) throw new Error("must name a database (postgres://user:password@host/database)");
  let ssl: Target["ssl"] = false;
  for (const [name, value] of url.searchParams) {
    if (name !== "sslmode") throw new Error(`has an unsupported parameter "${name}"; only sslmode is read`);
    const mode = SSL_MODES[value];
    if (mode === undefined) throw new Error("sslmode must be disable, require, verify-ca or verify-full");
    ssl = mode;
  }
  return {
    host,
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database,
    ssl,
  };
}

/**
 * Runs `query` read-only and returns the first column of its first row as a number.
 * The query runs as a subquery limited to one row (a `select *` of a big table fetches
 * one row, and `;` cannot chain a second statement) over the extended protocol (which
 * refuses several statements in one message), inside `begin read only`, with statement
 * and lock timeouts. The connection is closed after every run: connectors run at most a
 * few times an hour, and a pool would keep sessions open on someone else's database.
 * The host is checked against the target policy first and the client connects to the
 * address that check approved (TLS still verifies the certificate against the host name).
 */
export async function queryPostgresValue(
  source: PostgresSqlSource,
  policy: TargetPolicy,
  limits: PostgresLimits = POSTGRES_LIMITS,
): Promise<number> {
  let target: Target;
  try {
    target = postgresTargetOf(source.connectionString);
  } catch (err) {
    throw new ConnectorRunError(`the connection string ${(err as Error).message}`);
  }
  const where = `${target.host.includes(":") ? `[${target.host}]` : target.host}:${target.port}`;
  const checked = await checkTarget(
    policy,
    { host: target.host, port: target.port },
    limits.connectTimeoutMs,
  );
  if (!checked.ok) {
    throw new ConnectorRunError(checked.refused ? checked.reason : `database ${checked.reason}`);
  }
  const address = checked.addresses[0]!.address;
  // Connecting to the address, the certificate is still checked against the host's name.
  const ssl =
    target.ssl && net.isIP(target.host) === 0 ? { ...target.ssl, servername: target.host } : target.ssl;
  const client = new pg.Client({
    host: address,
    port: target.port,
    user: target.user,
    // A function, so an empty password stays empty instead of falling back to PGPASSWORD.
    password: () => target.password,
    database: target.database,
    ssl,
    application_name: "keel-connector",
    connectionTimeoutMillis: limits.connectTimeoutMs,
    statement_timeout: limits.statementTimeoutMs,
    lock_timeout: limits.statementTimeoutMs,
    idle_in_transaction_session_timeout: limits.statementTimeoutMs * 2,
    // Client-side guard for a server that stops answering altogether.
    query_timeout: limits.statementTimeoutMs + 2_000,
  });
  // A server dropping the connection emits "error" on the client; unhandled it would end the process.
  client.on("error", () => {});
  try {
    try {
      await client.connect();
    } catch (err) {
      throw new ConnectorRunError(connectReason(err, where, limits.connectTimeoutMs));
    }
    let rows: unknown[][];
    try {
      await client.query("begin read only");
      const text = `select * from (\n${source.query.trim().replace(/;+\s*$/, "")}\n) as keel_connector_query limit 1`;
      const result = await client.query({ text, rowMode: "array", queryMode: "extended" } as pg.QueryConfig);
      rows = result.rows as unknown[][];
      await client.query("rollback");
    } catch (err) {
      throw new ConnectorRunError(queryReason(err, limits.statementTimeoutMs));
    }
    const row = rows[0];
    if (!row) throw new ConnectorRunError("the query returned no rows");
    if (row.length === 0) throw new ConnectorRunError("the query returned no columns");
    const n = numberFrom(row[0]);
    if (!n.ok) throw new ConnectorRunError(`the query ${n.error} (first column of the first row)`);
    return n.value;
  } finally {
    await client.end().catch(() => {});
  }
}

function connectReason(err: unknown, where: string, timeoutMs: number): string {
  const e = err as { code?: string; message?: string };
  switch (e.code) {
    case "ECONNREFUSED":
      return `connection refused by ${where}`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `database host ${where} not found`;
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return `database host ${where} is unreachable`;
    case "28P01":
    case "28000":
      return `${where} refused the login: ${e.message}`;
    case "3D000":
      return `${e.message} on ${where}`;
    default:
      break;
  }
  if (/timeout/i.test(e.message ?? "")) return `could not connect to ${where} within ${seconds(timeoutMs)}`;
  return `could not connect to ${where}: ${e.message ?? String(err)}`;
}

/** Data exceptions and the like, described without the server's message. */
const QUERY_ERRORS: Record<string, string> = {
  "21000": "a subquery returned more than one row",
  "22003": "a number was out of range for its type",
  "22012": "division by zero",
  "22P02": "a value could not be converted to the type asked for",
  "22007": "a value could not be read as a date or time",
  "22008": "a date or time was out of range",
  "42501": "permission denied",
};

/**
 * Why the query failed. The server's message is shown only for errors about the query's
 * own text (it carries a position in it, and no context of a function or of dynamic SQL):
 * syntax errors, unknown tables and columns. Errors while it runs can quote the data it
 * read ("invalid input syntax for type integer: \"…\"", or anything a function raises),
 * so for those only the SQLSTATE is shown.
 */
function queryReason(err: unknown, timeoutMs: number): string {
  const e = err as {
    code?: string;
    message?: string;
    position?: string;
    where?: string;
    internalQuery?: string;
  };
  if (e.code === "57014" || /query read timeout/i.test(e.message ?? "")) {
    return `the query did not finish within ${seconds(timeoutMs)}`;
  }
  if (e.code === "25006") return "the query tried to change data; connectors only read";
  if (e.code === "55P03") return `the query waited for a lock for more than ${seconds(timeoutMs)}`;
  if (e.position && !e.where && !e.internalQuery && e.message) return `the query failed: ${e.message}`;
  if (!e.code) return "the query failed: the connection was lost or its answer could not be read";
  const known = QUERY_ERRORS[e.code];
  return known
    ? `the query failed: ${known} (SQLSTATE ${e.code})`
    : `the query failed with SQLSTATE ${e.code} (its message is not shown: it can quote the data read)`;
}

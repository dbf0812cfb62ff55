import path from "node:path";
import { z } from "zod";
import { type DatabaseTimeouts, longTimeouts, requestTimeouts } from "../db/pg-pool.ts";
import { parseSecretKey } from "./lib/secret-box.ts";
import { allowEntryProblem } from "./services/kpi/connector-runners/address-policy.ts";

/** Environment read once at start-up; everything else receives a Config. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  /** A PostgreSQL server; when unset Keel runs on embedded PGlite in KEEL_DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  KEEL_DATA_DIR: z.string().default("./data"),
  /** PostgreSQL: how long to wait to open a connection, or for a free one (ms). */
  KEEL_DB_CONNECT_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(600_000)
    .default(requestTimeouts.connectMs),
  /** PostgreSQL: the longest one statement of a request may run (ms; 0 = no limit). */
  KEEL_DB_STATEMENT_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(3_600_000)
    .default(requestTimeouts.statementMs),
  /** PostgreSQL: a transaction left idle this long is ended by the server (ms; 0 = no limit). */
  KEEL_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(3_600_000)
    .default(requestTimeouts.idleInTransactionMs),
  /** PostgreSQL: the statement limit of migrations, demo seeding and bulk loads (ms; 0 = no limit). */
  KEEL_DB_LONG_STATEMENT_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(86_400_000)
    .default(longTimeouts.statementMs),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Set when Keel is served over HTTPS (directly or behind a proxy): session cookies get `Secure`. */
  KEEL_SECURE_COOKIES: z.enum(["true", "false"]).optional(),
  /** Trust X-Forwarded-For / X-Forwarded-Proto from a reverse proxy in front of Keel. */
  KEEL_TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  /** Public base URL, used in invitation and reset links (e.g. https://okr.example.com). */
  KEEL_PUBLIC_URL: z.string().url().optional(),
  /**
   * 32 bytes, base64 or hex: encrypts connector credentials at rest. Unset: a key in the
   * data folder (secret.key), created on first start; required in production with DATABASE_URL.
   */
  KEEL_SECRET_KEY: z.string().optional(),
  /** How long a connector waits for its HTTP answer or SQL query (milliseconds). */
  KEEL_CONNECTOR_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /**
   * Loopback, private and link-local hosts connectors may reach (refused by default):
   * comma-separated host names, IP addresses or CIDR ranges; `*` for every such address.
   */
  KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS: z.string().default(""),
  /**
   * Names, IP addresses and CIDR ranges this machine is also known by (behind NAT, a
   * load balancer's address): connectors treat them as Keel's own machine, like loopback.
   */
  KEEL_HOST_ADDRESSES: z.string().default(""),
  /** SMTP server Keel sends mail through; unset = email off (docs/email.md). */
  KEEL_SMTP_HOST: z.string().min(1).optional(),
  /** Default 587 (STARTTLS), or 465 when KEEL_SMTP_SECURE=true. */
  KEEL_SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** true: TLS from the first byte (port 465); false: STARTTLS when the server offers it. */
  KEEL_SMTP_SECURE: z.enum(["true", "false"]).default("false"),
  KEEL_SMTP_USER: z.string().optional(),
  KEEL_SMTP_PASSWORD: z.string().optional(),
  /** The sender, e.g. `Keel <okr@example.com>`; required with KEEL_SMTP_HOST. */
  KEEL_SMTP_FROM: z.string().optional(),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** The pool's timeouts on a PostgreSQL server (KEEL_DB_*_TIMEOUT_MS). */
  databaseTimeouts: DatabaseTimeouts;
  /** Statement limit of migrations, demo seeding and bulk loads. */
  longStatementTimeoutMs: number;
  production: boolean;
  logLevel: string;
  secureCookies: boolean;
  trustProxy: boolean;
  publicUrl: string | undefined;
  webDistDir: string;
  /** KEEL_SECRET_KEY, decoded; main.ts falls back to the data folder's key (secret-box.ts). */
  secretKey: Buffer | undefined;
  connectorTimeoutMs: number;
  /** KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS, split; each entry checked at start. */
  connectorAllowPrivateHosts: string[];
  /** KEEL_HOST_ADDRESSES, split; each entry checked at start. */
  hostAddresses: string[];
  /** SMTP settings; undefined = email off (nothing is queued, links are passed on by hand). */
  smtp: SmtpConfig | undefined;
};

export type SmtpConfig = {
  host: string;
  port: number;
  secure: boolean;
  user: string | undefined;
  password: string | undefined;
  from: string;
  /** KEEL_PUBLIC_URL: links in mail sent from the background have no request to take it from. */
  publicUrl: string;
};

/**
 * Email is on when KEEL_SMTP_HOST is set; it then needs a sender and a public URL for the
 * links it carries, and user and password come together. Whether the server answers is
 * not checked here: a server that is down only delays mail (admins see the error).
 */
function smtpConfig(e: z.infer<typeof envSchema>): SmtpConfig | undefined {
  if (!e.KEEL_SMTP_HOST) return undefined;
  const problems: string[] = [];
  if (!e.KEEL_SMTP_FROM) problems.push("KEEL_SMTP_FROM: is required when KEEL_SMTP_HOST is set");
  if (!e.KEEL_PUBLIC_URL) {
    problems.push("KEEL_PUBLIC_URL: is required when KEEL_SMTP_HOST is set (mail carries links)");
  }
  if (Boolean(e.KEEL_SMTP_USER) !== Boolean(e.KEEL_SMTP_PASSWORD)) {
    problems.push("KEEL_SMTP_USER, KEEL_SMTP_PASSWORD: give both or neither");
  }
  if (problems.length > 0)
    throw new Error(`Invalid environment:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  const secure = e.KEEL_SMTP_SECURE === "true";
  return {
    host: e.KEEL_SMTP_HOST,
    port: e.KEEL_SMTP_PORT ?? (secure ? 465 : 587),
    secure,
    user: e.KEEL_SMTP_USER || undefined,
    password: e.KEEL_SMTP_PASSWORD || undefined,
    from: e.KEEL_SMTP_FROM!,
    publicUrl: e.KEEL_PUBLIC_URL!,
  };
}

/** A comma-separated list of host names, IP addresses and CIDR ranges, each checked. */
function addressList(name: string, text: string, allowStar: boolean): string[] {
  const entries = text
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const problems = entries
    .map((entry) =>
      !allowStar && entry === "*"
        ? `"*" is not an address; list the names, addresses or ranges this machine is known by`
        : allowEntryProblem(entry),
    )
    .filter((p) => p !== null);
  if (problems.length > 0) {
    throw new Error(`Invalid environment:\n${problems.map((p) => `  ${name}: ${p}`).join("\n")}`);
  }
  return entries;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  let secretKey: Buffer | undefined;
  try {
    secretKey = e.KEEL_SECRET_KEY === undefined ? undefined : parseSecretKey(e.KEEL_SECRET_KEY);
  } catch (err) {
    throw new Error(`Invalid environment:\n  ${(err as Error).message}`);
  }
  const allowHosts = addressList(
    "KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS",
    e.KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS,
    true,
  );
  const hostAddresses = addressList("KEEL_HOST_ADDRESSES", e.KEEL_HOST_ADDRESSES, false);
  const production = e.NODE_ENV === "production";
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.KEEL_DATA_DIR),
    databaseTimeouts: {
      connectMs: e.KEEL_DB_CONNECT_TIMEOUT_MS,
      statementMs: e.KEEL_DB_STATEMENT_TIMEOUT_MS,
      idleInTransactionMs: e.KEEL_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
    longStatementTimeoutMs: e.KEEL_DB_LONG_STATEMENT_TIMEOUT_MS,
    production,
    logLevel: e.LOG_LEVEL,
    secureCookies: e.KEEL_SECURE_COOKIES ? e.KEEL_SECURE_COOKIES === "true" : production,
    trustProxy: e.KEEL_TRUST_PROXY === "true",
    publicUrl: e.KEEL_PUBLIC_URL,
    webDistDir: path.resolve(import.meta.dirname, "../../dist/web"),
    secretKey,
    connectorTimeoutMs: e.KEEL_CONNECTOR_TIMEOUT_MS,
    connectorAllowPrivateHosts: allowHosts,
    hostAddresses,
    smtp: smtpConfig(e),
  };
}

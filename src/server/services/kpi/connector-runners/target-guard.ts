import dns from "node:dns";
import type { Config } from "../../../config.ts";
import {
  type AllowList,
  allowedBy,
  BLOCKED_LABEL,
  blockedKind,
  type IpAddress,
  isLocalMachine,
  normalizeHost,
  parseAllowList,
  parseIp,
  sameIp,
} from "./address-policy.ts";

/**
 * Decides whether a connector may connect to a host, after resolving it, and hands the
 * runner the addresses it checked: the runner connects to exactly those (a custom
 * `lookup` for HTTP, the IP as `host` for PostgreSQL), so a DNS answer that changes
 * between the check and the connection (DNS rebinding) cannot swap in another address.
 */

export type ResolvedAddress = { address: string; family: 4 | 6 };
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (host) => {
  const found = await dns.promises.lookup(host, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

export type TargetPolicy = {
  allow: AllowList;
  /** Keel's own PostgreSQL server (DATABASE_URL), refused unless the allow list names it. */
  ownDatabase: { host: string; port: number } | undefined;
  /**
   * Keel's own origins, by `URL.origin`: KEEL_PUBLIC_URL's (resolved normally; null) and
   * the loopback origins of the port Keel listens on, pinned to the address it listens on.
   */
  keelOrigins: Map<string, ResolvedAddress[] | null>;
  resolve: Resolver;
};

export type PolicyConfig = Pick<
  Config,
  "connectorAllowPrivateHosts" | "databaseUrl" | "publicUrl" | "host" | "port"
>;

const originOf = (text: string) => {
  try {
    return new URL(text).origin;
  } catch {
    return undefined;
  }
};

/** Keel's own database server, as DATABASE_URL names it (a Unix socket counts as localhost). */
export function ownDatabaseOf(databaseUrl: string | undefined): TargetPolicy["ownDatabase"] {
  if (!databaseUrl) return undefined;
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    return undefined;
  }
  let host = normalizeHost(decodeURIComponent(url.hostname));
  const hostParam = url.searchParams.get("host");
  if (hostParam) host = normalizeHost(hostParam);
  if (!host || host.startsWith("/")) host = "localhost";
  const port = Number(url.searchParams.get("port") || url.port || 5432);
  return { host, port };
}

/**
 * Where Keel itself answers. Its API needs a token the connector carries in its headers,
 * so reading it reaches nothing a member could not read; the demo's connector does this.
 * Loopback origins are pinned to the address Keel listens on, so "localhost" cannot
 * resolve elsewhere and a port of Keel's on one address is not another service's on another.
 */
export function keelOriginsOf(config: Pick<Config, "publicUrl" | "host" | "port">) {
  const origins = new Map<string, ResolvedAddress[] | null>();
  const add = (url: string, addresses: ResolvedAddress[] | null) => {
    const origin = originOf(url);
    if (origin && !origins.has(origin)) origins.set(origin, addresses);
  };
  if (config.publicUrl) add(config.publicUrl, null);
  const { port } = config;
  const h = normalizeHost(config.host);
  const ip = parseIp(h);
  const anyOrLocal = h === "" || h === "0.0.0.0" || h === "::" || h === "localhost";
  const v4 = anyOrLocal ? "127.0.0.1" : ip?.family === 4 && isLocalMachine(ip) ? h : undefined;
  const v6 = h === "::" || h === "::1" || h === "localhost" ? "::1" : undefined;
  const pinned = (address: string, family: 4 | 6) => [{ address, family }];
  if (v4) add(`http://${v4}:${port}`, pinned(v4, 4));
  if (v6) add(`http://[::1]:${port}`, pinned(v6, 6));
  if (v4 || v6) add(`http://localhost:${port}`, v4 ? pinned(v4, 4) : pinned("::1", 6));
  // Keel listens on one address of its own: that origin is Keel too.
  else if (h) add(`http://${ip?.family === 6 ? `[${h}]` : h}:${port}`, null);
  return origins;
}

export function targetPolicyOf(config: PolicyConfig, resolve: Resolver = systemResolver): TargetPolicy {
  return {
    allow: parseAllowList(config.connectorAllowPrivateHosts),
    ownDatabase: ownDatabaseOf(config.databaseUrl),
    keelOrigins: keelOriginsOf(config),
    resolve,
  };
}

/** Where a connector connects: host and port, and for HTTP the URL's origin. */
export type Target = { host: string; port: number; origin?: string };

export function httpTarget(url: string): Target {
  const u = new URL(url);
  return {
    host: normalizeHost(u.hostname),
    port: Number(u.port || (u.protocol === "https:" ? 443 : 80)),
    origin: u.origin,
  };
}

export type TargetCheck =
  | { ok: true; addresses: ResolvedAddress[] }
  /** refused: the policy says no; otherwise the host could not be resolved (yet). */
  | { ok: false; refused: boolean; reason: string };

const HOW_TO_ALLOW = "The server's operator can allow it in KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS.";

class ResolveTimeout extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new ResolveTimeout()), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}

const shownHost = (host: string) => (host.includes(":") ? `[${host}]` : host);

/**
 * Resolves the target's host (all its addresses) and applies the policy: Keel's own
 * origins pass; Keel's own database server is refused unless the allow list names it;
 * any loopback, private, link-local, unspecified, multicast or reserved address is
 * refused unless the allow list covers it. Messages name the host, never anything read.
 */
export async function checkTarget(
  policy: TargetPolicy,
  target: Target,
  timeoutMs: number,
): Promise<TargetCheck> {
  const host = normalizeHost(target.host);
  const own = target.origin === undefined ? undefined : policy.keelOrigins.get(target.origin);
  if (own) return { ok: true, addresses: own };
  let addresses: ResolvedAddress[];
  try {
    addresses = await withTimeout(policy.resolve(host), timeoutMs);
  } catch (err) {
    const reason =
      err instanceof ResolveTimeout
        ? `host ${host} could not be resolved within ${Number((timeoutMs / 1000).toFixed(1))} s`
        : `host ${host} not found`;
    return { ok: false, refused: false, reason };
  }
  if (addresses.length === 0) return { ok: false, refused: false, reason: `host ${host} not found` };
  if (own === null) return { ok: true, addresses };
  const ips: IpAddress[] = [];
  for (const a of addresses) {
    const ip = parseIp(a.address);
    if (!ip)
      return {
        ok: false,
        refused: true,
        reason: `Keel does not connect to ${host}: it has no usable address`,
      };
    ips.push(ip);
  }
  if (await isOwnDatabase(policy, host, target.port, ips)) {
    return {
      ok: false,
      refused: true,
      reason: `Keel does not connect to ${shownHost(host)}:${target.port}: it is Keel's own database server. The server's operator can allow it only by naming that host in KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS.`,
    };
  }
  for (const [i, ip] of ips.entries()) {
    const kind = blockedKind(ip);
    if (!kind || allowedBy(policy.allow, host, ip)) continue;
    const literal = parseIp(host) !== undefined;
    const what = literal
      ? `it is ${BLOCKED_LABEL[kind]}`
      : `it resolves to ${addresses[i]!.address}, ${BLOCKED_LABEL[kind]}`;
    return {
      ok: false,
      refused: true,
      reason: `Keel does not connect to ${shownHost(host)}: ${what}. ${HOW_TO_ALLOW}`,
    };
  }
  return { ok: true, addresses };
}

/**
 * Whether host:port is Keel's own database server: the same port and the same host name
 * or address (every loopback address counts as this machine). Named explicitly in the
 * allow list (its host name as DATABASE_URL writes it, or its IP address; not a range,
 * not `*`), it is allowed.
 */
async function isOwnDatabase(policy: TargetPolicy, host: string, port: number, ips: IpAddress[]) {
  const db = policy.ownDatabase;
  if (!db || db.port !== port) return false;
  const literal = parseIp(db.host);
  let dbIps: IpAddress[] = literal ? [literal] : [];
  if (!literal) {
    try {
      const found = await withTimeout(policy.resolve(db.host), 2_000);
      dbIps = found.map((a) => parseIp(a.address)).filter((ip): ip is IpAddress => ip !== undefined);
    } catch {
      // Unresolvable now: only the name itself matches.
    }
  }
  const named =
    policy.allow.hosts.has(db.host) || policy.allow.ips.some((a) => dbIps.some((d) => sameIp(a, d)));
  if (named) return false;
  if (host === db.host) return true;
  return ips.some((t) => dbIps.some((d) => sameIp(d, t) || (isLocalMachine(d) && isLocalMachine(t))));
}

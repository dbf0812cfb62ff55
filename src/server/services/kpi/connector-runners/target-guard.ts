import dns from "node:dns";
import os from "node:os";
import type { Config } from "../../../config.ts";
import {
  type AddressSet,
  type AllowList,
  allowedBy,
  BLOCKED_LABEL,
  classifyAddress,
  type IpAddress,
  isLocalMachine,
  normalizeHost,
  type OwnAddresses,
  parseAllowList,
  parseHostAddresses,
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

/** The addresses of this machine's network interfaces (os.networkInterfaces()). */
export type InterfaceAddresses = () => IpAddress[];

export const systemInterfaces: InterfaceAddresses = () =>
  Object.values(os.networkInterfaces())
    .flatMap((list) => list ?? [])
    .map((i) => parseIp(i.address))
    .filter((ip): ip is IpAddress => ip !== undefined);

export type TargetPolicy = {
  allow: AllowList;
  /**
   * What else this machine is known by: KEEL_HOST_ADDRESSES's addresses and ranges, and
   * the names to resolve when a target is checked (KEEL_PUBLIC_URL's host, KEEL_HOST_ADDRESSES's).
   */
  machine: AddressSet & { names: string[] };
  interfaces: InterfaceAddresses;
  /** Where Keel listens: its port, and "all" for every interface (HOST 0.0.0.0 or ::). */
  listen: { port: number; all: 4 | 6 | false };
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
  "connectorAllowPrivateHosts" | "databaseUrl" | "publicUrl" | "host" | "port" | "hostAddresses"
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

export function targetPolicyOf(
  config: PolicyConfig,
  resolve: Resolver = systemResolver,
  interfaces: InterfaceAddresses = systemInterfaces,
): TargetPolicy {
  const machine = parseHostAddresses(config.hostAddresses);
  const publicHost = config.publicUrl ? normalizeHost(new URL(config.publicUrl).hostname) : "";
  if (publicHost) {
    const ip = parseIp(publicHost);
    if (ip) machine.ips.push(ip);
    else machine.names.push(publicHost);
  }
  const h = normalizeHost(config.host);
  const all = h === "" || h === "::" ? 6 : h === "0.0.0.0" ? 4 : false;
  return {
    allow: parseAllowList(config.connectorAllowPrivateHosts),
    machine,
    interfaces,
    listen: { port: config.port, all },
    ownDatabase: ownDatabaseOf(config.databaseUrl),
    keelOrigins: keelOriginsOf(config),
    resolve,
  };
}

/** Where a connector connects: host and port, and for HTTP the URL's origin (none: SQL). */
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

/** Every address a name resolves to within the time left; none when it does not resolve. */
async function addressesOf(policy: TargetPolicy, host: string, timeoutMs: number): Promise<IpAddress[]> {
  const literal = parseIp(host);
  if (literal) return [literal];
  try {
    const found = await withTimeout(policy.resolve(host), timeoutMs);
    return found.map((a) => parseIp(a.address)).filter((ip): ip is IpAddress => ip !== undefined);
  } catch {
    return [];
  }
}

/** What this check knows of Keel's own addresses, resolving the names among them at once. */
async function ownAddressesOf(policy: TargetPolicy): Promise<OwnAddresses> {
  const [named, dbIps] = await Promise.all([
    Promise.all(policy.machine.names.map((n) => addressesOf(policy, n, OWN_RESOLVE_MS))),
    policy.ownDatabase ? addressesOf(policy, policy.ownDatabase.host, OWN_RESOLVE_MS) : [],
  ]);
  const machine = {
    ips: [...policy.interfaces(), ...policy.machine.ips, ...named.flat()],
    ranges: policy.machine.ranges,
  };
  const db = policy.ownDatabase;
  return { machine, database: db ? { ips: dbIps, port: db.port } : undefined };
}

/** How long the names Keel itself is known by may take to resolve, per check. */
const OWN_RESOLVE_MS = 2_000;

/**
 * Whether DATABASE_URL's server is named explicitly in the allow list (its host name as
 * DATABASE_URL writes it, or one of its IP addresses; not a range, not `*`): then it is allowed.
 */
function ownDatabaseNamed(policy: TargetPolicy, dbIps: IpAddress[]): boolean {
  const db = policy.ownDatabase;
  if (!db) return false;
  return policy.allow.hosts.has(db.host) || policy.allow.ips.some((a) => dbIps.some((d) => sameIp(a, d)));
}

/**
 * Keel's own API on an address of one of this machine's interfaces, over HTTP on the port
 * Keel listens on every interface with: the machine's address is another way to Keel.
 */
function isKeelOnInterface(policy: TargetPolicy, target: Target, ips: IpAddress[]): boolean {
  if (!target.origin?.startsWith("http:") || target.port !== policy.listen.port || !policy.listen.all) {
    return false;
  }
  const interfaces = policy.interfaces();
  return ips.every(
    (ip) => (policy.listen.all === 6 || ip.family === 4) && interfaces.some((i) => sameIp(i, ip)),
  );
}

/**
 * Resolves the target's host (all its addresses) and applies the policy: Keel's own
 * origins pass; Keel's own database server (any of its addresses, whatever name led
 * there) is refused unless the allow list names it; this machine's addresses (loopback,
 * its interfaces, KEEL_PUBLIC_URL's, KEEL_HOST_ADDRESSES) on every port but Keel's own
 * API, and private, link-local, documentation, unspecified, multicast or reserved
 * addresses, are refused unless the allow list covers them. Messages name the host and
 * the kind of address found, never anything read.
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
  const sql = target.origin === undefined;
  const known = await ownAddressesOf(policy);
  const classes = ips.map((ip) => classifyAddress(ip, { port: target.port, sql }, known));
  if (classes.includes("own-database") && !ownDatabaseNamed(policy, known.database?.ips ?? [])) {
    return {
      ok: false,
      refused: true,
      reason: `Keel does not connect to ${shownHost(host)}:${target.port}: it is Keel's own database server. The server's operator can allow it only by naming that host in KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS.`,
    };
  }
  if (classes.some((c) => c === "this-machine" || c === "loopback" || c === "unspecified")) {
    if (isKeelOnInterface(policy, target, ips)) return { ok: true, addresses };
  }
  for (const [i, ip] of ips.entries()) {
    const kind = classes[i];
    if (!kind || kind === "own-database" || allowedBy(policy.allow, host, ip)) continue;
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

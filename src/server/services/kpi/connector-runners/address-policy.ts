import net from "node:net";

/**
 * Which addresses a connector may reach. Connectors run from Keel's server, so without
 * this a team lead could point one at the server itself, its database, the private
 * network behind it or a cloud metadata service, and read the answer back through the
 * KPI. Pure rules here; resolving names and applying them: target-guard.ts.
 */

export type IpAddress = { family: 4 | 6; value: bigint };

export type BlockedKind =
  | "loopback"
  | "private"
  | "link-local"
  | "unspecified"
  | "multicast"
  | "reserved"
  | "documentation";

/** What an address is to a connector: refused by default unless null (a public address). */
export type AddressClass = BlockedKind | "this-machine" | "own-database";

/** How messages describe each kind of refused address (never anything a connector read). */
export const BLOCKED_LABEL: Readonly<Record<AddressClass, string>> = Object.freeze({
  loopback: "a loopback address (this server itself)",
  private: "a private network address",
  "link-local": "a link-local address (where cloud metadata services answer)",
  unspecified: "an unspecified address (this server itself)",
  multicast: "a multicast address",
  reserved: "a reserved address",
  documentation: "an address reserved for documentation and examples (no real server has it)",
  "this-machine":
    "an address of this server itself (one of its network interfaces, KEEL_PUBLIC_URL's or KEEL_HOST_ADDRESSES)",
  "own-database": "Keel's own database server",
});

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n);
}

function parseIpv6(text: string): bigint | undefined {
  let t = text.replace(/%.*$/, ""); // a zone id (fe80::1%eth0) does not change the address
  if (!net.isIPv6(t)) return undefined;
  let v4: bigint | undefined;
  const lastColon = t.lastIndexOf(":");
  if (t.slice(lastColon + 1).includes(".")) {
    v4 = parseIpv4(t.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    t = `${t.slice(0, lastColon + 1)}0:0`;
  }
  const [left, right] = t.split("::") as [string, string | undefined];
  const head = left ? left.split(":") : [];
  const tail = right === undefined ? undefined : right ? right.split(":") : [];
  const groups =
    tail === undefined ? head : [...head, ...Array(8 - head.length - tail.length).fill("0"), ...tail];
  if (groups.length !== 8) return undefined;
  const value = groups.reduce((acc, g) => (acc << 16n) | BigInt(Number.parseInt(g, 16)), 0n);
  return v4 === undefined ? value : (value & ~0xffff_ffffn) | v4;
}

/**
 * An IP address from its text (IPv6 with or without brackets); undefined for anything
 * else. IPv4-mapped IPv6 (::ffff:127.0.0.1) counts as the IPv4 address it carries.
 */
export function parseIp(text: string): IpAddress | undefined {
  const t = text.replace(/^\[(.*)\]$/, "$1");
  const v4 = parseIpv4(t);
  if (v4 !== undefined) return { family: 4, value: v4 };
  const v6 = parseIpv6(t);
  if (v6 === undefined) return undefined;
  if (v6 >> 32n === 0xffffn) return { family: 4, value: v6 & 0xffff_ffffn };
  return { family: 6, value: v6 };
}

export type Range = { family: 4 | 6; base: bigint; prefix: number };

function range(text: string, prefix: number): Range {
  const ip = parseIp(text)!;
  const width = ip.family === 4 ? 32 : 128;
  return { family: ip.family, base: ip.value >> BigInt(width - prefix), prefix };
}

function inRange(ip: IpAddress, r: Range): boolean {
  if (ip.family !== r.family) return false;
  const width = ip.family === 4 ? 32 : 128;
  return ip.value >> BigInt(width - r.prefix) === r.base;
}

const BLOCKED: ReadonlyArray<[Range, BlockedKind]> = [
  [range("0.0.0.0", 8), "unspecified"], // "this network": 0.0.0.0 reaches the server itself
  [range("10.0.0.0", 8), "private"],
  // Shared address space (carrier-grade NAT, VPN overlays; Alibaba Cloud's metadata is 100.100.100.200).
  [range("100.64.0.0", 10), "private"],
  [range("127.0.0.0", 8), "loopback"],
  [range("169.254.0.0", 16), "link-local"],
  [range("172.16.0.0", 12), "private"],
  [range("192.0.0.0", 24), "reserved"],
  // TEST-NET-1..3 (RFC 5737): for examples only, so a target there is a mistake or a trick.
  [range("192.0.2.0", 24), "documentation"],
  [range("198.51.100.0", 24), "documentation"],
  [range("203.0.113.0", 24), "documentation"],
  [range("192.168.0.0", 16), "private"],
  [range("198.18.0.0", 15), "reserved"],
  [range("224.0.0.0", 4), "multicast"],
  [range("240.0.0.0", 4), "reserved"], // with 255.255.255.255, the broadcast address
  [range("::", 128), "unspecified"],
  [range("::1", 128), "loopback"],
  [range("64:ff9b:1::", 48), "private"], // local-use NAT64
  [range("100::", 64), "reserved"], // discard-only
  [range("2001:db8::", 32), "documentation"], // RFC 3849
  [range("3fff::", 20), "documentation"], // RFC 9637
  [range("fc00::", 7), "private"], // unique local, incl. AWS's metadata at fd00:ec2::254
  [range("fe80::", 10), "link-local"],
  [range("fec0::", 10), "private"], // site-local (deprecated, still routed by some)
  [range("ff00::", 8), "multicast"],
];

/** IPv6 forms that carry an IPv4 address a gateway may forward to: judged by that address. */
const EMBEDDING: ReadonlyArray<[Range, (v: bigint) => bigint]> = [
  [range("::", 96), (v) => v & 0xffff_ffffn], // IPv4-compatible (deprecated)
  [range("64:ff9b::", 96), (v) => v & 0xffff_ffffn], // NAT64
  [range("2002::", 16), (v) => (v >> 80n) & 0xffff_ffffn], // 6to4
];

/** Why an address is refused by default, or null when it is a public one. */
export function blockedKind(ip: IpAddress): BlockedKind | null {
  for (const [r, kind] of BLOCKED) if (inRange(ip, r)) return kind;
  for (const [r, extract] of EMBEDDING) {
    if (inRange(ip, r)) return blockedKind({ family: 4, value: extract(ip.value) });
  }
  return null;
}

export const sameIp = (a: IpAddress, b: IpAddress) => a.family === b.family && a.value === b.value;

/** Loopback and unspecified addresses both reach this machine. */
export const isLocalMachine = (ip: IpAddress) => {
  const kind = blockedKind(ip);
  return kind === "loopback" || kind === "unspecified";
};

/** Addresses and CIDR ranges, as the settings give them. */
export type AddressSet = { ips: IpAddress[]; ranges: Range[] };

export const inAddressSet = (set: AddressSet, ip: IpAddress) =>
  set.ips.some((a) => sameIp(a, ip)) || set.ranges.some((r) => inRange(ip, r));

/** What the target check knows of Keel's own addresses (resolved by target-guard.ts). */
export type OwnAddresses = {
  /**
   * This machine besides loopback: the addresses of its network interfaces, those
   * KEEL_PUBLIC_URL's host resolves to, and KEEL_HOST_ADDRESSES (behind NAT).
   */
  machine: AddressSet;
  /** Keel's own database server: the addresses DATABASE_URL's host resolves to, and its port. */
  database?: { ips: IpAddress[]; port: number };
};

/** Whether the address reaches this machine: loopback, unspecified, or one it is known by. */
export const isThisMachine = (ip: IpAddress, machine: AddressSet) =>
  isLocalMachine(ip) || inAddressSet(machine, ip);

/**
 * What `ip` is to a connector reaching `port` on it (over SQL or HTTP), or null for a
 * public address of another machine:
 * - own-database: an address of Keel's database server, whatever name led there, on any
 *   port for a SQL connector (another port of that server is still Keel's data: another
 *   cluster, a pooler in front of it) and on the database's port for HTTP; when the
 *   database runs on this machine, every address of this machine counts as its address;
 * - loopback, unspecified: this machine, as named by the address itself;
 * - this-machine: an address this machine is known by (every port: its other services);
 * - the other refused kinds (private, link-local, documentation…).
 */
export function classifyAddress(
  ip: IpAddress,
  target: { port: number; sql: boolean },
  own: OwnAddresses,
): AddressClass | null {
  const db = own.database;
  if (db && (target.sql || target.port === db.port)) {
    const here = isThisMachine(ip, own.machine);
    if (db.ips.some((d) => sameIp(d, ip) || (here && isThisMachine(d, own.machine)))) return "own-database";
  }
  const kind = blockedKind(ip);
  if (kind === "loopback" || kind === "unspecified") return kind;
  if (inAddressSet(own.machine, ip)) return "this-machine";
  return kind;
}

/** A host as URLs and settings write it, compared: lower case, no brackets, no trailing dot. */
export const normalizeHost = (host: string) =>
  host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1")
    .replace(/\.$/, "");

/** KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS, parsed. */
export type AllowList = {
  /** `*`: every private address (Keel's own database still only when named). */
  all: boolean;
  /** Host names, allowed whatever they resolve to. */
  hosts: Set<string>;
  /** Single IP addresses (these name a host explicitly, as host names do). */
  ips: IpAddress[];
  /** CIDR ranges. */
  ranges: Range[];
};

const HOST_NAME = /^[a-z0-9_]([a-z0-9_-]{0,62})(\.[a-z0-9_]([a-z0-9_-]{0,62}))*$/;

/** Why an entry of the allow list cannot be read, or null when it can. */
export function allowEntryProblem(entry: string): string | null {
  const e = normalizeHost(entry);
  if (e === "*") return null;
  if (e.includes("/")) {
    const [ip, bits, extra] = e.split("/");
    const parsed = parseIp(ip ?? "");
    const max = parsed?.family === 4 && !ip?.includes(":") ? 32 : 128;
    if (!parsed || extra !== undefined || !/^\d{1,3}$/.test(bits ?? "") || Number(bits) > max) {
      return `"${entry}" is not a CIDR range such as 10.0.0.0/8 or fd00::/8`;
    }
    return null;
  }
  if (parseIp(e) || HOST_NAME.test(e)) return null;
  return `"${entry}" is not a host name, an IP address or a CIDR range`;
}

/**
 * KEEL_HOST_ADDRESSES: names, IP addresses and CIDR ranges this machine is known by (the
 * same forms as the allow list, without `*`). Names are resolved when a target is checked.
 */
export function parseHostAddresses(entries: readonly string[]): AddressSet & { names: string[] } {
  const list = parseAllowList(entries.filter((e) => normalizeHost(e) !== "*"));
  return { ips: list.ips, ranges: list.ranges, names: [...list.hosts] };
}

/** Parses the setting; entries must have passed allowEntryProblem (config.ts checks at start). */
export function parseAllowList(entries: readonly string[]): AllowList {
  const list: AllowList = { all: false, hosts: new Set(), ips: [], ranges: [] };
  for (const raw of entries) {
    const e = normalizeHost(raw);
    if (!e || allowEntryProblem(e)) continue;
    if (e === "*") {
      list.all = true;
    } else if (e.includes("/")) {
      const [ipText, bits] = e.split("/") as [string, string];
      const ip = parseIp(ipText)!;
      // An IPv4 range written as IPv4-mapped IPv6 (::ffff:10.0.0.0/104) is read as IPv4.
      const prefix = ip.family === 4 && ipText.includes(":") ? Math.max(Number(bits) - 96, 0) : Number(bits);
      const width = ip.family === 4 ? 32 : 128;
      list.ranges.push({ family: ip.family, base: ip.value >> BigInt(width - prefix), prefix });
    } else {
      const ip = parseIp(e);
      if (ip) list.ips.push(ip);
      else list.hosts.add(e);
    }
  }
  return list;
}

/** Whether the list lets a connector reach `address` when it was written as `host`. */
export function allowedBy(list: AllowList, host: string, address: IpAddress): boolean {
  return (
    list.all ||
    list.hosts.has(normalizeHost(host)) ||
    list.ips.some((ip) => sameIp(ip, address)) ||
    list.ranges.some((r) => inRange(address, r))
  );
}

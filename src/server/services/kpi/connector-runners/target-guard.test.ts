import { describe, expect, it } from "vitest";
import {
  allowEntryProblem,
  allowedBy,
  blockedKind,
  classifyAddress,
  parseAllowList,
  parseHostAddresses,
  parseIp,
} from "./address-policy.ts";
import {
  checkTarget,
  httpTarget,
  keelOriginsOf,
  ownDatabaseOf,
  type Resolver,
  targetPolicyOf,
} from "./target-guard.ts";

const kind = (text: string) => blockedKind(parseIp(text)!);

describe("addresses refused by default", () => {
  it("refuses loopback, private, link-local, unspecified, multicast and reserved IPv4", () => {
    for (const [ip, expected] of [
      ["127.0.0.1", "loopback"],
      ["127.255.0.9", "loopback"],
      ["10.1.2.3", "private"],
      ["172.16.0.1", "private"],
      ["172.31.255.255", "private"],
      ["192.168.1.1", "private"],
      ["100.100.100.200", "private"],
      ["169.254.169.254", "link-local"],
      ["0.0.0.0", "unspecified"],
      ["224.0.0.1", "multicast"],
      ["255.255.255.255", "reserved"],
    ] as const) {
      expect(kind(ip), ip).toBe(expected);
    }
    for (const ip of ["8.8.8.8", "172.32.0.1", "172.15.255.255", "93.184.216.34", "100.63.255.255"]) {
      expect(kind(ip), ip).toBeNull();
    }
  });

  it("refuses the same in IPv6, including IPv4 carried inside IPv6", () => {
    for (const [ip, expected] of [
      ["::1", "loopback"],
      ["[::1]", "loopback"],
      ["::", "unspecified"],
      ["fd00:ec2::254", "private"],
      ["fc00::1", "private"],
      ["fe80::1%eth0", "link-local"],
      ["ff02::1", "multicast"],
      ["::ffff:127.0.0.1", "loopback"],
      ["::ffff:7f00:1", "loopback"],
      ["::ffff:169.254.169.254", "link-local"],
      ["64:ff9b::10.0.0.1", "private"],
      ["2002:7f00:1::", "loopback"],
    ] as const) {
      expect(kind(ip), ip).toBe(expected);
    }
    for (const ip of ["2606:4700::1111", "2001:4860:4860::8888", "64:ff9b::8.8.8.8", "2001:db9::1"]) {
      expect(kind(ip), ip).toBeNull();
    }
    expect(parseIp("::ffff:10.0.0.1")).toEqual(parseIp("10.0.0.1"));
    expect(parseIp("not-an-ip")).toBeUndefined();
    expect(parseIp("1.2.3")).toBeUndefined();
  });
});

describe("documentation and example addresses", () => {
  it("refuses TEST-NET-1, -2, -3 and the IPv6 documentation prefixes", () => {
    for (const ip of [
      "192.0.2.1",
      "192.0.2.255",
      "198.51.100.7",
      "203.0.113.250",
      "2001:db8::1",
      "2001:db8:ffff::9",
      "3fff::1",
      "::ffff:203.0.113.9",
    ]) {
      expect(kind(ip), ip).toBe("documentation");
    }
    for (const ip of ["192.0.3.1", "198.51.101.1", "203.0.114.1", "198.51.99.255"]) {
      expect(kind(ip), ip).toBeNull();
    }
  });
});

describe("classifying an address against Keel's own", () => {
  const ip = (t: string) => parseIp(t)!;
  const machine = {
    ips: [ip("10.0.0.9"), ip("93.184.216.10")],
    ranges: parseHostAddresses(["198.18.0.0/15"]).ranges,
  };
  const here = { machine };
  const http = (port: number) => ({ port, sql: false });
  const sqlAt = (port: number) => ({ port, sql: true });

  it("names this machine's non-loopback addresses on every port, before their range's kind", () => {
    expect(classifyAddress(ip("10.0.0.9"), http(8080), here)).toBe("this-machine");
    expect(classifyAddress(ip("93.184.216.10"), http(443), here)).toBe("this-machine");
    expect(classifyAddress(ip("::ffff:93.184.216.10"), sqlAt(5432), here)).toBe("this-machine");
    expect(classifyAddress(ip("10.0.0.8"), http(8080), here)).toBe("private");
    expect(classifyAddress(ip("127.0.0.1"), http(8080), here)).toBe("loopback");
    expect(classifyAddress(ip("93.184.216.11"), http(443), here)).toBeNull();
  });

  it("names Keel's own database by address, on any port for SQL and its own port for HTTP", () => {
    const remote = { machine, database: { ips: [ip("10.0.0.5")], port: 5432 } };
    expect(classifyAddress(ip("10.0.0.5"), sqlAt(5432), remote)).toBe("own-database");
    expect(classifyAddress(ip("10.0.0.5"), sqlAt(6432), remote)).toBe("own-database");
    expect(classifyAddress(ip("10.0.0.5"), http(5432), remote)).toBe("own-database");
    expect(classifyAddress(ip("10.0.0.5"), http(8080), remote)).toBe("private");
    expect(classifyAddress(ip("10.0.0.9"), sqlAt(5432), remote)).toBe("this-machine");
    // A database on this machine answers on every address of this machine.
    const local = { machine, database: { ips: [ip("127.0.0.1")], port: 5432 } };
    for (const target of ["127.0.0.1", "::1", "10.0.0.9", "93.184.216.10", "198.18.0.1"]) {
      expect(classifyAddress(ip(target), sqlAt(5433), local), target).toBe("own-database");
      expect(classifyAddress(ip(target), http(5432), local), target).toBe("own-database");
    }
    expect(classifyAddress(ip("10.0.0.9"), http(8080), local)).toBe("this-machine");
  });
});

describe("the allow list (KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS)", () => {
  it("reads host names, IP addresses, CIDR ranges and *", () => {
    for (const ok of ["*", "127.0.0.1", "10.0.0.0/8", "fd00::/8", "db.internal", "[::1]", "Metrics.Local."]) {
      expect(allowEntryProblem(ok), ok).toBeNull();
    }
    for (const bad of ["10.0.0.0/33", "10.0.0.0/x", "fd00::/129", "a b", "http://db", "1.2.3.4/8/9"]) {
      expect(allowEntryProblem(bad), bad).toEqual(expect.any(String));
    }
    const list = parseAllowList(["127.0.0.1", "10.0.0.0/8", "db.internal", "fd00::/8"]);
    const ip = (t: string) => parseIp(t)!;
    expect(allowedBy(list, "127.0.0.1", ip("127.0.0.1"))).toBe(true);
    expect(allowedBy(list, "127.0.0.2", ip("127.0.0.2"))).toBe(false);
    expect(allowedBy(list, "x", ip("10.20.30.40"))).toBe(true);
    expect(allowedBy(list, "x", ip("::ffff:10.20.30.40"))).toBe(true);
    expect(allowedBy(list, "DB.internal", ip("192.168.0.9"))).toBe(true);
    expect(allowedBy(list, "x", ip("fd12::1"))).toBe(true);
    expect(allowedBy(list, "x", ip("169.254.169.254"))).toBe(false);
    expect(allowedBy(parseAllowList(["*"]), "x", ip("169.254.169.254"))).toBe(true);
  });
});

/** A resolver answering from a table, counting its calls. */
function fakeDns(table: Record<string, string[]>): Resolver {
  return async (host) => {
    const ip = parseIp(host);
    if (ip) return [{ address: host, family: ip.family }];
    const found = table[host];
    if (!found) throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
    return found.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }) as const);
  };
}

const dns = fakeDns({
  localhost: ["127.0.0.1", "::1"],
  "metadata.internal": ["169.254.169.254"],
  "db.internal": ["10.0.0.5"],
  "mixed.example.com": ["93.184.216.34", "10.0.0.7"],
  "stats.example.com": ["93.184.216.34"],
});

const config = (env: {
  allow?: string[];
  databaseUrl?: string;
  publicUrl?: string;
  host?: string;
  port?: number;
  hostAddresses?: string[];
  interfaces?: string[];
}) =>
  targetPolicyOf(
    {
      connectorAllowPrivateHosts: env.allow ?? [],
      databaseUrl: env.databaseUrl,
      publicUrl: env.publicUrl,
      host: env.host ?? "0.0.0.0",
      port: env.port ?? 3000,
      hostAddresses: env.hostAddresses ?? [],
    },
    dns,
    () => (env.interfaces ?? ["127.0.0.1", "::1"]).map((a) => parseIp(a)!),
  );

const check = (policy: ReturnType<typeof config>, url: string) => checkTarget(policy, httpTarget(url), 1000);

describe("checking a connector's target", () => {
  it("refuses private targets after resolving them, naming the host and the address", async () => {
    const policy = config({});
    expect(await check(policy, "https://stats.example.com/x")).toEqual({
      ok: true,
      addresses: [{ address: "93.184.216.34", family: 4 }],
    });
    const refused = await check(policy, "http://169.254.169.254/latest/meta-data/");
    expect(refused).toMatchObject({ ok: false, refused: true });
    expect((refused as { reason: string }).reason).toBe(
      "Keel does not connect to 169.254.169.254: it is a link-local address (where cloud metadata services answer). The server's operator can allow it in KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS.",
    );
    expect(await check(policy, "http://metadata.internal/")).toMatchObject({
      ok: false,
      refused: true,
      reason: expect.stringContaining("metadata.internal: it resolves to 169.254.169.254, a link-local"),
    });
    // One private address among public ones is enough to refuse.
    expect(await check(policy, "https://mixed.example.com/")).toMatchObject({ ok: false, refused: true });
    expect(await check(policy, "http://[::1]:8080/")).toMatchObject({ ok: false, refused: true });
    expect(await check(policy, "http://[::ffff:7f00:1]:8080/")).toMatchObject({ ok: false, refused: true });
    expect(await check(policy, "http://2130706433:8080/")).toMatchObject({ ok: false, refused: true });
    expect(await check(policy, "http://nowhere.example.com/")).toEqual({
      ok: false,
      refused: false,
      reason: "host nowhere.example.com not found",
    });
  });

  it("allows what the allow list names", async () => {
    const policy = config({ allow: ["127.0.0.1", "db.internal"] });
    expect(await check(policy, "http://127.0.0.1:8080/")).toMatchObject({ ok: true });
    expect(await check(policy, "http://db.internal:8080/")).toMatchObject({
      ok: true,
      addresses: [{ address: "10.0.0.5", family: 4 }],
    });
    // localhost also resolves to ::1, which is not listed.
    expect(await check(policy, "http://localhost:8080/")).toMatchObject({ ok: false, refused: true });
    expect(await check(policy, "http://169.254.169.254/")).toMatchObject({ ok: false, refused: true });
  });

  it("always refuses Keel's own database server unless it is named explicitly", async () => {
    const databaseUrl = "postgres://keel:pw@127.0.0.1:5432/keel";
    const pg = (policy: ReturnType<typeof config>, host: string, port = 5432) =>
      checkTarget(policy, { host, port }, 1000);
    for (const allow of [[], ["*"], ["127.0.0.0/8"], ["localhost"]]) {
      const policy = config({ allow, databaseUrl });
      for (const host of ["127.0.0.1", "localhost", "::1", "127.0.0.2"]) {
        const checked = await pg(policy, host);
        expect(checked, `${allow} ${host}`).toMatchObject({ ok: false, refused: true });
        expect((checked as { reason: string }).reason).toContain("Keel's own database server");
      }
    }
    // Another port of the database's machine is still refused to SQL; HTTP there is this
    // machine, which a range allows.
    expect(await pg(config({ allow: ["127.0.0.0/8"], databaseUrl }), "127.0.0.1", 5433)).toMatchObject({
      ok: false,
      refused: true,
      reason: expect.stringContaining("it is Keel's own database server"),
    });
    expect(
      await check(config({ allow: ["127.0.0.0/8"], databaseUrl }), "http://127.0.0.1:5433/"),
    ).toMatchObject({
      ok: true,
    });
    expect(await pg(config({ allow: ["127.0.0.1"], databaseUrl }), "127.0.0.1")).toMatchObject({ ok: true });
    const named = config({ allow: ["db.internal"], databaseUrl: "postgres://k@db.internal/keel" });
    expect(await pg(named, "db.internal")).toMatchObject({ ok: true });
    const unnamed = config({ allow: ["10.0.0.0/8"], databaseUrl: "postgres://k@db.internal/keel" });
    expect(await pg(unnamed, "10.0.0.5")).toMatchObject({ ok: false, refused: true });
    expect(await pg(unnamed, "10.0.0.6")).toMatchObject({ ok: true });
    expect(ownDatabaseOf("postgres:///keel?host=/var/run/postgresql")).toEqual({
      host: "localhost",
      port: 5432,
    });
    expect(ownDatabaseOf("postgres://k@[::1]:6543/keel")).toEqual({ host: "::1", port: 6543 });
  });

  it("allows Keel's own origin, pinned to the address Keel listens on", async () => {
    const policy = config({ port: 3000 });
    expect(await check(policy, "http://127.0.0.1:3000/api/orgs/x/teams/y")).toEqual({
      ok: true,
      addresses: [{ address: "127.0.0.1", family: 4 }],
    });
    expect(await check(policy, "http://localhost:3000/api")).toEqual({
      ok: true,
      addresses: [{ address: "127.0.0.1", family: 4 }],
    });
    for (const url of ["http://127.0.0.1:3001/", "https://127.0.0.1:3000/", "http://[::1]:3000/"]) {
      expect(await check(policy, url), url).toMatchObject({ ok: false, refused: true });
    }
    const behindProxy = config({ publicUrl: "https://okr.example.com/", port: 3000 });
    const internal = fakeDns({ "okr.example.com": ["10.1.1.1"] });
    expect(
      await checkTarget(
        { ...behindProxy, resolve: internal },
        httpTarget("https://okr.example.com/api"),
        1000,
      ),
    ).toEqual({ ok: true, addresses: [{ address: "10.1.1.1", family: 4 }] });
    expect([...keelOriginsOf({ host: "::", port: 80, publicUrl: undefined }).keys()].sort()).toEqual([
      "http://127.0.0.1",
      "http://[::1]",
      "http://localhost",
    ]);
    expect([...keelOriginsOf({ host: "10.0.0.9", port: 3000, publicUrl: undefined }).keys()]).toEqual([
      "http://10.0.0.9:3000",
    ]);
  });
});

describe("this machine beyond loopback", () => {
  const machine = {
    interfaces: ["127.0.0.1", "::1", "10.0.0.9", "2a01:4f8::9"],
    publicUrl: "https://okr.nordwind.example/",
    hostAddresses: ["93.184.216.10", "198.18.0.0/15", "gateway.nordwind.example"],
  };
  const machineDns = fakeDns({
    "okr.nordwind.example": ["93.184.216.20"],
    "gateway.nordwind.example": ["93.184.216.30"],
    "alias.nordwind.example": ["93.184.216.10"],
    "db.nordwind.example": ["10.0.0.9"],
    "stats.example.com": ["93.184.216.34"],
  });
  const policyOf = (env: Parameters<typeof config>[0] = {}) => ({
    ...config({ ...machine, ...env }),
    resolve: machineDns,
  });
  const THIS = "an address of this server itself";

  it("refuses every port of its interfaces, KEEL_PUBLIC_URL's addresses and KEEL_HOST_ADDRESSES", async () => {
    const policy = policyOf();
    for (const url of [
      "http://10.0.0.9:8080/",
      "http://[2a01:4f8::9]:9100/metrics",
      "http://93.184.216.20:8080/",
      "https://okr.nordwind.example:8443/",
      "http://93.184.216.10/",
      "http://alias.nordwind.example/",
      "http://198.19.3.4/",
      "http://gateway.nordwind.example:6379/",
    ]) {
      const checked = await check(policy, url);
      expect(checked, url).toMatchObject({ ok: false, refused: true });
      expect((checked as { reason: string }).reason, url).toContain(THIS);
    }
    expect((await check(policy, "http://alias.nordwind.example/")) as object).toMatchObject({
      reason: `Keel does not connect to alias.nordwind.example: it resolves to 93.184.216.10, ${THIS} (one of its network interfaces, KEEL_PUBLIC_URL's or KEEL_HOST_ADDRESSES). The server's operator can allow it in KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS.`,
    });
    expect(await check(policy, "https://stats.example.com/")).toMatchObject({ ok: true });
    // Keel's own public origin stays reachable (the demo's connector reads Keel's API).
    expect(await check(policy, "https://okr.nordwind.example/api")).toMatchObject({ ok: true });
    // The allow list keeps its meaning: an entry that covers the address allows it.
    expect(await check(policyOf({ allow: ["10.0.0.9"] }), "http://10.0.0.9:8080/")).toMatchObject({
      ok: true,
    });
  });

  it("lets Keel's own API through on its interfaces over HTTP, on Keel's port only", async () => {
    const policy = policyOf({ port: 3000 });
    expect(await check(policy, "http://10.0.0.9:3000/api/orgs/x/kpis")).toEqual({
      ok: true,
      addresses: [{ address: "10.0.0.9", family: 4 }],
    });
    for (const url of ["https://10.0.0.9:3000/", "http://10.0.0.9:3001/", "http://[2a01:4f8::9]:3000/"]) {
      expect(await check(policy, url), url).toMatchObject({ ok: false, refused: true });
    }
    expect(await check(policyOf({ port: 3000, host: "::" }), "http://[2a01:4f8::9]:3000/")).toMatchObject({
      ok: true,
    });
    // Listening on loopback only, the interface's port 3000 is not Keel; nor is a NAT address.
    expect(await check(policyOf({ port: 3000, host: "127.0.0.1" }), "http://10.0.0.9:3000/")).toMatchObject({
      ok: false,
    });
    expect(await check(policy, "http://93.184.216.10:3000/")).toMatchObject({ ok: false });
  });

  it("treats DATABASE_URL's addresses as Keel's database whatever name reaches them", async () => {
    const policy = policyOf({ databaseUrl: "postgres://keel@db.nordwind.example:5432/keel", allow: ["*"] });
    const pg = (host: string, port = 5432) => checkTarget(policy, { host, port }, 1000);
    for (const [host, port] of [
      ["db.nordwind.example", 5432],
      ["10.0.0.9", 5432],
      ["10.0.0.9", 6432],
      ["127.0.0.1", 5432],
      ["93.184.216.10", 5433],
      ["alias.nordwind.example", 5432],
    ] as const) {
      expect(await pg(host, port), `${host}:${port}`).toMatchObject({
        ok: false,
        refused: true,
        reason: `Keel does not connect to ${host}:${port}: it is Keel's own database server. The server's operator can allow it only by naming that host in KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS.`,
      });
    }
    const named = policyOf({
      databaseUrl: "postgres://keel@db.nordwind.example:5432/keel",
      allow: ["db.nordwind.example"],
    });
    expect(await checkTarget(named, { host: "db.nordwind.example", port: 5432 }, 1000)).toMatchObject({
      ok: true,
    });
  });
});

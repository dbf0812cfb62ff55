/**
 * Keel's own machine is more than loopback: the addresses of its network interfaces,
 * those KEEL_PUBLIC_URL resolves to and KEEL_HOST_ADDRESSES are "this server" too, refused
 * on every port except Keel's own API over HTTP; every address of Keel's own database
 * server is refused whatever name or port leads there (for SQL); and documentation ranges
 * (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32) are never a real target.
 * A small server listens on one of this machine's non-loopback addresses, standing for
 * another service of the machine. The organisation and helpers: support/connectors.ts.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../src/server/config.ts";
import { type ConnectorWorld, startConnectorWorld, TIMEOUT } from "./support/connectors.ts";
import { tenantFingerprint } from "./support/fingerprint.ts";
import {
  expectError,
  type Harness,
  type Json,
  type Member,
  type OrgRef,
  testConfigEnv,
} from "./support/harness.ts";
import { skipWhen } from "./support/skip.ts";

/** A non-loopback IPv4 address of this machine (Keel listens on 0.0.0.0: IPv4 only). */
const machineAddress = Object.values(os.networkInterfaces())
  .flatMap((list) => list ?? [])
  .find((i) => !i.internal && i.family === "IPv4")?.address;

let world: ConnectorWorld;
let h: Harness;
let org: OrgRef;
let lead: Member;
let createKpi: ConnectorWorld["createKpi"];
let connectorPath: ConnectorWorld["connectorPath"];
let httpConnector: ConnectorWorld["httpConnector"];
let serverPort: number;

const appWith = (env: Record<string, string> = {}) => h.appWith({ ...TIMEOUT, ...env });
const putOn = (app: ReturnType<typeof appWith>, kpiId: string, body: Record<string, unknown>) =>
  h.requestOn(app, "PUT", connectorPath(kpiId), { as: lead.client, body });
const runOn = async (app: ReturnType<typeof appWith>, kpiId: string): Promise<Json> => {
  const reply = await h.requestOn(app, "POST", `${connectorPath(kpiId)}/run`, { as: lead.client });
  expect(reply.status, reply.text).toBe(200);
  return reply.body;
};
const HOW = "The server's operator can allow it in KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS.";
const THIS =
  "an address of this server itself (one of its network interfaces, KEEL_PUBLIC_URL's or KEEL_HOST_ADDRESSES)";

beforeAll(async () => {
  world = await startConnectorWorld();
  ({ h, org, lead, createKpi, connectorPath, httpConnector, serverPort } = world);
});
beforeEach(() => world.reset());
afterAll(() => world?.close());

const noAddress = !machineAddress && "this machine has no non-loopback IPv4 interface address";

skipWhen(noAddress).describe("this machine's own interface address", () => {
  const ip = machineAddress!;
  let service: http.Server;
  let port: number;
  let requests = 0;

  beforeAll(async () => {
    service = http.createServer((_req, res) => {
      requests++;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ data: { total: 5 } }));
    });
    await new Promise<void>((resolve) => service.listen(0, ip, resolve));
    port = (service.address() as AddressInfo).port;
  });
  afterAll(async () => {
    service.closeAllConnections();
    await new Promise((resolve) => service.close(resolve));
  });

  it("is refused on any port when saved and when run, and no request reaches it", async () => {
    const kpi = await createKpi();
    const before = await tenantFingerprint(h.db, org.id);
    const url = `http://${ip}:${port}/stats`;
    const reply = await putOn(appWith(), kpi.id, httpConnector("/", { url }));
    expectError(reply, 400, "validation_failed", "url");
    expect(reply.body.error.message).toBe(`url: Keel does not connect to ${ip}: it is ${THIS}. ${HOW}`);
    expect(await tenantFingerprint(h.db, org.id)).toEqual(before);

    // Saved while the operator allowed that address by name, refused when run without it.
    const allowed = appWith({ KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS: ip });
    const saved = await putOn(allowed, kpi.id, httpConnector("/", { url }));
    expect(saved.status, saved.text).toBe(200);
    expect(await runOn(allowed, kpi.id)).toMatchObject({ outcome: "succeeded", value: 5 });
    const seen = requests;
    expect(await runOn(appWith(), kpi.id)).toMatchObject({
      outcome: "failed",
      error: `Keel does not connect to ${ip}: it is ${THIS}. ${HOW}`,
    });
    expect(requests).toBe(seen);
  });

  it("is Keel's own API over HTTP on the port Keel listens on, and nothing else there", async () => {
    const kpi = await createKpi();
    const keel = appWith({ PORT: String(port), HOST: "0.0.0.0" });
    const saved = await putOn(keel, kpi.id, httpConnector("/", { url: `http://${ip}:${port}/api/stats` }));
    expect(saved.status, saved.text).toBe(200);
    expect(await runOn(keel, kpi.id)).toMatchObject({ outcome: "succeeded", value: 5 });
    const elsewhere = await putOn(
      keel,
      kpi.id,
      httpConnector("/", { url: `http://${ip}:${serverPort}/stats`, version: saved.body.version }),
    );
    expectError(elsewhere, 400, "validation_failed", "url");
  });

  it("reaches Keel's own database through it whatever name or port is used, even with *", async () => {
    const kpi = await createKpi();
    // Keel "runs" on a PostgreSQL server on loopback: the machine's address reaches it too.
    const app = appWith({
      DATABASE_URL: `postgres://keel@127.0.0.1:${serverPort}/keel`,
      KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS: "*",
    });
    for (const where of [`${ip}:${serverPort}`, `${ip}:${port}`]) {
      const reply = await putOn(app, kpi.id, {
        kind: "postgres_sql",
        query: "select count(*) from sessions",
        connectionString: `postgres://reader:pw@${where}/keel`,
      });
      expectError(reply, 400, "validation_failed", "connectionString");
      expect(reply.body.error.message).toBe(
        `connectionString: Keel does not connect to ${where}: it is Keel's own database server. The server's operator can allow it only by naming that host in KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS.`,
      );
    }
  });
});

describe("addresses the machine is known by, and documentation ranges", () => {
  it("refuses KEEL_HOST_ADDRESSES (addresses and ranges) as this machine", async () => {
    const kpi = await createKpi();
    const app = appWith({ KEEL_HOST_ADDRESSES: "93.184.216.10, 100.24.0.0/16" });
    for (const host of ["93.184.216.10", "100.24.7.7"]) {
      const reply = await putOn(app, kpi.id, httpConnector("/", { url: `https://${host}/stats` }));
      expectError(reply, 400, "validation_failed", "url");
      expect(reply.body.error.message).toBe(`url: Keel does not connect to ${host}: it is ${THIS}. ${HOW}`);
    }
    expect(() => loadConfig(testConfigEnv({ KEEL_HOST_ADDRESSES: "*" }))).toThrow(
      /KEEL_HOST_ADDRESSES: "\*" is not an address/,
    );
    expect(() => loadConfig(testConfigEnv({ KEEL_HOST_ADDRESSES: "10.0.0.0/99" }))).toThrow(
      /KEEL_HOST_ADDRESSES: "10.0.0.0\/99" is not a CIDR range/,
    );
  });

  it("refuses the documentation ranges, which no real server has", async () => {
    const kpi = await createKpi();
    const app = appWith();
    for (const host of ["198.51.100.7", "203.0.113.50", "[2001:db8::5]"]) {
      const reply = await putOn(app, kpi.id, httpConnector("/", { url: `https://${host}/stats` }));
      expectError(reply, 400, "validation_failed", "url");
      expect(reply.body.error.message).toBe(
        `url: Keel does not connect to ${host}: it is an address reserved for documentation and examples (no real server has it). ${HOW}`,
      );
    }
  });
});

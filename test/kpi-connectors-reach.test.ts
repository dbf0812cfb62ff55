/**
 * What a connector may reach: loopback, private and link-local hosts are refused when it
 * is saved and again when it runs (by hand or by the job), naming the host, unless
 * KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS allows them; Keel's own database server only when
 * the setting names it; Keel's own origin always. The harness allows 127.0.0.1, where the
 * test server of support/connectors.ts listens, so these tests build apps with other
 * settings. And errors never echo what a connector read, only the type found.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../src/server/config.ts";
import { runDueConnectors } from "../src/server/jobs/connector-job.ts";
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

let world: ConnectorWorld;
let h: Harness;
let org: OrgRef;
let base: string;
let lead: Member;
let viewer: Member;
let origin: string;
let serverPort: number;
let closedPort: number;
let hits: ConnectorWorld["hits"];
let createKpi: ConnectorWorld["createKpi"];
let connectorPath: ConnectorWorld["connectorPath"];
let httpConnector: ConnectorWorld["httpConnector"];
let put: ConnectorWorld["put"];
let run: ConnectorWorld["run"];
let getConnector: ConnectorWorld["getConnector"];
let measurements: ConnectorWorld["measurements"];
let replace: ConnectorWorld["replace"];

beforeAll(async () => {
  world = await startConnectorWorld();
  ({
    h,
    org,
    base,
    lead,
    viewer,
    origin,
    serverPort,
    closedPort,
    hits,
    createKpi,
    connectorPath,
    httpConnector,
    put,
    run,
    getConnector,
    measurements,
    replace,
  } = world);
});
beforeEach(() => world.reset());
afterAll(() => world?.close());

describe("what a connector may reach", () => {
  /** The app as a server without KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS (or with other settings). */
  const appWith = (env: Record<string, string> = {}) => h.appWith({ ...TIMEOUT, ...env });
  const putOn = (app: ReturnType<typeof appWith>, kpiId: string, body: Record<string, unknown>) =>
    h.requestOn(app, "PUT", connectorPath(kpiId), { as: lead.client, body });
  const runOn = async (app: ReturnType<typeof appWith>, kpiId: string): Promise<Json> => {
    const reply = await h.requestOn(app, "POST", `${connectorPath(kpiId)}/run`, { as: lead.client });
    expect(reply.status, reply.text).toBe(200);
    return reply.body;
  };
  const HOW = "The server's operator can allow it in KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS.";

  it("refuses loopback, private and link-local URLs by default, naming the field and the host", async () => {
    const strict = appWith();
    const kpi = await createKpi();
    const before = await tenantFingerprint(h.db, org.id);
    const cases: Array<[string, string]> = [
      [`${origin}/stats/moving`, "Keel does not connect to 127.0.0.1: it is a loopback address"],
      [`http://localhost:${serverPort}/stats/moving`, "Keel does not connect to localhost: it resolves to"],
      [`http://[::1]:${serverPort}/stats`, "Keel does not connect to [::1]: it is a loopback address"],
      ["http://0.0.0.0:8080/stats", "Keel does not connect to 0.0.0.0: it is an unspecified address"],
      ["http://10.0.0.1/stats", "Keel does not connect to 10.0.0.1: it is a private network address"],
      [
        "https://192.168.1.10/stats",
        "Keel does not connect to 192.168.1.10: it is a private network address",
      ],
      [
        "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
        "Keel does not connect to 169.254.169.254: it is a link-local address (where cloud metadata services answer)",
      ],
      [
        "http://[fd00:ec2::254]/latest/meta-data/",
        "Keel does not connect to [fd00:ec2::254]: it is a private",
      ],
      [
        "http://[::ffff:127.0.0.1]:8080/",
        "Keel does not connect to [::ffff:7f00:1]: it is a loopback address",
      ],
      ["http://2130706433:8080/", "Keel does not connect to 127.0.0.1: it is a loopback address"],
    ];
    for (const [url, message] of cases) {
      const reply = await putOn(strict, kpi.id, httpConnector("/", { url }));
      expectError(reply, 400, "validation_failed", "url");
      expect(reply.body.error.message, url).toContain(message);
      expect(reply.body.error.message, url).toContain(HOW);
    }
    expect(await tenantFingerprint(h.db, org.id)).toEqual(before);
  });

  it("refuses them again when it runs: a failed run naming the host, and no request made", async () => {
    const kpi = await createKpi();
    await put(kpi.id, httpConnector("/stats/moving"));
    const before = hits.get("/stats/moving") ?? 0;
    const outcome = await runOn(appWith(), kpi.id);
    const error = `Keel does not connect to 127.0.0.1: it is a loopback address (this server itself). ${HOW}`;
    expect(outcome).toMatchObject({ outcome: "failed", value: null, written: null, error });
    expect(outcome.connector).toMatchObject({
      lastOutcome: "failed",
      lastError: error,
      consecutiveFailures: 1,
    });
    expect(hits.get("/stats/moving") ?? 0).toBe(before);
    expect(await measurements(kpi.id)).toEqual([]);
    // The scheduled job checks the same way.
    await replace(kpi.id, httpConnector("/stats/moving"));
    await runDueConnectors({ ...h.deps, config: loadConfig(testConfigEnv(TIMEOUT)) });
    expect((await getConnector(kpi.id)).lastError).toBe(error);
    expect(hits.get("/stats/moving") ?? 0).toBe(before);
  });

  it("reaches what KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS allows: host names, addresses, ranges, *", async () => {
    const kpi = await createKpi();
    const byName = appWith({ KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS: "localhost" });
    const local = `http://localhost:${serverPort}/stats/moving`;
    const saved = await putOn(byName, kpi.id, httpConnector("/", { url: local }));
    expect(saved.status, saved.text).toBe(200);
    expect(await runOn(byName, kpi.id)).toMatchObject({ outcome: "succeeded", value: 1284.5 });
    let version = saved.body.version;
    for (const [allow, url] of [
      ["10.0.0.0/8, 127.0.0.1", "http://10.20.30.40/stats"],
      ["169.254.169.254", "http://169.254.169.254/latest/meta-data/"],
      ["fd00::/8", "http://[fd00:ec2::254]/latest/meta-data/"],
      ["*", "http://192.168.1.10/stats"],
    ] as const) {
      const reply = await putOn(
        appWith({ KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS: allow }),
        kpi.id,
        httpConnector("/", { url, version }),
      );
      expect(reply.status, `${allow}: ${reply.text}`).toBe(200);
      version = reply.body.version;
    }
    // An address the list does not cover stays refused.
    const other = await putOn(
      appWith({ KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS: "10.0.0.0/8" }),
      kpi.id,
      httpConnector("/", { url: "http://169.254.169.254/", version }),
    );
    expectError(other, 400, "validation_failed", "url");
    expect(() => loadConfig(testConfigEnv({ KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS: "10.0.0.0/99" }))).toThrow(
      /KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS: "10.0.0.0\/99" is not a CIDR range/,
    );
  });

  it("always refuses Keel's own database server, unless the setting names it explicitly", async () => {
    // Keel "runs" on a PostgreSQL server at the test server's address for this check.
    const own = { DATABASE_URL: `postgres://keel@127.0.0.1:${serverPort}/keel` };
    const kpi = await createKpi();
    for (const allow of ["", "*", "127.0.0.0/8", "localhost"]) {
      const app = appWith({ ...own, KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS: allow });
      for (const body of [
        {
          kind: "postgres_sql",
          query: "select 1",
          connectionString: `postgres://r@127.0.0.1:${serverPort}/keel`,
        },
        {
          kind: "postgres_sql",
          query: "select 1",
          connectionString: `postgres://r@localhost:${serverPort}/other`,
        },
        httpConnector("/stats/moving"),
      ]) {
        const reply = await putOn(app, kpi.id, body);
        expectError(reply, 400, "validation_failed", body.kind === "http_json" ? "url" : "connectionString");
        expect(reply.body.error.message, `${allow} ${JSON.stringify(body)}`).toContain(
          "it is Keel's own database server",
        );
      }
    }
    const named = appWith({ ...own, KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS: "127.0.0.1" });
    const reply = await putOn(named, kpi.id, httpConnector("/stats/moving"));
    expect(reply.status, reply.text).toBe(200);
    expect(await runOn(named, kpi.id)).toMatchObject({ outcome: "succeeded" });
    // Saved while allowed, refused when it runs under the stricter setting.
    const outcome = await runOn(appWith({ ...own, KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS: "*" }), kpi.id);
    expect(outcome.error).toBe(
      `Keel does not connect to 127.0.0.1:${serverPort}: it is Keel's own database server. The server's operator can allow it only by naming that host in KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS.`,
    );
  });

  it("reaches Keel's own origin without any setting (the demo's connector reads Keel's API)", async () => {
    const kpi = await createKpi();
    let version: number | undefined;
    for (const [env, url] of [
      [{ PORT: String(serverPort) }, `${origin}/stats/moving`],
      [{ PORT: String(serverPort) }, `http://localhost:${serverPort}/stats/moving`],
      [{ KEEL_PUBLIC_URL: `${origin}/` }, `${origin}/stats/moving`],
    ] as const) {
      const app = appWith(env);
      const reply = await putOn(app, kpi.id, httpConnector("/", { url, version }));
      expect(reply.status, reply.text).toBe(200);
      version = reply.body.version;
      expect(await runOn(app, kpi.id), url).toMatchObject({ outcome: "succeeded", value: 1284.5 });
    }
    // Another port on loopback is not Keel.
    const elsewhere = await putOn(
      appWith({ PORT: String(closedPort) }),
      kpi.id,
      httpConnector("/stats/moving", { version }),
    );
    expectError(elsewhere, 400, "validation_failed", "url");
  });

  it("never echoes what it read: errors name the type found, not the value", async () => {
    const kpi = await createKpi();
    await put(kpi.id, httpConnector("/stats/secret"));
    const cases: Array<[Record<string, unknown>, string]> = [
      [httpConnector("/stats/secret"), "JSON path $.data.total found text, not a number"],
      [
        httpConnector("/stats/secret", { jsonPath: "$.data.nested" }),
        "JSON path $.data.nested found an object, not a number",
      ],
      [
        httpConnector("/stats/secret", { jsonPath: "$.data.list" }),
        "JSON path $.data.list found an array, not a number",
      ],
      [
        httpConnector("/stats/secret", { jsonPath: "$.data.nested.password" }),
        "JSON path $.data.nested.password found nothing",
      ],
      [httpConnector("/stats/secret-text"), `the answer from ${origin}/stats/secret-text is not JSON`],
      [
        httpConnector("/stats/huge-secret"),
        "JSON path $.data.total found a number too large for a KPI (it must be below 10^15 in size)",
      ],
    ];
    for (const [body, error] of cases) {
      await replace(kpi.id, body);
      const outcome = await run(kpi.id);
      expect(outcome, error).toMatchObject({ outcome: "failed", error });
      expect(JSON.stringify(outcome)).not.toContain("s3cr3t");
      expect(JSON.stringify(outcome)).not.toContain("1234567890");
      for (const reply of [
        await h.request("GET", connectorPath(kpi.id), { as: viewer.client }),
        await h.request("GET", `${base}/kpis/${kpi.id}`, { as: viewer.client }),
      ]) {
        expect(reply.status).toBe(200);
        expect(reply.text).not.toContain("s3cr3t");
      }
    }
  });
});

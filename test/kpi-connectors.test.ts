/**
 * Scheduled KPI connectors through the API, against a small HTTP server this file starts:
 * values land for the current period with source "connector"; an endpoint that is down,
 * slow or answers garbage fails visibly, keeps the old values and is retried with backoff;
 * credentials never come back out (API answers, audit log, database column); and each due
 * connector is run once however many ticks race for it. Connectors may not reach loopback,
 * private or link-local hosts (the test server is on 127.0.0.1, so the harness allows
 * that one address) nor Keel's own database, and never echo what they read in errors.
 * The PostgreSQL connector: kpi-connectors-sql.test.ts.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { rowsOf } from "../src/db/client.ts";
import { loadConfig } from "../src/server/config.ts";
import { runDueConnectors } from "../src/server/jobs/connector-job.ts";
import { buildTeam } from "./support/factories.ts";
import { tenantFingerprint } from "./support/fingerprint.ts";
import {
  expectError,
  type Harness,
  HOUR,
  type Json,
  type Member,
  MINUTE,
  type OrgRef,
  type SessionClient,
  startHarness,
  testConfigEnv,
} from "./support/harness.ts";

const SECRET = "Bearer fin-7Qx2-very-secret-token";
const TIMEOUT = { KEEL_CONNECTOR_TIMEOUT_MS: "500" };
const NOW = "2026-11-18T11:00:00Z"; // a Wednesday: the weekly period began Monday 16 November
const THIS_WEEK = "2026-11-16";

let h: Harness;
let owner: SessionClient;
let org: OrgRef;
let base: string;
let lead: Member;
let anna: Member;
let outsider: Member;
let viewer: Member;
let hub: Json;
let server: http.Server;
let origin: string;
let serverPort: number;
let closedPort: number;
/** Requests the test server received, by path. */
const hits = new Map<string, number>();
/** What /stats/flaky answers: 500 while down. */
let flakyDown = false;
/** What /stats/moving answers. */
let moving = 1284.5;

function serve(req: http.IncomingMessage, res: http.ServerResponse) {
  const path = new URL(req.url ?? "/", "http://x").pathname;
  hits.set(path, (hits.get(path) ?? 0) + 1);
  const json = (status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  switch (path) {
    case "/stats/moving":
      return json(200, { data: { total: moving } });
    case "/stats/text":
      return json(200, { items: [{ value: "97.5" }] });
    case "/stats/not-a-number":
      return json(200, { data: { total: "n/a" } });
    case "/stats/garbage":
      res.writeHead(200, { "content-type": "text/html" });
      return res.end("<html><body>Maintenance</body></html>");
    case "/stats/down":
      return json(503, { error: "maintenance" });
    case "/stats/flaky":
      return flakyDown ? json(500, { error: "boom" }) : json(200, { data: { total: 42 } });
    case "/stats/slow":
      setTimeout(() => json(200, { data: { total: 1 } }), 3000);
      return;
    case "/stats/huge":
      return json(200, { data: { total: 1, padding: "x".repeat(2 * 1024 * 1024) } });
    case "/stats/redirect":
      res.writeHead(302, { location: "/stats/moving" });
      return res.end();
    case "/stats/secret":
      return json(200, {
        data: { total: "s3cr3t-data", nested: { token: "s3cr3t-data" }, list: ["s3cr3t-data"] },
      });
    case "/stats/secret-text":
      res.writeHead(200, { "content-type": "text/plain" });
      return res.end("s3cr3t-data");
    case "/stats/huge-secret":
      return json(200, { data: { total: "123456789012345678901234567890" } });
    case "/stats/secure":
      if (req.headers.authorization !== SECRET) return json(401, { error: "who are you?" });
      return json(200, { data: { total: 7 } });
    default:
      return json(404, { error: "no such path" });
  }
}

beforeAll(async () => {
  server = http.createServer(serve);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  serverPort = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${serverPort}`;
  const spare = http.createServer();
  await new Promise<void>((resolve) => spare.listen(0, "127.0.0.1", resolve));
  closedPort = (spare.address() as AddressInfo).port;
  await new Promise((resolve) => spare.close(resolve));

  // Half a second instead of ten, so the slow endpoint fails fast; the test server is on
  // loopback, which connectors may only reach when the operator allows it.
  h = await startHarness({ env: { ...TIMEOUT, KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS: "127.0.0.1" } });
  h.clock.set(NOW);
  ({ owner, org } = await h.createOwnerWithOrg({
    person: { name: "Ines Albers" },
    org: { name: "Elbe Freight" },
  }));
  base = `/api/orgs/${org.slug}`;
  lead = await h.addPerson(owner, org, "member", { name: "Jonas Petersen" });
  anna = await h.addPerson(owner, org, "member", { name: "Anna Krüger" });
  outsider = await h.addPerson(owner, org, "member", { name: "Paul Weber" });
  viewer = await h.addPerson(owner, org, "viewer", { name: "Lea Hansen" });
  hub = await h.ok("POST", `${base}/teams`, {
    as: owner,
    body: { ...buildTeam({ name: "Hub Hamburg", leadUserId: lead.id }), methodology: "both" },
  });
});
beforeEach(async () => {
  h.clock.set(NOW);
  flakyDown = false;
  moving = 1284.5;
  // Connectors of earlier tests would otherwise be due in this test's job runs.
  await h.db.execute(sql`update kpi_connectors set enabled = false`);
});
afterAll(async () => {
  await h?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

/** The harness clock keeps running after set(): times are compared within a few seconds. */
function expectNear(iso: string, expected: number) {
  expect(Math.abs(Date.parse(iso) - expected), `${iso} vs ${new Date(expected).toISOString()}`).toBeLessThan(
    10_000,
  );
}
const at = (offsetMs: number) => Date.parse(NOW) + offsetMs;

let kpiCount = 0;
async function createKpi(overrides: Record<string, unknown> = {}): Promise<Json> {
  kpiCount++;
  return h.ok(
    "POST",
    `${base}/kpis`,
    {
      as: lead.client,
      body: {
        key: `shipments_${kpiCount}`,
        name: `Shipments handled ${kpiCount}`,
        ownerUserId: anna.id,
        teamId: hub.id,
        unit: "count",
        direction: "higher_is_better",
        frequency: "weekly",
        aggregation: "sum",
        bands: [],
        ...overrides,
      },
    },
    201,
  );
}

const connectorPath = (kpiId: string) => `${base}/kpis/${kpiId}/connector`;
const httpConnector = (path: string, extra: Record<string, unknown> = {}) => ({
  kind: "http_json",
  url: `${origin}${path}`,
  jsonPath: "$.data.total",
  ...extra,
});
const put = (kpiId: string, body: Record<string, unknown>, as: SessionClient = lead.client) =>
  h.ok("PUT", connectorPath(kpiId), { as, body });
const run = (kpiId: string, as: SessionClient = lead.client): Promise<Json> =>
  h.ok("POST", `${connectorPath(kpiId)}/run`, { as });
const getConnector = (kpiId: string, as: SessionClient = viewer.client): Promise<Json> =>
  h.ok("GET", connectorPath(kpiId), { as });
const measurements = async (kpiId: string): Promise<Json[]> =>
  (await h.ok("GET", `${base}/kpis/${kpiId}/measurements`, { as: viewer.client })).items;
/** Replaces a connector's settings (the version it has now). */
async function replace(kpiId: string, body: Record<string, unknown>) {
  const current = await getConnector(kpiId, lead.client);
  return put(kpiId, { ...body, version: current.version });
}

describe("setting up a connector", () => {
  it("is for admins and the team's leads; everyone may read it, never its credentials", async () => {
    const kpi = await createKpi();
    const body = httpConnector("/stats/secure", { headers: { Authorization: SECRET } });
    for (const who of [outsider.client, anna.client, viewer.client]) {
      await expectError(await h.request("PUT", connectorPath(kpi.id), { as: who, body }), 403, "forbidden");
    }
    const reply = await h.request("PUT", connectorPath(kpi.id), { as: lead.client, body });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.text).not.toContain("fin-7Qx2");
    expect(reply.body).toMatchObject({
      kind: "http_json",
      url: `${origin}/stats/secure`,
      jsonPath: "$.data.total",
      enabled: true,
      hasCredentials: true,
      headerNames: ["Authorization"],
      credentialsError: null,
      lastRunAt: null,
      version: 1,
    });
    expectNear(reply.body.nextRunAt, at(0));
    const read = await h.request("GET", connectorPath(kpi.id), { as: viewer.client });
    expect(read.status).toBe(200);
    expect(read.text).not.toContain("fin-7Qx2");
    const stored = rowsOf<{ secret_ciphertext: string }>(
      await h.db.execute(sql`select secret_ciphertext from kpi_connectors where kpi_id = ${kpi.id}`),
    );
    expect(stored[0]?.secret_ciphertext).toMatch(/^v1:/);
    expect(stored[0]?.secret_ciphertext).not.toContain("fin-7Qx2");
  });

  it("answers 404 with a clear message when the KPI has none", async () => {
    const kpi = await createKpi();
    const reply = await h.request("GET", connectorPath(kpi.id), { as: viewer.client });
    expectError(reply, 404, "not_found");
    expect(reply.body.error.message).toContain(`KPI "${kpi.key}" has no connector`);
    expectError(
      await h.request("POST", `${connectorPath(kpi.id)}/run`, { as: lead.client }),
      404,
      "not_found",
    );
    expectError(await h.request("DELETE", connectorPath(kpi.id), { as: lead.client }), 404, "not_found");
  });

  it("refuses bad settings, naming the field, and stores nothing", async () => {
    const kpi = await createKpi();
    const before = await tenantFingerprint(h.db, org.id);
    const cases: Array<[Record<string, unknown>, string]> = [
      [httpConnector("/x", { url: "ftp://files.example.com/stats.json" }), "url"],
      [httpConnector("/x", { url: "not a url" }), "url"],
      [httpConnector("/x", { url: "https://reader:pw@stats.example.com/x" }), "url"],
      [httpConnector("/x", { jsonPath: "$.items[*].value" }), "jsonPath"],
      [httpConnector("/x", { jsonPath: "data.total" }), "jsonPath"],
      [{ kind: "http_json", url: `${origin}/stats/moving` }, "jsonPath"],
      [httpConnector("/x", { query: "select 1" }), "query"],
      [httpConnector("/x", { headers: { "Bad Header": "x" } }), "headers.Bad Header"],
      [httpConnector("/x", { headers: { Host: "evil.example.com" } }), "headers.Host"],
      [{ kind: "postgres_sql", query: "select 1" }, "connectionString"],
      [{ kind: "postgres_sql", query: "  ", connectionString: "postgres://r@db.example.com/sales" }, "query"],
      [
        { kind: "postgres_sql", query: "select 1", connectionString: "mysql://r@db/sales" },
        "connectionString",
      ],
      [
        { kind: "postgres_sql", query: "select 1", connectionString: "postgres:///sales" },
        "connectionString",
      ],
      [
        {
          kind: "postgres_sql",
          query: "select 1",
          connectionString: "postgres://r@db/s?sslcert=/etc/passwd",
        },
        "connectionString",
      ],
      [{ kind: "ftp" }, "kind"],
    ];
    for (const [body, field] of cases) {
      expectError(
        await h.request("PUT", connectorPath(kpi.id), { as: lead.client, body }),
        400,
        "validation_failed",
        field,
      );
    }
    // A header value is a credential: the refusal names the header, not the value.
    const leaky = await h.request("PUT", connectorPath(kpi.id), {
      as: lead.client,
      body: httpConnector("/x", { headers: { Authorization: "Bearer top-secret\r\nX-Evil: 1" } }),
    });
    expectError(leaky, 400, "validation_failed", "headers.Authorization");
    expect(leaky.text).not.toContain("top-secret");
    expect(await tenantFingerprint(h.db, org.id)).toEqual(before);
  });

  it("is refused for formula KPIs and archived KPIs", async () => {
    const input = await createKpi();
    const formula = await createKpi({ formula: `${input.key} * 2` });
    expectError(
      await h.request("PUT", connectorPath(formula.id), {
        as: lead.client,
        body: httpConnector("/stats/moving"),
      }),
      400,
      "validation_failed",
      "formula",
    );
    const archived = await createKpi();
    await h.ok("PATCH", `${base}/kpis/${archived.id}`, {
      as: lead.client,
      body: { version: archived.version, state: "archived" },
    });
    expectError(
      await h.request("PUT", connectorPath(archived.id), {
        as: lead.client,
        body: httpConnector("/stats/moving"),
      }),
      400,
      "validation_failed",
      "state",
    );
  });

  it("replaces with the version loaded, keeps credentials when they are omitted, and audits without them", async () => {
    const kpi = await createKpi();
    await put(kpi.id, httpConnector("/stats/secure", { headers: { Authorization: SECRET } }));
    expectError(
      await h.request("PUT", connectorPath(kpi.id), {
        as: lead.client,
        body: httpConnector("/stats/secure"),
      }),
      400,
      "validation_failed",
      "version",
    );
    expectError(
      await h.request("PUT", connectorPath(kpi.id), {
        as: lead.client,
        body: { ...httpConnector("/stats/secure"), version: 7 },
      }),
      409,
      "version_conflict",
    );
    const kept = await put(kpi.id, {
      ...httpConnector("/stats/secure", { jsonPath: "$['data'].total" }),
      version: 1,
    });
    expect(kept).toMatchObject({ version: 2, hasCredentials: true, headerNames: ["Authorization"] });
    expect((await run(kpi.id)).outcome).toBe("succeeded");
    const cleared = await put(kpi.id, { ...httpConnector("/stats/secure"), headers: null, version: 2 });
    expect(cleared).toMatchObject({ hasCredentials: false, headerNames: [] });
    expect(await run(kpi.id)).toMatchObject({
      outcome: "failed",
      error: `HTTP 401 from ${origin}/stats/secure`,
    });
    await h.ok("DELETE", connectorPath(kpi.id), { as: lead.client });
    expectError(await h.request("GET", connectorPath(kpi.id), { as: viewer.client }), 404, "not_found");
    expect(await measurements(kpi.id)).toHaveLength(1);

    const audit = await h.request(
      "GET",
      `${base}/audit?entityType=kpi_connector&entityId=${kpi.id}&limit=200`,
      { as: owner },
    );
    expect(audit.status).toBe(200);
    expect(audit.text).not.toContain("fin-7Qx2");
    const events: Json[] = audit.body.items;
    expect(events.map((e) => e.action)).toEqual([
      "kpi_connector.deleted",
      "kpi_connector.updated",
      "kpi_connector.updated",
      "kpi_connector.created",
    ]);
    expect(events[3]).toMatchObject({
      actorUserId: lead.id,
      after: { hasCredentials: true, headerNames: ["Authorization"] },
    });
    expect(events[2]).toMatchObject({
      before: { jsonPath: "$.data.total" },
      after: { jsonPath: "$['data'].total", credentialsChanged: false },
    });
    expect(events[1]).toMatchObject({ after: { hasCredentials: false, credentialsChanged: true } });
    expect(events[0]).toMatchObject({ before: { url: `${origin}/stats/secure` }, after: null });
  });
});

describe("running a connector", () => {
  it("writes the current period's value with source connector; an unchanged value writes nothing", async () => {
    const kpi = await createKpi();
    await put(kpi.id, httpConnector("/stats/moving", { headers: { Authorization: SECRET } }));
    const first = await run(kpi.id);
    expect(first).toMatchObject({
      outcome: "succeeded",
      value: 1284.5,
      periodStart: THIS_WEEK,
      written: "created",
      error: null,
    });
    expect(first.connector).toMatchObject({
      lastOutcome: "succeeded",
      lastValue: 1284.5,
      lastError: null,
      consecutiveFailures: 0,
    });
    expectNear(first.connector.lastRunAt, at(0));
    expectNear(first.connector.nextRunAt, at(6 * HOUR));
    expect(await measurements(kpi.id)).toMatchObject([
      { periodStart: THIS_WEEK, value: 1284.5, source: "connector", authorName: null, revision: 1 },
    ]);
    expect((await run(kpi.id)).written).toBe("unchanged");
    moving = 1301;
    expect(await run(kpi.id)).toMatchObject({ written: "corrected", value: 1301 });
    expect(await measurements(kpi.id)).toMatchObject([{ value: 1301, source: "connector", revision: 2 }]);
    const shown = await h.ok("GET", `${base}/kpis/${kpi.id}`, { as: viewer.client });
    expect(shown.connector).toMatchObject({
      kind: "http_json",
      enabled: true,
      lastOutcome: "succeeded",
      lastError: null,
    });
  });

  it("takes numeric text and indexes into arrays", async () => {
    const kpi = await createKpi({ unit: "percent", aggregation: "average" });
    await put(kpi.id, httpConnector("/stats/text", { jsonPath: "$.items[0].value" }));
    expect(await run(kpi.id)).toMatchObject({ outcome: "succeeded", value: 97.5 });
  });

  it("fails visibly on an endpoint that is down, slow, oversized or answers garbage, and keeps the old value", async () => {
    const kpi = await createKpi();
    await h.ok(
      "POST",
      `${base}/kpis/${kpi.id}/measurements`,
      { as: anna.client, body: { date: "2026-11-17", value: 900 } },
      201,
    );
    const cases: Array<[Record<string, unknown>, string]> = [
      [httpConnector("/stats/down"), `HTTP 503 from ${origin}/stats/down`],
      [
        httpConnector("/stats/garbage"),
        `the answer from ${origin}/stats/garbage is not JSON (it looks like HTML or XML)`,
      ],
      [httpConnector("/stats/not-a-number"), "JSON path $.data.total found text, not a number"],
      [
        httpConnector("/stats/moving", { jsonPath: "$.data.totals" }),
        "JSON path $.data.totals found nothing",
      ],
      [
        httpConnector("/stats/moving", { jsonPath: "$.figures.total" }),
        "JSON path $.figures.total found nothing (there is no $.figures)",
      ],
      [httpConnector("/stats/slow"), `no complete answer from ${origin}/stats/slow within 0.5 s`],
      [httpConnector("/stats/huge"), `the answer from ${origin}/stats/huge is larger than 1024 KB`],
      [
        httpConnector("/stats/redirect"),
        `HTTP 302 from ${origin}/stats/redirect: redirects are not followed; use the URL it points to`,
      ],
      [
        { ...httpConnector("/"), url: `http://127.0.0.1:${closedPort}/stats?api_key=k-123` },
        `connection refused by 127.0.0.1:${closedPort}`,
      ],
    ];
    await put(kpi.id, httpConnector("/stats/down"));
    for (const [body, error] of cases) {
      await replace(kpi.id, body);
      const outcome = await run(kpi.id);
      expect(outcome, error).toMatchObject({ outcome: "failed", value: null, written: null, error });
      expect(outcome.connector.lastError).toBe(error);
    }
    expect(hits.get("/stats/redirect")).toBe(1);
    expect(await measurements(kpi.id)).toMatchObject([
      { periodStart: THIS_WEEK, value: 900, source: "manual" },
    ]);
    const shown = await h.ok("GET", `${base}/kpis/${kpi.id}`, { as: viewer.client });
    expect(shown.connector).toMatchObject({
      lastOutcome: "failed",
      lastError: `connection refused by 127.0.0.1:${closedPort}`,
    });
    expect(shown.current.value).toBe(900);
  });
});

describe("the schedule", () => {
  const connectorRow = async (kpiId: string) => getConnector(kpiId, lead.client);

  it("retries a failed run after 5 minutes, then 10, and succeeds when the endpoint is back", async () => {
    const kpi = await createKpi();
    await put(kpi.id, httpConnector("/stats/flaky"));
    flakyDown = true;
    await runDueConnectors(h.deps);
    let c = await connectorRow(kpi.id);
    expect(c).toMatchObject({
      lastOutcome: "failed",
      lastError: `HTTP 500 from ${origin}/stats/flaky`,
      consecutiveFailures: 1,
    });
    expectNear(c.nextRunAt, at(5 * MINUTE));
    expect(await measurements(kpi.id)).toEqual([]);

    h.clock.advance(4 * MINUTE);
    await runDueConnectors(h.deps);
    expect((await connectorRow(kpi.id)).consecutiveFailures).toBe(1);

    h.clock.advance(MINUTE);
    await runDueConnectors(h.deps);
    c = await connectorRow(kpi.id);
    expect(c.consecutiveFailures).toBe(2);
    expectNear(c.nextRunAt, at(15 * MINUTE));

    flakyDown = false;
    h.clock.advance(10 * MINUTE);
    await runDueConnectors(h.deps);
    c = await connectorRow(kpi.id);
    expect(c).toMatchObject({
      lastOutcome: "succeeded",
      lastError: null,
      lastValue: 42,
      consecutiveFailures: 0,
    });
    expectNear(c.nextRunAt, at(15 * MINUTE + 6 * HOUR));
    expect(await measurements(kpi.id)).toMatchObject([{ value: 42, source: "connector" }]);
  });

  it("caps the backoff at the normal interval (1 hour for a daily KPI)", async () => {
    const kpi = await createKpi({ frequency: "daily" });
    await put(kpi.id, httpConnector("/stats/down"));
    await h.db.execute(sql`update kpi_connectors set consecutive_failures = 8 where kpi_id = ${kpi.id}`);
    await runDueConnectors(h.deps);
    const c = await connectorRow(kpi.id);
    expect(c.consecutiveFailures).toBe(9);
    expectNear(c.nextRunAt, at(HOUR));
  });

  it("runs each due connector once, however many ticks race for it", async () => {
    const kpis = [await createKpi(), await createKpi(), await createKpi()];
    for (const kpi of kpis) await put(kpi.id, httpConnector("/stats/moving"));
    const before = hits.get("/stats/moving") ?? 0;
    const ran = await Promise.all([
      runDueConnectors(h.deps),
      runDueConnectors(h.deps),
      runDueConnectors(h.deps),
    ]);
    expect(ran.reduce((a, b) => a + b, 0)).toBe(3);
    expect((hits.get("/stats/moving") ?? 0) - before).toBe(3);
    for (const kpi of kpis) expect(await measurements(kpi.id)).toMatchObject([{ value: 1284.5 }]);
    expect(await runDueConnectors(h.deps)).toBe(0);
  });

  it("skips paused connectors and archived KPIs; a paused one still runs by hand", async () => {
    const paused = await createKpi();
    await put(paused.id, httpConnector("/stats/flaky", { enabled: false }));
    const archived = await createKpi();
    await put(archived.id, httpConnector("/stats/flaky"));
    await h.ok("PATCH", `${base}/kpis/${archived.id}`, {
      as: lead.client,
      body: { version: archived.version, state: "archived" },
    });
    const before = hits.get("/stats/flaky") ?? 0;
    expect(await runDueConnectors(h.deps)).toBe(0);
    expect(hits.get("/stats/flaky") ?? 0).toBe(before);
    expect(await run(paused.id)).toMatchObject({ outcome: "succeeded", value: 42 });
    expectError(
      await h.request("POST", `${connectorPath(archived.id)}/run`, { as: lead.client }),
      400,
      "validation_failed",
      "state",
    );
  });
});

describe("tenant isolation", () => {
  it("another organisation cannot see, change or run a connector", async () => {
    const kpi = await createKpi();
    await put(kpi.id, httpConnector("/stats/secure", { headers: { Authorization: SECRET } }));
    const other = await h.createOwnerWithOrg({
      person: { name: "Mara Lindqvist" },
      org: { name: "Nordhafen Cargo" },
    });
    const theirs = `/api/orgs/${other.org.slug}/kpis/${kpi.id}/connector`;
    const before = await tenantFingerprint(h.db, org.id);
    for (const [method, path, body] of [
      ["GET", theirs, undefined],
      ["PUT", theirs, httpConnector("/stats/moving")],
      ["DELETE", theirs, undefined],
      ["POST", `${theirs}/run`, undefined],
    ] as const) {
      const reply = await h.request(method, path, { as: other.owner, body });
      expectError(reply, 404, "not_found");
      expect(reply.text).not.toContain("fin-7Qx2");
    }
    for (const method of ["GET", "DELETE"]) {
      const reply = await h.request(method, connectorPath(kpi.id), { as: other.owner });
      expect([403, 404]).toContain(reply.status);
      expect(reply.text).not.toContain("fin-7Qx2");
    }
    expect(await tenantFingerprint(h.db, org.id)).toEqual(before);
  });
});

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

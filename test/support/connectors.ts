/**
 * What the HTTP connector tests (kpi-connectors-*.test.ts) share: a small HTTP server on
 * 127.0.0.1 whose paths answer the way real endpoints do (a number, numeric text, HTML, a
 * 503, a slow or oversized answer, a redirect, a secret that must never be echoed, a path
 * that wants a bearer token), the organisation of support/kpi-team.ts, and helpers for
 * the connector routes. Each file starts one of its own, since files get databases of
 * their own.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import type { Json, SessionClient } from "./harness.ts";
import { type KpiTeam, NOW, startKpiTeam } from "./kpi-team.ts";

export const SECRET = "Bearer fin-7Qx2-very-secret-token";
/**
 * Short enough that the slow path (3 s) times out quickly, long enough that reading the
 * 2 MB oversized answer up to its 1 MB limit finishes first on a loaded CI machine (at
 * 0.5 s one run read "no complete answer" where "larger than 1024 KB" was meant).
 */
export const TIMEOUT = { KEEL_CONNECTOR_TIMEOUT_MS: "2000" };
/** The weekly period NOW falls in: it began Monday 16 November. */
export const THIS_WEEK = "2026-11-16";

/** The harness clock keeps running after set(): times are compared within a few seconds. */
export function expectNear(iso: string, expected: number) {
  expect(Math.abs(Date.parse(iso) - expected), `${iso} vs ${new Date(expected).toISOString()}`).toBeLessThan(
    10_000,
  );
}
export const at = (offsetMs: number) => Date.parse(NOW) + offsetMs;

/** What the test server's changeable paths answer; put back before each test. */
export type StatsAnswers = {
  /** What /stats/flaky answers: 500 while down. */
  flakyDown: boolean;
  /** What /stats/moving answers. */
  moving: number;
};

export type ConnectorWorld = Awaited<ReturnType<typeof startConnectorWorld>>;

/** The test server on 127.0.0.1, and a port next to it where nothing answers. */
async function startStatsServer() {
  /** Requests the test server received, by path. */
  const hits = new Map<string, number>();
  const answers: StatsAnswers = { flakyDown: false, moving: 1284.5 };

  function serve(req: http.IncomingMessage, res: http.ServerResponse) {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    switch (path) {
      case "/stats/moving":
        return json(200, { data: { total: answers.moving } });
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
        return answers.flakyDown ? json(500, { error: "boom" }) : json(200, { data: { total: 42 } });
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

  const server = http.createServer(serve);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const serverPort = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${serverPort}`;
  // A port that was free a moment ago: nothing answers there.
  const spare = http.createServer();
  await new Promise<void>((resolve) => spare.listen(0, "127.0.0.1", resolve));
  const closedPort = (spare.address() as AddressInfo).port;
  await new Promise((resolve) => spare.close(resolve));
  const close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return { origin, serverPort, closedPort, hits, answers, close };
}

/**
 * A second server on 127.0.0.1 (another origin: another port), standing for a server of
 * someone who should never receive the credentials saved for the first one. It answers
 * every GET with a number and keeps the Authorization header of each request it got.
 */
async function startCaptureServer() {
  const authorizations: Array<string | undefined> = [];
  const server = http.createServer((req, res) => {
    authorizations.push(req.headers.authorization);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ data: { total: 1 } }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return { origin, authorizations, close };
}

/**
 * Starts the test server and the harness (with a half-second connector timeout, and
 * 127.0.0.1 allowed) in the organisation of support/kpi-team.ts, where Jonas sets up
 * connectors for Hub Hamburg's KPIs. Call reset() before each test and close() after the
 * file.
 */
export async function startConnectorWorld() {
  const stats = await startStatsServer();
  const capture = await startCaptureServer();
  try {
    // Half a second instead of ten, so the slow endpoint fails fast; the test server is on
    // loopback, which connectors may only reach when the operator allows it.
    const team = await startKpiTeam({ ...TIMEOUT, KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS: "127.0.0.1" });
    return withConnectorHelpers(team, stats, capture);
  } catch (error) {
    await stats.close();
    await capture.close();
    throw error;
  }
}

function withConnectorHelpers(
  team: KpiTeam,
  stats: Awaited<ReturnType<typeof startStatsServer>>,
  capture: Awaited<ReturnType<typeof startCaptureServer>>,
) {
  const { h, owner, org, base, lead, anna, outsider, viewer, hub } = team;
  const { origin, serverPort, closedPort, hits, answers } = stats;

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

  return {
    h,
    owner,
    org,
    base,
    lead,
    anna,
    outsider,
    viewer,
    hub,
    origin,
    serverPort,
    closedPort,
    hits,
    answers,
    /** The other server: its origin and the Authorization headers it received. */
    capture: { origin: capture.origin, authorizations: capture.authorizations },
    createKpi,
    connectorPath,
    httpConnector,
    put,
    run,
    getConnector,
    measurements,
    replace,
    /** Puts the clock and the server's answers back, and pauses every connector. */
    async reset() {
      h.clock.set(NOW);
      answers.flakyDown = false;
      answers.moving = 1284.5;
      capture.authorizations.length = 0;
      // Connectors of earlier tests would otherwise be due in this test's job runs.
      await h.db.execute(sql`update kpi_connectors set enabled = false`);
    },
    async close() {
      await team.close();
      await stats.close();
      await capture.close();
    },
  };
}

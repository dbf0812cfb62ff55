/**
 * Running an HTTP connector through the API, against the small HTTP server of
 * support/connectors.ts: the value lands for the current period with source "connector",
 * the same value again writes nothing and a new one corrects it; numeric text and array
 * indexes are read; an endpoint that is down, slow, oversized, redirecting or answering
 * garbage fails visibly, says why on the KPI, and keeps the old value.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  at,
  type ConnectorWorld,
  expectNear,
  SECRET,
  startConnectorWorld,
  THIS_WEEK,
} from "./support/connectors.ts";
import { type Harness, HOUR, type Member } from "./support/harness.ts";

let world: ConnectorWorld;
let h: Harness;
let base: string;
let anna: Member;
let viewer: Member;
let origin: string;
let closedPort: number;
let hits: ConnectorWorld["hits"];
let answers: ConnectorWorld["answers"];
let createKpi: ConnectorWorld["createKpi"];
let httpConnector: ConnectorWorld["httpConnector"];
let put: ConnectorWorld["put"];
let run: ConnectorWorld["run"];
let measurements: ConnectorWorld["measurements"];
let replace: ConnectorWorld["replace"];

beforeAll(async () => {
  world = await startConnectorWorld();
  ({
    h,
    base,
    anna,
    viewer,
    origin,
    closedPort,
    hits,
    answers,
    createKpi,
    httpConnector,
    put,
    run,
    measurements,
    replace,
  } = world);
});
beforeEach(() => world.reset());
afterAll(() => world?.close());

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
    answers.moving = 1301;
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
      [httpConnector("/stats/slow"), `no complete answer from ${origin}/stats/slow within 2 s`],
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

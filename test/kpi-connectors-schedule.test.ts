/**
 * The connector job (runDueConnectors) on the harness clock, against the HTTP server of
 * support/connectors.ts: a failed run is retried after 5 minutes, then 10, the backoff
 * capped at the normal interval, and a success puts the connector back on its schedule;
 * each due connector is run once however many ticks race for it; paused connectors and
 * archived KPIs are skipped, and a paused one still runs by hand.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runDueConnectors } from "../src/server/jobs/connector-job.ts";
import { at, type ConnectorWorld, expectNear, startConnectorWorld } from "./support/connectors.ts";
import { expectError, type Harness, HOUR, type Member, MINUTE } from "./support/harness.ts";

let world: ConnectorWorld;
let h: Harness;
let base: string;
let lead: Member;
let origin: string;
let hits: ConnectorWorld["hits"];
let answers: ConnectorWorld["answers"];
let createKpi: ConnectorWorld["createKpi"];
let connectorPath: ConnectorWorld["connectorPath"];
let httpConnector: ConnectorWorld["httpConnector"];
let put: ConnectorWorld["put"];
let run: ConnectorWorld["run"];
let getConnector: ConnectorWorld["getConnector"];
let measurements: ConnectorWorld["measurements"];

beforeAll(async () => {
  world = await startConnectorWorld();
  ({
    h,
    base,
    lead,
    origin,
    hits,
    answers,
    createKpi,
    connectorPath,
    httpConnector,
    put,
    run,
    getConnector,
    measurements,
  } = world);
});
beforeEach(() => world.reset());
afterAll(() => world?.close());

describe("the schedule", () => {
  const connectorRow = async (kpiId: string) => getConnector(kpiId, lead.client);

  it("retries a failed run after 5 minutes, then 10, and succeeds when the endpoint is back", async () => {
    const kpi = await createKpi();
    await put(kpi.id, httpConnector("/stats/flaky"));
    answers.flakyDown = true;
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

    answers.flakyDown = false;
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
    // This test is about claiming, not timeouts: PGlite runs its queries on this thread, so
    // under a loaded machine three runs' writes can hold up one run's HTTP answer past the
    // world's half-second limit, and that run would fail for the wrong reason.
    const patient = { ...h.deps, config: { ...h.deps.config, connectorTimeoutMs: 10_000 } };
    const ran = await Promise.all([
      runDueConnectors(patient),
      runDueConnectors(patient),
      runDueConnectors(patient),
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

/**
 * The KPI side's and the cycles' events, end to end: a value that turns a KPI red sends
 * `kpi.status_changed` and `escalation.opened` to a subscribed webhook, acknowledging and
 * resolving send theirs, closing a cycle sends `cycle.closed`, and live streams hear of
 * new values (`kpi.values_changed`).
 */
import type http from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDueDeliveries } from "../src/server/jobs/webhook-job.ts";
import { type EscalationWorld, startEscalationWorld } from "./support/escalations.ts";
import { openEventStream } from "./support/event-stream.ts";
import { startReceiver } from "./support/event-world.ts";
import { cycleAround } from "./support/factories.ts";
import type { Json } from "./support/harness.ts";
import { okrApi } from "./support/okr-api.ts";

let w: EscalationWorld;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let server: ReturnType<typeof serve>;
let origin: string;

beforeAll(async () => {
  w = await startEscalationWorld({ env: { KEEL_CONNECTOR_ALLOW_PRIVATE_HOSTS: "127.0.0.1" } });
  receiver = await startReceiver();
  server = serve({ fetch: w.h.app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  (server as http.Server | undefined)?.closeAllConnections();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await receiver?.close();
  await w?.close();
});

async function sentBodies(): Promise<Json[]> {
  await runDueDeliveries(w.h.deps, { timeoutMs: 2_000 });
  const bodies = receiver.received.map((r) => JSON.parse(r.body));
  receiver.received.length = 0;
  return bodies;
}

describe("KPI, escalation and cycle events", () => {
  it("sends a status change and the escalation's life to the webhook, and values to live streams", async () => {
    await w.h.ok(
      "POST",
      `${w.base}/webhooks`,
      {
        as: w.admin.client,
        body: {
          url: receiver.url,
          events: [
            "kpi.status_changed",
            "escalation.opened",
            "escalation.acknowledged",
            "escalation.resolved",
          ],
        },
      },
      201,
    );
    // Tess reads KPIs but has nothing to do with this one: she still hears of its values.
    const live = await openEventStream(origin, w.org.slug, w.tess.client);
    const kpi = await w.createKpi("On-time departures", w.hub.id);
    await w.enter(kpi, 2, 96);
    expect(await sentBodies()).toEqual([]);
    await live.waitFor((e) => e.data.includes('"kpi.values_changed"'), "values changed");

    await w.enter(kpi, 1, 80);
    const red = await sentBodies();
    expect(red.map((b) => b.type).sort()).toEqual(["escalation.opened", "kpi.status_changed"]);
    const status = red.find((b) => b.type === "kpi.status_changed");
    expect(status).toMatchObject({
      subject: { kind: "kpi", id: kpi.id },
      data: { from: "green", to: "red", value: 80 },
    });
    const opened = red.find((b) => b.type === "escalation.opened");
    expect(opened.text).toContain('"On-time departures" turned red');
    const escalationId = opened.data.escalationId;
    await live.waitFor((e) => e.data.includes('"escalation.opened"'), "escalation opened");

    const acked = await w.h.ok("POST", `${w.base}/escalations/${escalationId}/acknowledge`, {
      as: w.sanne.client,
      body: { version: 1, note: "Extra driver on the early route" },
    });
    expect((await sentBodies()).map((b) => [b.type, b.text])).toEqual([
      [
        "escalation.acknowledged",
        'Sanne de Vries acknowledged the escalation of "On-time departures": Extra driver on the early route',
      ],
    ]);
    await w.h.ok("POST", `${w.base}/escalations/${escalationId}/resolve`, {
      as: w.sanne.client,
      body: { version: acked.version, resolution: "Route re-planned" },
    });
    expect((await sentBodies()).map((b) => b.type)).toEqual(["escalation.resolved"]);
    await live.waitFor((e) => e.data.includes('"escalation.resolved"'), "escalation resolved");
    await live.close();
  });

  it("sends cycle.closed when a cycle closes", async () => {
    await w.h.ok(
      "POST",
      `${w.base}/webhooks`,
      { as: w.admin.client, body: { url: receiver.url, events: ["cycle.closed"], format: "slack" } },
      201,
    );
    const cycle = await okrApi(w.h, w.org).createCycle(
      w.owner,
      { name: "Autumn sprint", ...cycleAround(w.today, { elapsedDays: 80, lengthDays: 60 }) },
      "closed",
    );
    expect(cycle.state).toBe("closed");
    expect(await sentBodies()).toEqual([
      { text: 'Lotte Visser closed the cycle "Autumn sprint": its Objectives and scores are now final.' },
    ]);
  });
});

/**
 * Keel says who: a value sent by an API token names the token as such ("Transport
 * system feed (API token)"), and a KPI whose escalation was acknowledged names the
 * person on it, on the KPI and on the board. The organisation: support/escalations.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EscalationWorld, startEscalationWorld } from "./support/escalations.ts";
import type { Json } from "./support/harness.ts";

let w: EscalationWorld;

beforeAll(async () => {
  w = await startEscalationWorld();
});
afterAll(() => w?.close());

describe("a value's source", () => {
  it("names the API token that sent it as a token, after its name", async () => {
    const { h, base, owner, org, hub, createKpi, enter, weeksAgo } = w;
    const kpi = await createKpi("Trucks departed on time", hub.id);
    const feed = (
      await h.createToken(owner, org, { kind: "service", name: "Transport system feed", role: "admin" })
    ).client;
    await h.ok("POST", `${base}/measurements/bulk`, {
      as: feed,
      body: { measurements: [{ kpi: kpi.key, date: weeksAgo(2), value: 93 }] },
    });
    await enter(kpi, 1, 94);
    const values = (await h.ok("GET", `${base}/kpis/${kpi.id}/measurements`, { as: owner })).items;
    expect(values.map((m: Json) => [m.value, m.source, m.authorName])).toEqual([
      [94, "manual", "Emma Smit"],
      [93, "api", "Transport system feed (API token)"],
    ]);
  });
});

describe("an acknowledged escalation on its KPI", () => {
  it("names who acknowledged it", async () => {
    const { h, base, owner, hub, sanne, createKpi, enter, act } = w;
    const kpi = await createKpi("Dock turnaround within 2 h", hub.id);
    await enter(kpi, 1, 70);
    const open = await h.ok("GET", `${base}/kpis/${kpi.id}`, { as: owner });
    expect(open.openEscalation).toMatchObject({ state: "open", acknowledgedByName: null });
    const reply = await act(open.openEscalation.id, "acknowledge", { version: 1, note: "" }, sanne.client);
    expect(reply.status, reply.text).toBe(200);
    const acknowledged = await h.ok("GET", `${base}/kpis/${kpi.id}`, { as: owner });
    expect(acknowledged.openEscalation).toMatchObject({
      state: "acknowledged",
      acknowledgedByName: "Sanne de Vries",
    });
    const board = await h.ok("GET", `${base}/teams/${hub.id}/kpi-board`, { as: owner });
    const card = board.kpis.find((k: Json) => k.id === kpi.id);
    expect(card.openEscalation.acknowledgedByName).toBe("Sanne de Vries");
  });
});

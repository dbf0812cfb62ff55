/**
 * The personal home (docs/inbox.md): my KRs on active Objectives of active cycles with
 * status, progress, confidence and the next check-in due; my KPIs with their value and the
 * value I owe. Only ever the caller's own. The organisation: support/my-inbox.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../src/domain/dates.ts";
import type { Json } from "./support/harness.ts";
import { type InboxWorld, startInboxWorld } from "./support/my-inbox.ts";

let w: InboxWorld;
let kr: Json;
let kpi: Json;

beforeAll(async () => {
  w = await startInboxWorld();
  const draft = await w.okr.createObjective(w.owner, {
    cycleId: w.cycle.id,
    teamId: w.hub.id,
    ownerUserId: w.milan.id,
    title: "Make Hub Groningen the hub customers trust",
    keyResults: [
      {
        title: "On-time deliveries from 82 % to 95 %",
        kind: "metric",
        startValue: 82,
        targetValue: 95,
        unit: "%",
        ownerUserId: w.emma.id,
      },
      {
        title: "Van checks from 50 to 200",
        kind: "metric",
        startValue: 50,
        targetValue: 200,
        unit: "",
        ownerUserId: w.milan.id,
      },
    ],
  });
  kr = (await w.okr.activate(w.owner, draft.id)).keyResults[0];
  kpi = await w.createKpi("on_time_rate", "On-time arrivals");
});
afterAll(() => w?.close());

const homeOf = (as: Parameters<InboxWorld["inboxOf"]>[0]): Promise<Json> =>
  w.h.ok("GET", `${w.base}/my/home`, { as });

describe("my home", () => {
  it("shows my KRs with what is due, and after a check-in the next week's date", async () => {
    const before = await homeOf(w.emma.client);
    expect(before.cycles).toEqual([{ id: w.cycle.id, name: w.cycle.name }]);
    expect(before.keyResults.map((k: Json) => k.keyResult.id)).toEqual([kr.id]);
    const [mine] = before.keyResults;
    expect(mine.checkIn).toMatchObject({ due: true, overdue: false });
    expect(mine.keyResult).toMatchObject({ progress: 0, lastConfidence: null, can: { checkIn: true } });

    await w.okr.checkIn(w.emma.client, kr.id, { value: 88.5, confidence: 6, note: "" });
    const [after] = (await homeOf(w.emma.client)).keyResults;
    expect(after.checkIn.due).toBe(false);
    expect(after.checkIn.nextDueOn).toBe(addDays(mine.checkIn.nextDueOn, 7));
    expect(after.keyResult.lastConfidence).toBe(6);
    expect(after.keyResult.progress).toBeCloseTo((88.5 - 82) / (95 - 82), 6);
    expect(["on_track", "at_risk", "off_track"]).toContain(after.keyResult.status);
  });

  it("shows my KPIs with their value and the value I owe, until it is entered", async () => {
    const [card] = (await homeOf(w.emma.client)).kpis;
    expect(card.kpi).toMatchObject({ id: kpi.id, name: "On-time arrivals" });
    expect(card.valueDue).toMatchObject({ overdue: expect.any(Boolean) });
    expect(card.valueDue.periodLabel).toBe(`Week of ${card.valueDue.periodStart}`);
    await w.h.ok("POST", `${w.base}/kpis/${kpi.id}/measurements`, {
      as: w.emma.client,
      body: { date: card.valueDue.periodStart, value: 93, note: "" },
    });
    const [entered] = (await homeOf(w.emma.client)).kpis;
    expect(entered.valueDue).toBeNull();
    expect(entered.kpi.current).toMatchObject({ value: 93, status: "green" });
  });

  it("shows nobody else's KRs or KPIs", async () => {
    const tess = await homeOf(w.tess.client);
    expect(tess).toEqual({ cycles: [], keyResults: [], kpis: [] });
    const milan = await homeOf(w.milan.client);
    expect(milan.keyResults.map((k: Json) => k.keyResult.title)).toEqual(["Van checks from 50 to 200"]);
    expect(milan.kpis).toEqual([]);
    // Emma in another organisation: nothing of Noordkust's.
    expect(await w.h.ok("GET", `/api/orgs/${w.other.org.slug}/my/home`, { as: w.emmaThere.client })).toEqual({
      cycles: [],
      keyResults: [],
      kpis: [],
    });
    expect((await w.h.request("GET", `${w.base}/my/home`, { as: w.other.owner })).status).toBe(404);
  });

  it("is empty for a viewer who owns nothing, and for a service token", async () => {
    expect(await homeOf(w.viewer.client)).toEqual({ cycles: [], keyResults: [], kpis: [] });
    const service = await w.h.createToken(w.owner, w.org, { kind: "service", name: "Feed", role: "admin" });
    expect(await homeOf(service.client)).toEqual({ cycles: [], keyResults: [], kpis: [] });
  });
});

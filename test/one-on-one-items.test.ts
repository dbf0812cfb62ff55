/**
 * What Keel puts on a 1:1 agenda besides flags: a KR whose forecast crossed from likely to
 * unlikely with the latest check-in, a check-in overdue (one item per silence), and the
 * report's open KPI escalations; each once per pair, and only on the current manager's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY, type Json } from "./support/harness.ts";
import { type OneOnOneWorld, startOneOnOneWorld } from "./support/one-on-one-world.ts";

let w: OneOnOneWorld;

beforeAll(async () => {
  w = await startOneOnOneWorld();
});
afterAll(() => w?.h.close());

const agenda = async () => (await w.pair(w.manager.client, w.manager, w.ewa)).agenda;
const kinds = (items: Json[]) => items.map((i: Json) => i.kind);

describe("generated items", () => {
  it("raises an item when the latest check-in turns a KR's forecast from likely to unlikely", async () => {
    const kr = await w.newKeyResult(w.ewa);
    for (const value of [75, 80, 84]) {
      w.h.clock.advance(DAY);
      await w.okr.checkIn(w.ewa.client, kr.id, { value, confidence: 7, note: "Steady week." });
    }
    expect(kinds(w.itemsAbout(await agenda(), kr.id))).not.toContain("forecast_unlikely");
    w.h.clock.advance(DAY);
    // Far below the start: the bootstrap is seeded by the KR's (random) id, so the fall must
    // leave no doubt whatever the seed (a fall to 40 read "uncertain" on one seed in CI).
    await w.okr.checkIn(w.ewa.client, kr.id, {
      value: 20,
      confidence: 7,
      note: "Two docks closed for repairs.",
    });
    const forecast = await w.h.ok("GET", `${w.base}/key-results/${kr.id}/forecast`, { as: w.ewa.client });
    expect(forecast.forecast.likelihood).toBe("unlikely");
    const items = w.itemsAbout(await agenda(), kr.id).filter((i: Json) => i.kind === "forecast_unlikely");
    expect(items).toHaveLength(1);
    expect(items[0].title).toMatch(/^Forecast turned unlikely \(\d+ % to reach\)/);
  });

  it("lists a check-in overdue once per silence, and not on the report's other 1:1s", async () => {
    const kr = await w.newKeyResult(w.ewa);
    w.h.clock.advance(8 * DAY);
    const first = w.itemsAbout(await agenda(), kr.id);
    expect(kinds(first)).toEqual(["overdue_check_in"]);
    expect(first[0].title).toContain("none yet");
    await w.okr.checkIn(w.ewa.client, kr.id, { value: 62, confidence: 6, note: "Back on it." });
    w.h.clock.advance(9 * DAY);
    const second = w.itemsAbout(await agenda(), kr.id);
    expect(kinds(second)).toEqual(["overdue_check_in", "overdue_check_in"]);
    expect(second[1].title).toContain("last on");
    // Noor's stand-in 1:1 with the squad lead carries flags only.
    const quiet = await w.newKeyResult(w.noor);
    w.h.clock.advance(8 * DAY);
    await w.flaggedKeyResult(w.noor);
    const noors = (await w.pair(w.lead.client, w.lead, w.noor)).agenda;
    expect(w.itemsAbout(noors, quiet.id)).toEqual([]);
  });

  it("lists the report's open KPI escalations", async () => {
    const kpi = await w.h.ok(
      "POST",
      `${w.base}/kpis`,
      {
        as: w.owner,
        body: {
          key: "dock_on_time",
          name: "Dock on-time rate",
          ownerUserId: w.ewa.id,
          teamId: w.squad.id,
          unit: "percent",
          direction: "higher_is_better",
          frequency: "weekly",
          aggregation: "average",
          bands: [{ effectiveFrom: "2020-01-06", target: 95, greenMin: 92, redMin: 85 }],
        },
      },
      201,
    );
    await w.h.ok("POST", `${w.base}/kpis/${kpi.id}/measurements`, {
      as: w.ewa.client,
      body: { date: w.today, value: 71, note: "" },
    });
    const items = w.itemsAbout(await agenda(), kpi.id);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: "kpi_escalation", subject: { kind: "kpi", id: kpi.id } });
    expect(items[0].title).toContain("Dock on-time rate escalated: in the red at 71");
    // Read again: still one.
    expect(w.itemsAbout(await agenda(), kpi.id)).toHaveLength(1);
  });
});

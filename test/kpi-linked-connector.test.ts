/**
 * A KR that reads a KPI follows values that arrive through the KPI's connector: on the
 * connector job's schedule and when someone runs it by hand, against the HTTP server of
 * support/connectors.ts. (Entered, corrected, bulk and CSV values: kpi-linked-key-results.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDueConnectors } from "../src/server/jobs/connector-job.ts";
import { backgroundWorkOf } from "../src/server/lib/background-work.ts";
import { type ConnectorWorld, startConnectorWorld, THIS_WEEK } from "./support/connectors.ts";
import { buildObjective, cycleAround } from "./support/factories.ts";
import { HOUR, type Json } from "./support/harness.ts";
import { NOW } from "./support/kpi-team.ts";
import { okrApi } from "./support/okr-api.ts";

let world: ConnectorWorld;
let okr: ReturnType<typeof okrApi>;
let kpi: Json;
let objective: Json;
let kr: Json;

beforeAll(async () => {
  world = await startConnectorWorld();
  await world.reset();
  okr = okrApi(world.h, world.org);
  const cycle = await okr.createCycle(world.owner, {
    name: "Winter quarter",
    ...cycleAround(NOW.slice(0, 10)),
  });
  kpi = await world.createKpi({ name: "Parcels shipped from Hamburg" });
  const draft = await okr.createObjective(
    world.lead.client,
    buildObjective({
      cycleId: cycle.id,
      teamId: world.hub.id,
      ownerUserId: world.lead.id,
      title: "Ship more from Hamburg",
      keyResults: [
        {
          title: "Ship 1,500 parcels a week",
          kind: "metric",
          ownerUserId: world.anna.id,
          startValue: 1000,
          targetValue: 1500,
          kpiId: kpi.id,
        } as never,
      ],
    }),
  );
  objective = await okr.activate(world.lead.client, draft.id);
  kr = objective.keyResults[0];
});
afterAll(() => world?.close());

const krNow = async () => {
  await backgroundWorkOf(world.h.db).drain();
  return okr.keyResult(world.lead.client, objective.id, kr.id);
};

describe("a KR reading a KPI fed by a connector", () => {
  it("takes the value the connector job writes", async () => {
    expect(kr.currentValue).toBe(1000);
    await world.put(kpi.id, world.httpConnector("/stats/moving"));
    await runDueConnectors(world.h.deps);
    expect(await world.measurements(kpi.id)).toMatchObject([
      { periodStart: THIS_WEEK, value: 1284.5, source: "connector" },
    ]);
    expect(await krNow()).toMatchObject({ currentValue: 1284.5, kpi: { id: kpi.id, value: 1284.5 } });
  });

  it("follows a run by hand that corrects the period's value", async () => {
    world.answers.moving = 1422;
    expect(await world.run(kpi.id)).toMatchObject({
      outcome: "succeeded",
      written: "corrected",
      value: 1422,
    });
    expect(await krNow()).toMatchObject({ currentValue: 1422 });
  });

  it("follows the next scheduled run, and keeps its value when a run fails", async () => {
    world.answers.moving = 1510;
    world.h.clock.advance(6 * HOUR + 1000);
    await runDueConnectors(world.h.deps);
    expect(await krNow()).toMatchObject({ currentValue: 1510 });

    await world.replace(kpi.id, world.httpConnector("/stats/down"));
    expect(await world.run(kpi.id)).toMatchObject({ outcome: "failed" });
    expect(await krNow()).toMatchObject({ currentValue: 1510 });
  });
});

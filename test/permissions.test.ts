/**
 * What the API says the caller may do (`can`) is what it then lets them do: for each
 * person of Elbe Freight (support/kpi-team.ts), the answer on a KPI, a team's board, an
 * Objective and its KR is checked against the write it promises or refuses.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../src/domain/dates.ts";
import { buildMetricKeyResult, buildObjective, cycleAround } from "./support/factories.ts";
import type { Harness, Json, Member, SessionClient } from "./support/harness.ts";
import { type KpiTeam, startKpiTeam } from "./support/kpi-team.ts";
import { okrApi } from "./support/okr-api.ts";

let world: KpiTeam;
let h: Harness;
let base: string;
let kpi: Json;

beforeAll(async () => {
  world = await startKpiTeam();
  ({ h, base } = world);
  kpi = await world.createKpi(world.kpiBody());
});
afterAll(() => world?.close());

const getKpi = (as: SessionClient) => h.ok("GET", `${base}/kpis/${kpi.id}`, { as });
const renameKpi = async (as: SessionClient, name: string) => {
  const current = await getKpi(world.owner);
  return h.request("PATCH", `${base}/kpis/${kpi.id}`, { as, body: { version: current.version, name } });
};
/** Each value for a week of its own, so none is a correction (which would need a note). */
let weeksBack = 0;
const enterValue = (as: SessionClient, value: number) =>
  h.request("POST", `${base}/kpis/${kpi.id}/measurements`, {
    as,
    body: { date: addDays(world.today, -7 * weeksBack++), value },
  });

describe("can on a KPI", () => {
  it("lets a member who leads the team edit its KPI, and the edit goes through", async () => {
    const asLead = await getKpi(world.lead.client);
    expect(asLead.can).toEqual({ edit: true, archive: true, manageConnector: true, enterValues: true });
    expect((await renameKpi(world.lead.client, "On-time delivery")).status).toBe(200);
    expect((await enterValue(world.lead.client, 93)).status).toBe(201);
  });

  it("lets the KPI's owner enter values but not redefine it, and the API agrees", async () => {
    const asOwner = await getKpi(world.anna.client);
    expect(asOwner.can).toEqual({ edit: false, archive: false, manageConnector: false, enterValues: true });
    expect((await enterValue(world.anna.client, 94)).status).toBe(201);
    expect((await renameKpi(world.anna.client, "Punctuality")).status).toBe(403);
  });

  it.each([
    ["a member with no part in it", () => world.outsider],
    ["a viewer", () => world.viewer],
  ])("tells %s they may do nothing, and every write is refused", async (_who, person: () => Member) => {
    const { client } = person();
    const seen = await getKpi(client);
    expect(seen.can).toEqual({ edit: false, archive: false, manageConnector: false, enterValues: false });
    expect((await renameKpi(client, "Punctuality")).status).toBe(403);
    expect((await enterValue(client, 95)).status).toBe(403);
  });

  it("lets an owner of the organisation do everything", async () => {
    const asOrgOwner = await getKpi(world.owner);
    expect(asOrgOwner.can).toEqual({ edit: true, archive: true, manageConnector: true, enterValues: true });
  });
});

describe("can on a team's KPI board", () => {
  it("lets the team's lead define KPIs there, and creating one works; others are told no and refused", async () => {
    const boardOf = (as: SessionClient) =>
      h.ok("GET", `${base}/teams/${world.hub.id}/kpi-board?scope=team`, { as });
    expect((await boardOf(world.lead.client)).team.can).toEqual({ manageKpis: true });
    await world.createKpi(
      world.kpiBody({ key: "dock_utilisation", name: "Dock utilisation" }),
      world.lead.client,
    );
    for (const person of [world.anna, world.outsider, world.viewer]) {
      expect((await boardOf(person.client)).team.can).toEqual({ manageKpis: false });
      const reply = await h.request("POST", `${base}/kpis`, {
        as: person.client,
        body: world.kpiBody({ key: `by_${person.id.slice(0, 8)}`, name: `KPI by ${person.name}` }),
      });
      expect(reply.status).toBe(403);
    }
  });
});

describe("can on an Objective and its key results", () => {
  let okr: ReturnType<typeof okrApi>;
  let objective: Json;

  beforeAll(async () => {
    okr = okrApi(h, world.org);
    const cycle = await okr.createCycle(world.owner, { name: "Peak season", ...cycleAround(world.today) });
    // Anna owns the KR but is not in the team; Jonas leads it.
    const draft = await okr.createObjective(
      world.lead.client,
      buildObjective({
        cycleId: cycle.id,
        teamId: world.hub.id,
        ownerUserId: world.lead.id,
        keyResults: [buildMetricKeyResult({ ownerUserId: world.anna.id })],
      }),
    );
    objective = await okr.activate(world.lead.client, draft.id);
  });

  const seenBy = (as: SessionClient) => okr.getObjective(as, objective.id);
  const checkIn = (as: SessionClient) =>
    h.request("POST", `${okr.base}/key-results/${objective.keyResults[0].id}/check-ins`, {
      as,
      body: { value: 85, confidence: 7 },
    });
  const retitle = async (as: SessionClient) => {
    const current = await seenBy(world.owner);
    return h.request("PATCH", `${okr.base}/objectives/${objective.id}`, {
      as,
      body: { version: current.version, title: `Become the carrier customers trust (${as.name})` },
    });
  };

  it("lets the team's lead edit the Objective and check in, and both go through", async () => {
    const seen = await seenBy(world.lead.client);
    expect(seen.can).toEqual({ edit: true, align: true, grade: true });
    expect(seen.keyResults[0].can).toEqual({ edit: true, checkIn: true });
    expect((await retitle(world.lead.client)).status).toBe(200);
    expect((await checkIn(world.lead.client)).status).toBe(201);
  });

  it("lets the KR's owner from outside the team check in but not edit, as the API then does", async () => {
    const seen = await seenBy(world.anna.client);
    expect(seen.can).toEqual({ edit: false, align: false, grade: false });
    expect(seen.keyResults[0].can).toEqual({ edit: false, checkIn: true });
    expect((await checkIn(world.anna.client)).status).toBe(201);
    expect((await retitle(world.anna.client)).status).toBe(403);
  });

  it.each([
    ["a member outside the team", () => world.outsider],
    ["a viewer", () => world.viewer],
  ])("tells %s they may do nothing, and the API refuses them", async (_who, person: () => Member) => {
    const { client } = person();
    const seen = await seenBy(client);
    expect(seen.can).toEqual({ edit: false, align: false, grade: false });
    expect(seen.keyResults[0].can).toEqual({ edit: false, checkIn: false });
    expect((await retitle(client)).status).toBe(403);
    expect((await checkIn(client)).status).toBe(403);
  });
});

/**
 * Leaders see everything under them: a team's KPI board, its floors and its escalations
 * reach every team below it unless `scope=team` narrows them to the team's own, and the
 * escalations "in my scope" are those of the teams a person leads and all below them
 * (everything for admins and owners). The organisation: support/escalations.ts, with a
 * Sorting team added under Hub Rotterdam so the tree is three deep.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EscalationWorld, startEscalationWorld } from "./support/escalations.ts";
import { buildTeam, cycleAround } from "./support/factories.ts";
import { expectError, type Json } from "./support/harness.ts";
import { okrApi } from "./support/okr-api.ts";

let w: EscalationWorld;
let sorting: Json;
const kpi: Record<"fleet" | "hubOnTime" | "nightOnTime" | "sorted" | "customs", Json> = {} as never;

beforeAll(async () => {
  w = await startEscalationWorld();
  const { h, base, owner, hub, operations, nightShift, customs, createKpi, enter } = w;
  sorting = await h.ok("POST", `${base}/teams`, {
    as: owner,
    body: buildTeam({ name: "Sorting Rotterdam", parentId: hub.id }),
  });
  // Operations' own KPI is green; two teams below it are red, one amber; Customs Desk,
  // another branch, is red too and must stay off Operations' views.
  kpi.fleet = await createKpi("Fleet availability", operations.id);
  kpi.hubOnTime = await createKpi("On-time departures Hub Rotterdam", hub.id);
  kpi.nightOnTime = await createKpi("On-time loading Night Shift", nightShift.id);
  kpi.sorted = await createKpi("First-pass sorting", sorting.id);
  kpi.customs = await createKpi("Declarations cleared same day", customs.id);
  await enter(kpi.fleet, 1, 96);
  await enter(kpi.hubOnTime, 1, 80);
  await enter(kpi.nightOnTime, 1, 78);
  await enter(kpi.sorted, 1, 88);
  await enter(kpi.customs, 1, 70);
});
afterAll(() => w?.close());

const board = (teamId: string, query = "") =>
  w.h.ok("GET", `${w.base}/teams/${teamId}/kpi-board${query}`, { as: w.viewer.client });
const names = (items: Json[], pick: (item: Json) => string) => items.map(pick).sort();

describe("the KPI board of a team with teams below it", () => {
  it("holds the KPIs of the whole subtree by default, and counts their statuses", async () => {
    const ops = await board(w.operations.id);
    expect(ops.team).toEqual({ id: w.operations.id, name: "Operations", can: { manageKpis: false } });
    expect(ops.scope).toBe("subtree");
    expect(names(ops.kpis, (k) => k.name)).toEqual([
      "First-pass sorting",
      "Fleet availability",
      "On-time departures Hub Rotterdam",
      "On-time loading Night Shift",
    ]);
    expect(ops.counts).toEqual({ green: 1, amber: 1, red: 2, noData: 0 });
    // Each card says whose it is, so the web app can group them by team.
    expect(ops.kpis.find((k: Json) => k.id === kpi.sorted.id).teamName).toBe("Sorting Rotterdam");
    // A team in the middle reaches down, not up or sideways.
    const hub = await board(w.hub.id);
    expect(names(hub.kpis, (k) => k.name)).toEqual([
      "First-pass sorting",
      "On-time departures Hub Rotterdam",
    ]);
    expect(hub.counts).toEqual({ green: 0, amber: 1, red: 1, noData: 0 });
  });

  it("narrows to the team's own KPIs with scope=team", async () => {
    const own = await board(w.operations.id, "?scope=team");
    expect(own.scope).toBe("team");
    expect(own.kpis.map((k: Json) => k.name)).toEqual(["Fleet availability"]);
    expect(own.counts).toEqual({ green: 1, amber: 0, red: 0, noData: 0 });
    const hub = await board(w.hub.id, "?scope=team");
    expect(hub.kpis.map((k: Json) => k.name)).toEqual(["On-time departures Hub Rotterdam"]);
    expect(hub.counts).toEqual({ green: 0, amber: 0, red: 1, noData: 0 });
  });

  it("refuses a scope it does not know", async () => {
    expectError(
      await w.h.request("GET", `${w.base}/teams/${w.operations.id}/kpi-board?scope=everything`, {
        as: w.viewer.client,
      }),
      400,
      "validation_failed",
      "scope",
    );
  });
});

describe("escalations of a team", () => {
  it("include the teams below it by default, and only its own with scope=team", async () => {
    const ops = await w.list(`teamId=${w.operations.id}`, w.viewer.client);
    expect(names(ops, (e) => e.kpi.name)).toEqual([
      "On-time departures Hub Rotterdam",
      "On-time loading Night Shift",
    ]);
    expect(await w.list(`teamId=${w.operations.id}&scope=team`, w.viewer.client)).toEqual([]);
    const hub = await w.list(`teamId=${w.hub.id}&scope=team`, w.viewer.client);
    expect(hub.map((e: Json) => e.kpi.name)).toEqual(["On-time departures Hub Rotterdam"]);
  });
});

describe("escalations in my scope", () => {
  const scoped = (as: Parameters<EscalationWorld["list"]>[1]) => w.list("inMyScope=true", as);

  it("are those of the teams a lead leads and every team below them", async () => {
    // Milan leads Operations: both of its red KPIs, though Hub Rotterdam's went to Sanne.
    expect(names(await scoped(w.milan.client), (e) => e.kpi.name)).toEqual([
      "On-time departures Hub Rotterdam",
      "On-time loading Night Shift",
    ]);
    expect((await scoped(w.sanne.client)).map((e: Json) => e.kpi.name)).toEqual([
      "On-time departures Hub Rotterdam",
    ]);
  });

  it("are everything for admins and owners, and nothing for who leads no team", async () => {
    const all = names(await w.list(""), (e) => e.id);
    expect(all).toHaveLength(3);
    expect(names(await scoped(w.owner), (e) => e.id)).toEqual(all);
    expect(names(await scoped(w.admin.client), (e) => e.id)).toEqual(all);
    expect(names(await scoped(w.serviceToken), (e) => e.id)).toEqual(all);
    expect(await scoped(w.tess.client)).toEqual([]);
    expect(await scoped(w.viewer.client)).toEqual([]);
    // Emma owns every KPI, so her inbox holds them all; she leads nothing, so her scope is empty.
    expect(await w.list("mine=true", w.emma.client)).toHaveLength(3);
    expect(await scoped(w.emma.client)).toEqual([]);
  });
});

describe("the KPI floors of a team", () => {
  it("include the floors of the teams below it by default, and only its own with scope=team", async () => {
    const { h, base, owner, org, today, operations, hub, emma } = w;
    const cycle = await okrApi(h, org).createCycle(
      owner,
      { name: "This quarter", ...cycleAround(today) },
      "active",
    );
    const putOnFloor = (teamId: string, kpiId: string, threshold: number) =>
      h.ok(
        "POST",
        `${base}/kpi-floors`,
        { as: owner, body: { teamId, cycleId: cycle.id, kpiId, ownerUserId: emma.id, threshold } },
        201,
      );
    await putOnFloor(operations.id, kpi.fleet.id, 90);
    await putOnFloor(hub.id, kpi.hubOnTime.id, 82);
    await putOnFloor(sorting.id, kpi.sorted.id, 85);
    const floors = (query: string) =>
      h.ok("GET", `${base}/kpi-floors?cycleId=${cycle.id}&${query}`, { as: w.viewer.client });
    const ops = (await floors(`teamId=${operations.id}`)).items;
    expect(ops.map((f: Json) => [f.kpi.name, f.teamId])).toEqual([
      ["First-pass sorting", sorting.id],
      ["Fleet availability", operations.id],
      ["On-time departures Hub Rotterdam", hub.id],
    ]);
    expect(ops.find((f: Json) => f.teamId === hub.id).breached).toBe(true);
    const own = (await floors(`teamId=${operations.id}&scope=team`)).items;
    expect(own.map((f: Json) => f.kpi.name)).toEqual(["Fleet availability"]);
    const fromHub = (await floors(`teamId=${hub.id}`)).items;
    expect(fromHub.map((f: Json) => f.kpi.name)).toEqual([
      "First-pass sorting",
      "On-time departures Hub Rotterdam",
    ]);
  });
});

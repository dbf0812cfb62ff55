/**
 * Unusual KPI values: a value far outside what the KPI's own recent values predict is
 * marked on the KPI's detail and board card, and its owner is told once through their
 * notifications, which only they can read or mark read.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../src/domain/dates.ts";
import { backgroundWorkOf } from "../src/server/lib/background-work.ts";
import { buildTeam } from "./support/factories.ts";
import {
  expectError,
  type Harness,
  type Json,
  type Member,
  type OrgRef,
  type SessionClient,
  startHarness,
} from "./support/harness.ts";
import { pinToNoon } from "./support/world.ts";

let h: Harness;
let owner: SessionClient;
let org: OrgRef;
let base: string;
let today: string;
/** Owns the KPIs. */
let emma: Member;
let sanne: Member;
let hub: Json;

/** Twenty weeks of parcels around 1,000 with ordinary ups and downs. */
const ORDINARY = [
  1012, 987, 1003, 995, 1021, 978, 1008, 990, 1015, 1001, 984, 1010, 996, 1019, 989, 1005, 993, 1011, 998,
  1007,
];

beforeAll(async () => {
  h = await startHarness();
  today = pinToNoon(h);
  ({ owner, org } = await h.createOwnerWithOrg({
    person: { name: "Lotte Visser" },
    org: { name: "Waal Logistics" },
  }));
  base = `/api/orgs/${org.slug}`;
  emma = await h.addPerson(owner, org, "member", { name: "Emma Smit" });
  sanne = await h.addPerson(owner, org, "member", { name: "Sanne de Vries" });
  hub = await h.ok("POST", `${base}/teams`, { as: owner, body: buildTeam({ name: "Hub Rotterdam" }) });
});
afterAll(() => h?.close());

let keySeq = 0;

/** A weekly KPI of Hub Rotterdam owned by Emma, without bands, with `history` up to last week. */
async function kpiWithHistory(name: string, history: number[]): Promise<Json> {
  keySeq++;
  const kpi = await h.ok(
    "POST",
    `${base}/kpis`,
    {
      as: owner,
      body: {
        key: `parcels_${keySeq}`,
        name,
        ownerUserId: emma.id,
        teamId: hub.id,
        unit: "count",
        direction: "higher_is_better",
        frequency: "weekly",
        aggregation: "sum",
      },
    },
    201,
  );
  const measurements = history.map((value, i) => ({
    kpi: kpi.key,
    date: addDays(today, -7 * (history.length - i)),
    value,
  }));
  await h.ok("POST", `${base}/measurements/bulk`, { as: owner, body: { measurements } });
  // The bulk load's recompute runs in the background: let it finish.
  await backgroundWorkOf(h.db).drain();
  return kpi;
}

function enterThisWeek(kpi: Json, value: number, note = ""): Promise<Json> {
  return h.ok("POST", `${base}/kpis/${kpi.id}/measurements`, {
    as: emma.client,
    body: { date: today, value, note },
  });
}

async function notificationsOf(client: SessionClient, query = ""): Promise<Json> {
  return h.ok("GET", `${base}/my/notifications${query}`, { as: client });
}

describe("an unusual value", () => {
  let kpi: Json;

  beforeAll(async () => {
    kpi = await kpiWithHistory("Parcels scanned at intake", ORDINARY);
  });

  it("is not claimed while values stay within their ordinary ups and downs", async () => {
    await enterThisWeek(kpi, 1004);
    const read = await h.ok("GET", `${base}/kpis/${kpi.id}`, { as: sanne.client });
    expect(read.current).toMatchObject({ value: 1004, unusual: null });
    expect((await notificationsOf(emma.client)).items).toEqual([]);
  });

  it("is marked with its reason on the detail and the board card", async () => {
    await enterThisWeek(kpi, 870, "Scanner at dock 3 was down two days");
    const read = await h.ok("GET", `${base}/kpis/${kpi.id}`, { as: sanne.client });
    expect(read.current.value).toBe(870);
    expect(read.current.unusual).toMatchObject({ direction: "below" });
    expect(read.current.unusual.score).toBeGreaterThan(4);
    expect(read.current.unusual.reason).toMatch(/^\d+\.\d σ below its 20-week level$/);
    const board = await h.ok("GET", `${base}/teams/${hub.id}/kpi-board`, { as: sanne.client });
    const card = board.kpis.find((k: Json) => k.id === kpi.id);
    expect(card.current.unusual).toEqual(read.current.unusual);
  });

  it("is marked in the list of values too, each judged on the values before it", async () => {
    const first = await h.ok("GET", `${base}/kpis/${kpi.id}/measurements?limit=1`, { as: sanne.client });
    expect(first.items[0]).toMatchObject({ value: 870, unusual: { direction: "below" } });
    const rest = await h.ok(
      "GET",
      `${base}/kpis/${kpi.id}/measurements?limit=200&cursor=${first.nextCursor}`,
      {
        as: sanne.client,
      },
    );
    expect(rest.items).toHaveLength(20);
    expect(rest.items.filter((m: Json) => m.unusual !== null)).toEqual([]);
  });

  it("tells the owner once, and nobody else", async () => {
    const { items } = await notificationsOf(emma.client);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: "kpi_unusual",
      subjectKind: "kpi",
      subjectId: kpi.id,
      title: "Parcels scanned at intake: unusual value",
      readAt: null,
    });
    expect(items[0].body).toContain("870");
    expect(items[0].body).toMatch(/σ below its 20-week level/);
    // A correction that is still unusual is the same event: nothing new.
    await enterThisWeek(kpi, 860, "Recount after the scanner came back");
    expect((await notificationsOf(emma.client)).items).toHaveLength(1);
    expect((await notificationsOf(owner)).items).toEqual([]);
    expect((await notificationsOf(sanne.client)).items).toEqual([]);
  });

  it("is marked read by its owner only; someone else's is not found", async () => {
    const [note] = (await notificationsOf(emma.client)).items;
    const path = `${base}/my/notifications/${note.id}/read`;
    expectError(await h.request("POST", path, { as: sanne.client }), 404, "not_found");
    expectError(await h.request("POST", path, { as: owner }), 404, "not_found");
    expect((await notificationsOf(emma.client)).items[0].readAt).toBeNull();
    const read = await h.ok("POST", path, { as: emma.client });
    expect(read.readAt).toEqual(expect.any(String));
    h.clock.advance(60_000);
    // Reading it again keeps the first time.
    expect((await h.ok("POST", path, { as: emma.client })).readAt).toBe(read.readAt);
    expectError(
      await h.request("POST", `${base}/my/notifications/7d0b5c0e-58a4-4c2b-9d0e-000000000000/read`, {
        as: emma.client,
      }),
      404,
      "not_found",
    );
  });

  it("stays in its organisation", async () => {
    const other = await h.createOwnerWithOrg({
      person: { name: "Jonas Berg" },
      org: { name: "Fjord Freight" },
    });
    const otherBase = `/api/orgs/${other.org.slug}`;
    const [note] = (await notificationsOf(emma.client)).items;
    expect((await h.ok("GET", `${otherBase}/my/notifications`, { as: other.owner })).items).toEqual([]);
    expectError(
      await h.request("POST", `${otherBase}/my/notifications/${note.id}/read`, { as: other.owner }),
      404,
      "not_found",
    );
    // Emma is not a member there.
    expect((await h.request("GET", `${otherBase}/my/notifications`, { as: emma.client })).status).toBe(404);
  });
});

describe("a steady trend", () => {
  it("is the KPI's normal: its next step is not unusual, a break from it is", async () => {
    const rising = ORDINARY.map((v, i) => v + 40 * i);
    const kpi = await kpiWithHistory("Parcels through the new sorter", rising);
    await enterThisWeek(kpi, 1000 + 40 * 20);
    const read = await h.ok("GET", `${base}/kpis/${kpi.id}`, { as: emma.client });
    expect(read.current.unusual).toBeNull();
    expect((await notificationsOf(emma.client)).items.filter((n: Json) => n.subjectId === kpi.id)).toEqual(
      [],
    );
    // Back to where it was months ago: far below where the trend has got to.
    await enterThisWeek(kpi, 1000, "Sorter stopped for maintenance");
    const after = await h.ok("GET", `${base}/kpis/${kpi.id}`, { as: emma.client });
    expect(after.current.unusual).toMatchObject({ direction: "below" });
    expect(after.current.unusual.reason).toContain("20-week trend");
  });
});

describe("the notification list", () => {
  it("pages newest first", async () => {
    const first = await notificationsOf(emma.client, "?limit=1");
    expect(first.items).toHaveLength(1);
    expect(first.items[0].title).toBe("Parcels through the new sorter: unusual value");
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await notificationsOf(emma.client, `?limit=1&cursor=${first.nextCursor}`);
    expect(second.items.map((n: Json) => n.title)).toEqual(["Parcels scanned at intake: unusual value"]);
    expect(second.nextCursor).toBeNull();
  });

  it("refuses a cursor it did not give out and a limit out of range", async () => {
    expectError(
      await h.request("GET", `${base}/my/notifications?cursor=bogus`, { as: emma.client }),
      400,
      "validation_failed",
    );
    expectError(
      await h.request("GET", `${base}/my/notifications?limit=0`, { as: emma.client }),
      400,
      "validation_failed",
    );
  });
});

/**
 * Whose KPIs a team's floor may hold: the team's own and its sub-teams', never another
 * branch's or a parent's, for leads and admins alike; a refusal names `kpiId` and the
 * team the KPI belongs to, and stores nothing. A KPI that moves team later keeps its
 * floors (they were the team's commitment for the cycle) and the floor says where the KPI
 * lives now. Floors carry the KPI's format (decimals, currency) for clients.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTeam, cycleAround } from "./support/factories.ts";
import { tenantFingerprint } from "./support/fingerprint.ts";
import {
  type Client,
  expectError,
  type Harness,
  type Json,
  type Member,
  type OrgRef,
  type SessionClient,
  startHarness,
} from "./support/harness.ts";
import { okrApi } from "./support/okr-api.ts";
import { pinToNoon } from "./support/world.ts";

let h: Harness;
let owner: SessionClient;
let org: OrgRef;
let base: string;
let today: string;
/** Leads Operations, the division above both hubs. */
let milan: Member;
/** Leads Hub Rotterdam. */
let sanne: Member;
/** Owns the KPIs. */
let emma: Member;
let operations: Json;
let hub: Json;
let nightShift: Json;
let antwerp: Json;
let running: Json;

beforeAll(async () => {
  h = await startHarness();
  today = pinToNoon(h);
  ({ owner, org } = await h.createOwnerWithOrg({
    person: { name: "Lotte Visser" },
    org: { name: "Schelde Freight" },
  }));
  base = `/api/orgs/${org.slug}`;
  milan = await h.addPerson(owner, org, "member", { name: "Milan Jansen" });
  sanne = await h.addPerson(owner, org, "member", { name: "Sanne de Vries" });
  emma = await h.addPerson(owner, org, "member", { name: "Emma Smit" });
  const team = (body: Parameters<typeof buildTeam>[0]) =>
    h.ok("POST", `${base}/teams`, { as: owner, body: buildTeam(body) });
  operations = await team({ name: "Operations", kind: "division", leadUserId: milan.id });
  hub = await team({ name: "Hub Rotterdam", parentId: operations.id, leadUserId: sanne.id });
  nightShift = await team({ name: "Night Shift Rotterdam", parentId: hub.id });
  antwerp = await team({ name: "Hub Antwerp", parentId: operations.id });
  running = await okrApi(h, org).createCycle(
    owner,
    { name: "This quarter", ...cycleAround(today) },
    "active",
  );
});
afterAll(() => h?.close());

let keySeq = 0;

/** A weekly percentage KPI of `teamId`, owned by Emma. */
function createKpi(name: string, teamId: string, extra: Record<string, unknown> = {}): Promise<Json> {
  keySeq++;
  return h.ok(
    "POST",
    `${base}/kpis`,
    {
      as: owner,
      body: {
        key: `kpi_${keySeq}`,
        name,
        ownerUserId: emma.id,
        teamId,
        unit: "percent",
        direction: "higher_is_better",
        frequency: "weekly",
        aggregation: "average",
        ...extra,
      },
    },
    201,
  );
}

const putOnFloor = (teamId: string, kpi: Json, as: Client, threshold = 90) =>
  h.request("POST", `${base}/kpi-floors`, {
    as,
    body: { teamId, cycleId: running.id, kpiId: kpi.id, ownerUserId: emma.id, threshold },
  });

const fingerprint = () => tenantFingerprint(h.db, org.id);

describe("whose KPIs a team's floor holds", () => {
  it("the team's own KPIs and its sub-teams'", async () => {
    const own = await createKpi("On-time departures Rotterdam", hub.id);
    const below = await createKpi("Night trucks loaded on time", nightShift.id);
    const first = await putOnFloor(hub.id, own, sanne.client);
    expect(first.status, first.text).toBe(201);
    const second = await putOnFloor(hub.id, below, sanne.client);
    expect(second.status, second.text).toBe(201);
    // The floor says whose KPI it is, so a sub-team's KPI is recognisable on it.
    expect(second.body.kpi).toMatchObject({ teamId: nightShift.id, teamName: "Night Shift Rotterdam" });
    expect(first.body.kpi).toMatchObject({ teamId: hub.id, teamName: "Hub Rotterdam" });
    // A division's floor reaches two levels down.
    const division = await putOnFloor(operations.id, below, milan.client);
    expect(division.status, division.text).toBe(201);
  });

  it("refuses another branch's KPI, naming kpiId and the team it belongs to, and stores nothing", async () => {
    const antwerpKpi = await createKpi("Antwerp dock turnaround", antwerp.id);
    const before = await fingerprint();
    // Milan leads the division above both hubs, so he may manage both floors; the KPI
    // still is not Rotterdam's.
    for (const as of [milan.client, owner]) {
      const reply = await putOnFloor(hub.id, antwerpKpi, as);
      expectError(reply, 400, "validation_failed", "kpiId");
      expect(reply.body.error.details.issues).toEqual([
        {
          field: "kpiId",
          message:
            '"Antwerp dock turnaround" belongs to Hub Antwerp, which is not Hub Rotterdam or a team under it',
        },
      ]);
    }
    expect(await fingerprint()).toEqual(before);
  });

  it("refuses a parent team's KPI on a sub-team's floor", async () => {
    const divisionKpi = await createKpi("Operations cost per parcel", operations.id, {
      direction: "lower_is_better",
      unit: "currency",
      currency: "EUR",
      decimals: 2,
    });
    const before = await fingerprint();
    const reply = await putOnFloor(nightShift.id, divisionKpi, owner, 1.2);
    expectError(reply, 400, "validation_failed", "kpiId");
    expect(reply.body.error.message).toContain(
      "belongs to Operations, which is not Night Shift Rotterdam or a team under it",
    );
    expect(await fingerprint()).toEqual(before);
    // On its own team's floor it goes, and carries its format.
    const own = await putOnFloor(operations.id, divisionKpi, milan.client, 1.2);
    expect(own.status, own.text).toBe(201);
    expect(own.body.kpi).toMatchObject({
      unit: "currency",
      decimals: 2,
      currency: "EUR",
      direction: "lower_is_better",
    });
  });
});

describe("a KPI that moves team after it was put on a floor", () => {
  it("keeps its floor, which now says where the KPI lives and still escalates", async () => {
    const kpi = await createKpi("Cross-dock dwell within 4 h", hub.id, { decimals: 1 });
    const floor = (await putOnFloor(hub.id, kpi, sanne.client, 90)).body;
    const moved = await h.ok("PATCH", `${base}/kpis/${kpi.id}`, {
      as: owner,
      body: { version: kpi.version, teamId: antwerp.id },
    });
    expect(moved.teamId).toBe(antwerp.id);
    const floors = (
      await h.ok("GET", `${base}/kpi-floors?teamId=${hub.id}&cycleId=${running.id}`, { as: owner })
    ).items;
    expect(floors.find((f: Json) => f.id === floor.id)?.kpi).toMatchObject({
      id: kpi.id,
      teamId: antwerp.id,
      teamName: "Hub Antwerp",
      decimals: 1,
      currency: null,
    });
    // Still a commitment for this cycle: a value through it escalates to the floor's owner.
    await h.ok("POST", `${base}/kpis/${kpi.id}/measurements`, {
      as: emma.client,
      body: { date: today, value: 85.5, note: "" },
    });
    const [escalation] = (await h.ok("GET", `${base}/escalations?kpiId=${kpi.id}`, { as: owner })).items;
    expect(escalation).toMatchObject({ reason: "floor", floorId: floor.id, value: 85.5 });
    // Putting it on Rotterdam's floor again (in another cycle, say) would be refused now.
    const again = await h.request("POST", `${base}/kpi-floors`, {
      as: owner,
      body: {
        teamId: nightShift.id,
        cycleId: running.id,
        kpiId: kpi.id,
        ownerUserId: emma.id,
        threshold: 90,
      },
    });
    expectError(again, 400, "validation_failed", "kpiId");
    expect(again.body.error.message).toContain("belongs to Hub Antwerp");
  });
});

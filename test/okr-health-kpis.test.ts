/**
 * Health KPIs through the API: up to four KPIs an Objective must not break, set in order,
 * replaced and cleared; answers carry their statuses and a red or amber alert; suggestions
 * ranked; bad lists write nothing; only editors set them; no organisation reaches another's;
 * every change audited. The organisation: support/kpi-team.ts (Hub Hamburg, Elbe Freight).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../src/domain/dates.ts";
import { buildMetricKeyResult, buildObjective, buildTeam, cycleAround } from "./support/factories.ts";
import { expectError, type Harness, type Json, type Member, type SessionClient } from "./support/harness.ts";
import { type KpiTeam, startKpiTeam } from "./support/kpi-team.ts";
import { okrApi } from "./support/okr-api.ts";

let world: KpiTeam;
let h: Harness;
let okr: ReturnType<typeof okrApi>;
let owner: SessionClient, otherOwner: SessionClient;
let base: string, otherBase: string;
let lead: Member, outsider: Member, viewer: Member;
let cycle: Json, hub: Json, nightShift: Json, customs: Json, theme: Json;
/**
 * Hub Hamburg's KPIs: on time green, damage claims red, dwell time without bands; sorting
 * accuracy of the Night Shift (below the hub) amber; Customs Desk's clearance (same theme
 * as the Objectives) green; one archived; one of another organisation.
 */
let onTime: Json, damage: Json, dwell: Json, sortErrors: Json, clearance: Json;
let archivedKpi: Json, otherOrgKpi: Json;

beforeAll(async () => {
  world = await startKpiTeam();
  ({ h, owner, base, lead, outsider, viewer, hub } = world);
  okr = okrApi(h, world.org);
  const lastWeek = addDays(world.today, -7);
  theme = await h.ok("POST", `${base}/themes`, {
    as: owner,
    body: { name: "Customer promise", description: "What customers notice first." },
  });
  nightShift = await h.ok("POST", `${base}/teams`, {
    as: owner,
    body: buildTeam({ name: "Hamburg Night Shift", parentId: hub.id }),
  });
  customs = await h.ok("POST", `${base}/teams`, { as: owner, body: buildTeam({ name: "Customs Desk" }) });
  const kpi = async (overrides: Record<string, unknown>, value: number | null) => {
    const created = await world.createKpi(world.kpiBody(overrides), owner);
    if (value !== null) await world.enter(created.id, { date: lastWeek, value }, owner);
    return created;
  };
  onTime = await kpi({ themeId: theme.id }, 96);
  const fewerIsBetter = { unit: "number", direction: "lower_is_better" };
  const claimBands = [{ effectiveFrom: "2026-01-01", target: 4, greenMax: 5, redMax: 8 }];
  const claims = { key: "damage_claims", name: "Damage claims per 10,000 parcels", bands: claimBands };
  damage = await kpi({ ...claims, ...fewerIsBetter }, 11);
  dwell = await kpi({ key: "dock_dwell", name: "Dock dwell time", unit: "duration", bands: [] }, 3);
  sortErrors = await kpi({ key: "sort_errors", name: "Sorting accuracy", teamId: nightShift.id }, 88);
  const cleared = { key: "clearance_rate", name: "Customs cleared same day", teamId: customs.id };
  clearance = await kpi({ ...cleared, themeId: theme.id }, 97);
  archivedKpi = await kpi({ key: "old_scan_rate", name: "Scan rate (old method)" }, 90);
  await h.ok("PATCH", `${base}/kpis/${archivedKpi.id}`, {
    as: owner,
    body: { version: archivedKpi.version, state: "archived" },
  });
  cycle = await okr.createCycle(owner, { name: "Winter peak", ...cycleAround(world.today) });

  const other = await h.createOwnerWithOrg({
    person: { name: "Bram Peeters" },
    org: { name: "Schelde Cargo" },
  });
  otherOwner = other.owner;
  otherBase = `/api/orgs/${other.org.slug}`;
  const antwerp = await h.ok("POST", `${otherBase}/teams`, {
    as: otherOwner,
    body: buildTeam({ name: "Antwerp" }),
  });
  const body = { ...world.kpiBody(), ownerUserId: otherOwner.userId, teamId: antwerp.id };
  otherOrgKpi = await h.ok("POST", `${otherBase}/kpis`, { as: otherOwner, body }, 201);
});
afterAll(() => world?.close());

/** A draft of Hub Hamburg's, owned by its lead. */
function hubObjective(overrides: Record<string, unknown> = {}) {
  return buildObjective({
    cycleId: cycle.id,
    teamId: hub.id,
    ownerUserId: lead.id,
    title: "Cut the cost per parcel in Hamburg by a fifth",
    themeId: theme.id,
    keyResults: [buildMetricKeyResult({ ownerUserId: lead.id })],
    ...overrides,
  });
}

const ids = (o: Json) => o.healthKpis.map((k: Json) => k.id);

describe("setting health KPIs", () => {
  let objective: Json;

  it("keeps the order given on create and shows each KPI's status, value, target and sparkline", async () => {
    objective = await okr.createObjective(
      lead.client,
      hubObjective({ healthKpiIds: [onTime.id, damage.id, dwell.id] }),
    );
    expect(objective.healthKpiIds).toEqual([onTime.id, damage.id, dwell.id]);
    expect(ids(objective)).toEqual([onTime.id, damage.id, dwell.id]);
    const [first, second, third] = objective.healthKpis;
    expect(first).toMatchObject({
      key: "on_time_rate",
      name: "On-time delivery rate",
      teamId: hub.id,
      teamName: "Hub Hamburg",
      themeId: theme.id,
      state: "active",
      status: "green",
      value: 96,
      target: 95,
      unit: "percent",
      decimals: 1,
    });
    expect(first.sparkline).toEqual([{ periodStart: expect.any(String), value: 96 }]);
    expect(first.trend).toMatchObject({ direction: expect.any(String) });
    expect(second).toMatchObject({ key: "damage_claims", status: "red", value: 11, target: 4 });
    expect(third).toMatchObject({ key: "dock_dwell", status: null });
    expect(objective.healthAlert).toBe("red");
  });

  it("shows the same on the one-Objective answer and in lists, where the red flag drives the badge", async () => {
    const one = await okr.getObjective(viewer.client, objective.id);
    expect(ids(one)).toEqual([onTime.id, damage.id, dwell.id]);
    const list = await h.ok("GET", `${base}/objectives?cycleId=${cycle.id}`, { as: viewer.client });
    const listed = list.items.find((o: Json) => o.id === objective.id);
    expect(listed.healthAlert).toBe("red");
    expect(listed.healthKpis.map((k: Json) => k.status)).toEqual(["green", "red", null]);
  });

  it("replaces the list in its new order, and raises amber when nothing is red", async () => {
    const updated = await okr.updateObjective(lead.client, objective.id, {
      healthKpiIds: [sortErrors.id, onTime.id],
    });
    expect(updated.healthKpiIds).toEqual([sortErrors.id, onTime.id]);
    expect(updated.healthKpis.map((k: Json) => k.status)).toEqual(["amber", "green"]);
    expect(updated.healthAlert).toBe("amber");
    expect(updated.version).toBe(objective.version + 1);
    objective = updated;
  });

  it("has no alert when every health KPI is green or unjudged", async () => {
    const updated = await okr.updateObjective(lead.client, objective.id, {
      healthKpiIds: [dwell.id, onTime.id],
    });
    expect(updated.healthAlert).toBeNull();
    objective = updated;
  });

  it("writes nothing for the same list, but a new order is a change", async () => {
    const events = await okr.audit(owner, objective.id);
    const same = await okr.updateObjective(lead.client, objective.id, {
      healthKpiIds: [dwell.id, onTime.id],
    });
    expect(same.version).toBe(objective.version);
    expect(await okr.audit(owner, objective.id)).toHaveLength(events.length);
    const swapped = await okr.updateObjective(lead.client, objective.id, {
      healthKpiIds: [onTime.id, dwell.id],
    });
    expect(swapped.version).toBe(objective.version + 1);
    objective = swapped;
  });

  it("clears the list with []", async () => {
    const cleared = await okr.updateObjective(lead.client, objective.id, { healthKpiIds: [] });
    expect(cleared).toMatchObject({ healthKpiIds: [], healthKpis: [], healthAlert: null });
    objective = cleared;
  });

  it("audits each change with the KPIs before and after", async () => {
    const [created] = await okr.audit(owner, objective.id, "objective.created");
    expect(created.after.healthKpis).toEqual([
      { id: onTime.id, key: "on_time_rate", name: "On-time delivery rate" },
      { id: damage.id, key: "damage_claims", name: "Damage claims per 10,000 parcels" },
      { id: dwell.id, key: "dock_dwell", name: "Dock dwell time" },
    ]);
    const updates = await okr.audit(owner, objective.id, "objective.updated");
    const [cleared, swapped] = updates;
    expect(cleared.before.healthKpiIds).toEqual([onTime.id, dwell.id]);
    expect(cleared.after.healthKpiIds).toEqual([]);
    expect(swapped.before.healthKpiIds).toEqual([dwell.id, onTime.id]);
    expect(swapped.after.healthKpiIds).toEqual([onTime.id, dwell.id]);
    expect(updates).toHaveLength(4);
  });

  it("badges the Objective in the alignment tree too", async () => {
    const red = await okr.createObjective(
      lead.client,
      hubObjective({ healthKpiIds: [damage.id, onTime.id] }),
    );
    const tree = await h.ok("GET", `${base}/alignment?cycleId=${cycle.id}`, { as: viewer.client });
    const nodes = tree.roots as Json[];
    expect(nodes.find((n) => n.id === red.id)?.healthAlert).toBe("red");
    expect(nodes.find((n) => n.id === objective.id)?.healthAlert).toBeNull();
  });

  it("lets a draft carry fewer than two and still be activated", async () => {
    const one = await okr.createObjective(lead.client, hubObjective({ healthKpiIds: [onTime.id] }));
    const active = await okr.activate(lead.client, one.id);
    expect(active).toMatchObject({ state: "active", healthKpiIds: [onTime.id] });
  });
});

describe("bad lists", () => {
  let objective: Json;
  beforeAll(async () => {
    objective = await okr.createObjective(lead.client, hubObjective({ healthKpiIds: [onTime.id] }));
  });

  const refusals: Array<[string, () => string[], string]> = [
    ["more than four", () => [onTime.id, damage.id, dwell.id, sortErrors.id, clearance.id], "healthKpiIds"],
    ["a KPI twice", () => [onTime.id, damage.id, onTime.id], "healthKpiIds.2"],
    ["an unknown KPI", () => [onTime.id, "7d1c1c4e-8a1f-4e53-9c1e-5c4f0a8b2d11"], "healthKpiIds.1"],
    ["another organisation's KPI", () => [otherOrgKpi.id], "healthKpiIds.0"],
    ["an archived KPI", () => [damage.id, archivedKpi.id], "healthKpiIds.1"],
  ];

  for (const [what, list, field] of refusals) {
    it(`refuses ${what} on create and edit, writing nothing`, async () => {
      const before = await world.fingerprint();
      const created = await h.request("POST", `${base}/objectives`, {
        as: lead.client,
        body: hubObjective({ healthKpiIds: list() }),
      });
      expectError(created, 400, "validation_failed", field);
      const edited = await h.request("PATCH", `${base}/objectives/${objective.id}`, {
        as: lead.client,
        body: { version: objective.version, title: "Renamed in the same save", healthKpiIds: list() },
      });
      expectError(edited, 400, "validation_failed", field);
      expect(await world.fingerprint()).toEqual(before);
    });
  }

  it("keeps a KPI archived after it was picked, so other edits still save; it raises no alert", async () => {
    const kpi = await world.createKpi(
      world.kpiBody({
        key: "parcel_loss",
        name: "Parcels lost",
        direction: "lower_is_better",
        unit: "count",
        bands: [{ effectiveFrom: "2026-01-01", target: 0, greenMax: 1, redMax: 3 }],
      }),
      owner,
    );
    await world.enter(kpi.id, { date: addDays(world.today, -7), value: 9 }, owner);
    const carrying = await okr.updateObjective(lead.client, objective.id, {
      healthKpiIds: [onTime.id, kpi.id],
    });
    expect(carrying.healthAlert).toBe("red");
    const current = await h.ok("GET", `${base}/kpis/${kpi.id}`, { as: owner });
    await h.ok("PATCH", `${base}/kpis/${kpi.id}`, {
      as: owner,
      body: { version: current.version, state: "archived" },
    });
    const renamed = await okr.updateObjective(lead.client, objective.id, {
      title: "Cut the cost per parcel in Hamburg by a quarter",
      healthKpiIds: [kpi.id, onTime.id],
    });
    expect(renamed.healthKpis.map((k: Json) => [k.id, k.state])).toEqual([
      [kpi.id, "archived"],
      [onTime.id, "active"],
    ]);
    expect(renamed.healthAlert).toBeNull();
    objective = renamed;
  });
});

describe("who may set them", () => {
  let objective: Json;
  beforeAll(async () => {
    objective = await okr.createObjective(lead.client, hubObjective());
  });

  it("refuses people who may not edit the Objective before looking at the list", async () => {
    const before = await world.fingerprint();
    for (const who of [outsider, viewer]) {
      const edit = await h.request("PATCH", `${base}/objectives/${objective.id}`, {
        as: who.client,
        body: { version: objective.version, healthKpiIds: [onTime.id, onTime.id] },
      });
      expect(edit.status, edit.text).toBe(403);
      const create = await h.request("POST", `${base}/objectives`, {
        as: who.client,
        body: hubObjective({ healthKpiIds: [archivedKpi.id] }),
      });
      expect(create.status, create.text).toBe(403);
    }
    expect(await world.fingerprint()).toEqual(before);
  });

  it("lets the team's lead and an admin set them", async () => {
    const byLead = await okr.updateObjective(lead.client, objective.id, { healthKpiIds: [damage.id] });
    expect(byLead.healthKpiIds).toEqual([damage.id]);
    const byOwner = await okr.updateObjective(owner, objective.id, { healthKpiIds: [damage.id, onTime.id] });
    expect(byOwner.healthKpiIds).toEqual([damage.id, onTime.id]);
  });

  it("hides which KPIs guard a team-visible Objective from readers outside the team, but not its alert", async () => {
    const hidden = await okr.updateObjective(lead.client, objective.id, { visibility: "team" });
    expect(hidden.healthKpiIds).toEqual([damage.id, onTime.id]);
    const seen = await okr.getObjective(outsider.client, objective.id);
    expect(seen).toMatchObject({ restricted: true, healthKpiIds: [], healthKpis: [], healthAlert: "red" });
  });
});

describe("suggestions", () => {
  const suggest = (query: string, as: SessionClient = viewer.client) =>
    h.ok("GET", `${base}/objectives/health-kpi-suggestions?${query}`, { as });

  it("ranks the team's own KPIs (red first), then its subtree's, then the theme's, without archived ones", async () => {
    const { items } = await suggest(`teamId=${hub.id}&themeId=${theme.id}`);
    expect(items.map((k: Json) => [k.key, k.reason, k.status])).toEqual([
      ["damage_claims", "team", "red"],
      ["dock_dwell", "team", null],
      ["on_time_rate", "team", "green"],
      ["sort_errors", "subtree", "amber"],
      ["clearance_rate", "theme", "green"],
    ]);
    expect(items.map((k: Json) => k.id)).not.toContain(archivedKpi.id);
  });

  it("takes the team and theme from an Objective, and offers the theme's KPIs to a personal one", async () => {
    const objective = await okr.createObjective(lead.client, hubObjective());
    const fromObjective = await suggest(`objectiveId=${objective.id}`);
    expect(fromObjective.items[0]).toMatchObject({ key: "damage_claims", reason: "team" });
    const personal = await suggest(`themeId=${theme.id}`);
    expect(personal.items.map((k: Json) => [k.key, k.reason])).toEqual([
      ["clearance_rate", "theme"],
      ["on_time_rate", "theme"],
    ]);
  });

  it("suggests nothing from another organisation and refuses its Objective", async () => {
    const theirs = await h.ok("GET", `${otherBase}/objectives/health-kpi-suggestions?teamId=${hub.id}`, {
      as: otherOwner,
    });
    expect(theirs.items).toEqual([]);
    const objective = await okr.createObjective(lead.client, hubObjective());
    const reply = await h.request(
      "GET",
      `${otherBase}/objectives/health-kpi-suggestions?objectiveId=${objective.id}`,
      {
        as: otherOwner,
      },
    );
    expectError(reply, 404, "not_found");
  });
});

describe("across organisations and on the KPI page", () => {
  it("never shows one organisation's Objectives or KPIs to another", async () => {
    const objective = await okr.createObjective(lead.client, hubObjective({ healthKpiIds: [damage.id] }));
    expectError(
      await h.request("GET", `${otherBase}/objectives/${objective.id}`, { as: otherOwner }),
      404,
      "not_found",
    );
    expectError(
      await h.request("GET", `${otherBase}/kpis/${damage.id}/guarded-objectives`, { as: otherOwner }),
      404,
      "not_found",
    );
  });

  it("lists the live Objectives a KPI guards", async () => {
    const guarded = await okr.createObjective(
      lead.client,
      hubObjective({ title: "Open a second sorting line in Hamburg", healthKpiIds: [clearance.id] }),
    );
    const archived = await okr.createObjective(
      lead.client,
      hubObjective({ title: "Retired idea", healthKpiIds: [clearance.id] }),
    );
    await okr.updateObjective(lead.client, archived.id, { archived: true });
    const { items } = await h.ok("GET", `${base}/kpis/${clearance.id}/guarded-objectives`, {
      as: viewer.client,
    });
    expect(items).toEqual([
      {
        id: guarded.id,
        title: "Open a second sorting line in Hamburg",
        teamName: "Hub Hamburg",
        cycleId: cycle.id,
        cycleName: "Winter peak",
        state: "draft",
      },
    ]);
  });
});

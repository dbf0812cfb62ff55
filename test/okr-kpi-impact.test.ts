/**
 * Did an Objective move its KPIs (GET /objectives/{id}/kpi-impact)? A quarter that began
 * 90 days ago: the health KPI "Parcels sorted per hour" sat flat at about 1,000 for twelve
 * weeks before it and rose to about 1,100 during it (moved); "Damage claims" carried on
 * at its level (no visible effect); nothing is known after the quarter yet. Viewers may
 * read it; another organisation gets 404; a bad lag is 400.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../src/domain/dates.ts";
import { buildObjective, buildTeam, cycleAround } from "./support/factories.ts";
import {
  expectError,
  type Harness,
  type Json,
  type Member,
  type OrgRef,
  type SessionClient,
  startHarness,
} from "./support/harness.ts";
import { recomputeSettled } from "./support/kpi.ts";
import { okrApi } from "./support/okr-api.ts";
import { pinToNoon } from "./support/world.ts";

let h: Harness;
let owner: SessionClient;
let org: OrgRef;
let okr: ReturnType<typeof okrApi>;
let viewer: Member;
let objective: Json;
let sorted: Json;
let claims: Json;

const wobble = [4, -3, 2, -5, 3, -1];

beforeAll(async () => {
  h = await startHarness();
  const today = pinToNoon(h);
  ({ owner, org } = await h.createOwnerWithOrg({
    person: { name: "Sanne Bakker" },
    org: { name: "Delta Parcel" },
  }));
  okr = okrApi(h, org);
  viewer = await h.addPerson(owner, org, "viewer", { name: "Iris Mulder" });
  const hub = await h.ok("POST", `${okr.base}/teams`, { as: owner, body: buildTeam({ name: "Hub Breda" }) });
  const kpi = (key: string, name: string, direction: string) =>
    h.ok(
      "POST",
      `${okr.base}/kpis`,
      {
        as: owner,
        body: {
          key,
          name,
          ownerUserId: owner.userId,
          teamId: hub.id,
          unit: "count",
          direction,
          frequency: "weekly",
          aggregation: "sum",
          bands: [],
        },
      },
      201,
    );
  sorted = await kpi("parcels_sorted", "Parcels sorted per hour", "higher_is_better");
  claims = await kpi("damage_claims", "Damage claims", "lower_is_better");
  const cycle = await okr.createCycle(owner, {
    name: "Spring quarter",
    ...cycleAround(today, { elapsedDays: 90, lengthDays: 90 }),
  });
  // Weekly values from twelve weeks before the quarter to its end.
  const measurements: Array<{ kpi: string; date: string; value: number }> = [];
  for (let week = -12; week < 13; week++) {
    const date = addDays(cycle.startsOn, week * 7);
    const w = wobble[(week + 12) % wobble.length]!;
    // Weekly periods start on Mondays: a week that began before the quarter counts as before it.
    const monday = addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));
    measurements.push({ kpi: "parcels_sorted", date, value: (monday < cycle.startsOn ? 1000 : 1100) + w });
    measurements.push({ kpi: "damage_claims", date, value: 40 + w / 2 });
  }
  await h.ok("POST", `${okr.base}/measurements/bulk`, { as: owner, body: { measurements } });
  await recomputeSettled(h, org.id);
  objective = await okr.createObjective(owner, {
    ...buildObjective({ cycleId: cycle.id, teamId: hub.id, ownerUserId: owner.userId }),
    healthKpiIds: [sorted.id, claims.id],
  });
});
afterAll(() => h?.close());

const impactOf = (as: SessionClient, query = "") =>
  h.ok("GET", `${okr.base}/objectives/${objective.id}/kpi-impact${query}`, { as });

describe("an Objective's KPI impact", () => {
  it("finds the KPI that left its trend during the cycle, and the one that did not", async () => {
    const answer = await impactOf(owner);
    expect(answer.lagCycles).toBe(1);
    const [s, c] = answer.kpis;
    expect(s).toMatchObject({
      kpiId: sorted.id,
      roles: ["health"],
      during: { verdict: "moved" },
    });
    // A weekly period belongs to the day it starts: the week the quarter begins in may start before it.
    expect(s.before + s.during.values).toBe(25);
    expect(s.before).toBeGreaterThanOrEqual(12);
    expect(s.during.change).toBeGreaterThan(80);
    expect(s.during.relativeChange).toBeCloseTo(0.1, 1);
    expect(s.during.sentence).toContain("not proof");
    expect(c).toMatchObject({ kpiId: claims.id, during: { verdict: "no_visible_effect" } });
    expect(s.after).toMatchObject({ verdict: "not_enough_data", values: 0, change: null });
  });

  it("moves the after window with the lag, and is readable by a viewer", async () => {
    const one = await impactOf(viewer.client);
    const two = await impactOf(viewer.client, "?lagCycles=2");
    expect(two.kpis[0].after.from > one.kpis[0].after.from).toBe(true);
  });

  it("refuses a lag out of range, and is 404 in another organisation", async () => {
    expectError(
      await h.request("GET", `${okr.base}/objectives/${objective.id}/kpi-impact?lagCycles=9`, { as: owner }),
      400,
      "validation_failed",
      "lagCycles",
    );
    const other = await h.createOwnerWithOrg({ org: { name: "Elsewhere Logistics" } });
    expectError(
      await h.request("GET", `/api/orgs/${other.org.slug}/objectives/${objective.id}/kpi-impact`, {
        as: other.owner,
      }),
      404,
      "not_found",
    );
  });
});

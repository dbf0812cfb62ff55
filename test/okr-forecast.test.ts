/**
 * A metric KR's forecast through the API (GET /key-results/{id}/forecast): none before
 * three check-ins with a value, then the expected value at the cycle's end, the 80 %
 * interval and the chance of reaching the target from the check-ins' days in the cycle;
 * milestone KRs are not forecast; viewers may read it; other organisations get 404.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildMetricKeyResult,
  buildMilestoneKeyResult,
  buildObjective,
  buildTeam,
  cycleAround,
} from "./support/factories.ts";
import {
  DAY,
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
let okr: ReturnType<typeof okrApi>;
let member: Member;
let viewer: Member;
let hub: Json;
let cycle: Json;
let today: string;

beforeAll(async () => {
  h = await startHarness();
  today = pinToNoon(h);
  ({ owner, org } = await h.createOwnerWithOrg({
    person: { name: "Sanne Bakker" },
    org: { name: "Delta Parcel" },
  }));
  okr = okrApi(h, org);
  member = await h.addPerson(owner, org, "member", { name: "Ruben de Wit" });
  viewer = await h.addPerson(owner, org, "viewer", { name: "Iris Mulder" });
  hub = await h.ok("POST", `${okr.base}/teams`, { as: owner, body: buildTeam({ name: "Hub Breda" }) });
  // A 91-day quarter that began 63 days ago: check-ins are written over its first weeks.
  cycle = await okr.createCycle(owner, {
    name: "Spring quarter",
    ...cycleAround(today, { elapsedDays: 63, lengthDays: 91 }),
  });
});
afterAll(() => h?.close());

async function objectiveWith(keyResult: Json): Promise<Json> {
  const now = h.clock.now();
  h.clock.set(`${cycle.startsOn}T09:00:00Z`);
  try {
    const draft = await okr.createObjective(
      owner,
      buildObjective({
        cycleId: cycle.id,
        teamId: hub.id,
        ownerUserId: member.id,
        keyResults: [{ ownerUserId: member.id, ...keyResult }],
      }),
    );
    await okr.activate(owner, draft.id);
    return okr.getObjective(owner, draft.id);
  } finally {
    h.clock.set(now);
  }
}

/** Check-ins on the given days of the cycle (day 7 is a week after its start). */
async function checkInOnDays(keyResultId: string, values: Array<[number, number]>) {
  const now = h.clock.now();
  try {
    for (const [day, value] of values) {
      h.clock.set(new Date(Date.parse(`${cycle.startsOn}T10:00:00Z`) + day * DAY).toISOString());
      await okr.checkIn(member.client, keyResultId, { value, confidence: 7, note: "" });
    }
  } finally {
    h.clock.set(now);
  }
}

const forecastOf = (keyResultId: string, as: SessionClient = owner) =>
  h.ok("GET", `${okr.base}/key-results/${keyResultId}/forecast`, { as });

describe("a metric KR's forecast", () => {
  it("waits for three check-ins, then calls a KR ahead of its pace likely", async () => {
    const o = await objectiveWith(
      buildMetricKeyResult({
        title: "Parcels sorted per hour from 1,000 to 2,000",
        startValue: 1000,
        targetValue: 2000,
      }),
    );
    const kr = o.keyResults[0];
    expect(await forecastOf(kr.id)).toEqual({
      keyResultId: kr.id,
      forecast: null,
      reason: "too_few_check_ins",
    });

    await checkInOnDays(kr.id, [
      [7, 1110],
      [14, 1210],
      [21, 1300],
      [28, 1410],
      [35, 1500],
      [42, 1610],
    ]);
    const { forecast, reason } = await forecastOf(kr.id);
    expect(reason).toBeNull();
    expect(forecast).toMatchObject({
      likelihood: "likely",
      basedOn: 6,
      horizonDays: expect.any(Number),
      endsOn: cycle.endsOn,
    });
    expect(forecast.expected).toBeGreaterThan(2000);
    expect(forecast.low).toBeLessThanOrEqual(forecast.expected);
    expect(forecast.high).toBeGreaterThanOrEqual(forecast.expected);
    expect(forecast.probability).toBeGreaterThanOrEqual(0.6);
    // The same history always gives the same forecast.
    expect((await forecastOf(kr.id)).forecast).toEqual(forecast);
  });

  it("calls a stalled KR unlikely, and shows it to a viewer as well", async () => {
    const o = await objectiveWith(
      buildMetricKeyResult({
        title: "Damage claims per month from 80 to 40",
        startValue: 80,
        targetValue: 40,
      }),
    );
    const kr = o.keyResults[0];
    await checkInOnDays(kr.id, [
      [7, 79],
      [14, 81],
      [21, 78],
      [28, 80],
      [35, 79],
    ]);
    const { forecast } = await forecastOf(kr.id, viewer.client);
    expect(forecast.likelihood).toBe("unlikely");
    expect(forecast.probability).toBeLessThan(0.4);
  });

  it("is not made for a milestone KR", async () => {
    const o = await objectiveWith(buildMilestoneKeyResult({ title: "Sorting robot live in Breda" }));
    expect(await forecastOf(o.keyResults[0].id)).toMatchObject({ forecast: null, reason: "not_metric" });
  });

  it("is 404 for a KR of another organisation and 400 for a malformed id", async () => {
    const o = await objectiveWith(buildMetricKeyResult({ startValue: 1, targetValue: 2 }));
    const other = await h.createOwnerWithOrg({ org: { name: "Elsewhere Logistics" } });
    const reply = await h.request(
      "GET",
      `/api/orgs/${other.org.slug}/key-results/${o.keyResults[0].id}/forecast`,
      {
        as: other.owner,
      },
    );
    expectError(reply, 404, "not_found");
    expectError(
      await h.request("GET", `${okr.base}/key-results/not-an-id/forecast`, { as: owner }),
      400,
      "validation_failed",
    );
  });
});

describe("after the cycle", () => {
  it("makes no forecast once the cycle is over: the final value is known", async () => {
    const o = await objectiveWith(buildMetricKeyResult({ startValue: 10, targetValue: 20 }));
    const kr = o.keyResults[0];
    await checkInOnDays(kr.id, [
      [7, 11],
      [14, 12],
      [21, 14],
    ]);
    expect((await forecastOf(kr.id)).forecast).not.toBeNull();
    const now = h.clock.now();
    h.clock.set(`${cycle.endsOn}T23:00:00Z`);
    h.clock.advance(2 * DAY);
    try {
      // Weeks later the first session has lapsed: a fresh one.
      const later = await h.signIn(owner.email, owner.password);
      expect(await forecastOf(kr.id, later)).toMatchObject({ forecast: null, reason: "cycle_ended" });
    } finally {
      h.clock.set(now);
    }
  });
});

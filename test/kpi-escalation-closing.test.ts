/**
 * Escalations that must end without anyone resolving them: a floor escalation closes
 * itself once the KPI has held the floor for its number of periods in a row, even on a
 * KPI without bands (which never turns green); archiving a KPI resolves its unresolved
 * escalation in the same transaction, signed and audited by whoever archived it. And
 * escalations carry the KPI's format (decimals, currency) for clients.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../src/domain/dates.ts";
import { buildTeam, cycleAround } from "./support/factories.ts";
import { tenantFingerprint } from "./support/fingerprint.ts";
import {
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
/** Leads Hub Rotterdam. */
let sanne: Member;
/** Owns the KPIs. */
let emma: Member;
let hub: Json;
let running: Json;

beforeAll(async () => {
  h = await startHarness();
  today = pinToNoon(h);
  ({ owner, org } = await h.createOwnerWithOrg({
    person: { name: "Lotte Visser" },
    org: { name: "Waal Logistics" },
  }));
  base = `/api/orgs/${org.slug}`;
  sanne = await h.addPerson(owner, org, "member", { name: "Sanne de Vries" });
  emma = await h.addPerson(owner, org, "member", { name: "Emma Smit" });
  hub = await h.ok("POST", `${base}/teams`, {
    as: owner,
    body: buildTeam({ name: "Hub Rotterdam", leadUserId: sanne.id }),
  });
  running = await okrApi(h, org).createCycle(
    owner,
    { name: "This quarter", ...cycleAround(today) },
    "active",
  );
});
afterAll(() => h?.close());

let keySeq = 0;

/** A weekly KPI of Hub Rotterdam owned by Emma; no bands unless given. */
function createKpi(name: string, extra: Record<string, unknown> = {}): Promise<Json> {
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
        teamId: hub.id,
        unit: "percent",
        direction: "higher_is_better",
        frequency: "weekly",
        aggregation: "average",
        closeAfterGreenPeriods: 2,
        ...extra,
      },
    },
    201,
  );
}

function putOnFloor(kpi: Json, threshold: number): Promise<Json> {
  return h.ok(
    "POST",
    `${base}/kpi-floors`,
    {
      as: sanne.client,
      body: { teamId: hub.id, cycleId: running.id, kpiId: kpi.id, ownerUserId: sanne.id, threshold },
    },
    201,
  );
}

/** Enters the value of the week `n` weeks back, as Emma. */
function enter(kpi: Json, n: number, value: number): Promise<Json> {
  return h.ok("POST", `${base}/kpis/${kpi.id}/measurements`, {
    as: emma.client,
    body: { date: addDays(today, -7 * n), value, note: "" },
  });
}

async function escalationsOf(kpi: Json): Promise<Json[]> {
  return (await h.ok("GET", `${base}/escalations?kpiId=${kpi.id}&state=all`, { as: owner })).items;
}

async function audit(entityId: string): Promise<Json[]> {
  return (await h.ok("GET", `${base}/audit?entityId=${entityId}&limit=200`, { as: owner })).items;
}

describe("a floor escalation on a KPI without bands", () => {
  let kpi: Json;
  let escalation: Json;

  beforeAll(async () => {
    kpi = await createKpi("Parcels scanned at intake");
    await putOnFloor(kpi, 95);
  });

  it("opens when a value falls through the floor", async () => {
    await enter(kpi, 5, 93);
    [escalation] = await escalationsOf(kpi);
    expect(escalation).toMatchObject({ reason: "floor", state: "open", value: 93 });
    // No bands, so no colour: green will never come to close it.
    expect((await h.ok("GET", `${base}/kpis/${kpi.id}`, { as: owner })).bands).toEqual([]);
  });

  it("stays open until the floor has held for the KPI's number of periods in a row", async () => {
    await enter(kpi, 4, 96);
    await enter(kpi, 3, 94.5); // through again: the run starts over
    await enter(kpi, 2, 95); // exactly at the floor holds it
    const waiting = (await escalationsOf(kpi))[0];
    expect(waiting).toMatchObject({ id: escalation.id, state: "open" });
    await enter(kpi, 1, 97);
    const [closed, ...others] = await escalationsOf(kpi);
    expect(others).toEqual([]);
    expect(closed).toMatchObject({
      id: escalation.id,
      state: "resolved",
      resolvedByName: null,
      resolution: "Held its floor of 95 for 2 periods in a row",
    });
    expect(closed.entries.at(-1)).toMatchObject({ kind: "resolved", authorName: null });
    const [event] = await audit(escalation.id);
    expect(event).toMatchObject({
      action: "escalation.resolved",
      actorLabel: "Keel",
      before: { state: "open" },
      after: { state: "resolved" },
    });
  });

  it("opens a new one when the value falls through again", async () => {
    await enter(kpi, 0, 90);
    const [latest, previous] = await escalationsOf(kpi);
    expect(latest).toMatchObject({ reason: "floor", state: "open", value: 90 });
    expect(previous).toMatchObject({ id: escalation.id, state: "resolved" });
  });
});

describe("a floor escalation on a KPI with bands", () => {
  it("closes on amber values that hold the floor, without waiting for green", async () => {
    const kpi = await createKpi("Damage-free deliveries", {
      closeAfterGreenPeriods: 3,
      // Green from 99, red below 96: the floor at 97 sits in the amber band.
      bands: [{ effectiveFrom: "2020-01-06", target: 99.5, greenMin: 99, redMin: 96 }],
    });
    await putOnFloor(kpi, 97);
    await enter(kpi, 10, 96.5); // amber but through the floor
    const [escalation] = await escalationsOf(kpi);
    expect(escalation).toMatchObject({ reason: "floor", state: "open" });
    await h.ok("POST", `${base}/escalations/${escalation.id}/acknowledge`, {
      as: emma.client,
      body: { version: 1, note: "Checking the new packaging." },
    });
    await enter(kpi, 9, 97.5);
    await enter(kpi, 8, 98);
    expect((await escalationsOf(kpi))[0].state).toBe("acknowledged");
    await enter(kpi, 7, 98.2); // the third amber value in a row above the floor
    expect((await escalationsOf(kpi))[0]).toMatchObject({
      id: escalation.id,
      state: "resolved",
      resolution: "Held its floor of 97 for 3 periods in a row",
    });
  });
});

describe("archiving a KPI", () => {
  it("resolves its unresolved escalation in the same change, signed and audited by who archived it", async () => {
    const kpi = await createKpi("Trailer utilisation", { unit: "number", decimals: 2 });
    await putOnFloor(kpi, 80);
    await enter(kpi, 0, 71.25);
    const [escalation] = await escalationsOf(kpi);
    expect(escalation.state).toBe("open");
    const archived = await h.ok("PATCH", `${base}/kpis/${kpi.id}`, {
      as: sanne.client,
      body: { version: kpi.version, state: "archived" },
    });
    expect(archived).toMatchObject({ state: "archived", openEscalation: null });
    const resolved = (await escalationsOf(kpi))[0];
    expect(resolved).toMatchObject({
      id: escalation.id,
      state: "resolved",
      resolvedByName: "Sanne de Vries",
      mayAct: false,
    });
    expect(resolved.resolution).toContain('"Trailer utilisation" was archived by Sanne de Vries');
    expect(resolved.entries.at(-1)).toMatchObject({
      kind: "resolved",
      authorName: null,
      text: resolved.resolution,
    });
    const [event] = await audit(escalation.id);
    expect(event).toMatchObject({
      action: "escalation.resolved",
      actorLabel: "Sanne de Vries",
      before: { state: "open" },
      after: { state: "resolved" },
    });
    expect((await audit(kpi.id))[0]).toMatchObject({ action: "kpi.archived", actorLabel: "Sanne de Vries" });
    // Acting on it now says who resolved it and why.
    const late = await h.request("POST", `${base}/escalations/${escalation.id}/resolve`, {
      as: emma.client,
      body: { version: resolved.version, resolution: "Done" },
    });
    expectError(late, 409, "conflict");
    expect(late.body.error.message).toContain("already resolved by Sanne de Vries");
    // Restoring it does not bring the escalation back.
    await h.ok("PATCH", `${base}/kpis/${kpi.id}`, {
      as: owner,
      body: { version: archived.version, state: "active" },
    });
    expect((await escalationsOf(kpi)).map((e: Json) => e.state)).toEqual(["resolved"]);
  });

  it("leaves the escalation open when the archive is refused", async () => {
    const input = await createKpi("Pallets received");
    await h.ok(
      "POST",
      `${base}/kpis`,
      {
        as: owner,
        body: {
          key: "pallets_received_doubled",
          name: "Pallets received, doubled",
          ownerUserId: emma.id,
          teamId: hub.id,
          unit: "count",
          direction: "higher_is_better",
          frequency: "weekly",
          aggregation: "sum",
          formula: `${input.key} * 2`,
        },
      },
      201,
    );
    await putOnFloor(input, 100);
    await enter(input, 0, 40);
    const [escalation] = await escalationsOf(input);
    expect(escalation.state).toBe("open");
    const before = await tenantFingerprint(h.db, org.id);
    const refused = await h.request("PATCH", `${base}/kpis/${input.id}`, {
      as: owner,
      body: { version: input.version, state: "archived" },
    });
    expectError(refused, 400, "validation_failed", "state");
    expect(await tenantFingerprint(h.db, org.id)).toEqual(before);
    expect((await escalationsOf(input))[0]).toMatchObject({ id: escalation.id, state: "open" });
  });
});

describe("archiving while a value through the floor arrives", () => {
  it("never leaves an unresolved escalation on an archived KPI", async () => {
    // On PostgreSQL these really race (on PGlite they take turns and prove the rule).
    const kpis = await Promise.all(
      ["Gate-in", "Gate-out", "Yard moves", "Seal checks"].map((name) => createKpi(`${name} on time`)),
    );
    for (const kpi of kpis) await putOnFloor(kpi, 90);
    const replies = await Promise.all(
      kpis.flatMap((kpi) => [
        h.request("POST", `${base}/kpis/${kpi.id}/measurements`, {
          as: emma.client,
          body: { date: today, value: 70, note: "" },
        }),
        h.request("PATCH", `${base}/kpis/${kpi.id}`, {
          as: sanne.client,
          body: { version: kpi.version, state: "archived" },
        }),
      ]),
    );
    for (const reply of replies) expect(reply.status, reply.text).toBeLessThan(500);
    for (const kpi of kpis) {
      expect((await h.ok("GET", `${base}/kpis/${kpi.id}`, { as: owner })).state).toBe("archived");
      const unresolved = (await h.ok("GET", `${base}/escalations?kpiId=${kpi.id}`, { as: owner })).items;
      expect(unresolved).toEqual([]);
    }
  });
});

describe("the KPI's format on escalations", () => {
  it("carries unit, decimals and currency", async () => {
    const kpi = await createKpi("Revenue per shipment", {
      unit: "currency",
      currency: "EUR",
      decimals: 2,
    });
    await putOnFloor(kpi, 42);
    await enter(kpi, 0, 39.5);
    const [escalation] = await escalationsOf(kpi);
    expect(escalation.kpi).toMatchObject({ unit: "currency", decimals: 2, currency: "EUR" });
    const one = await h.ok("GET", `${base}/escalations/${escalation.id}`, { as: emma.client });
    expect(one.kpi).toMatchObject({ unit: "currency", decimals: 2, currency: "EUR" });
  });
});

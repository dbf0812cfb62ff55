/**
 * Where escalations go and where people find them, through the API: to the team's lead,
 * or the nearest lead above, or the organisation's admins; the inbox of escalations sent
 * to the caller, filters by state and team, newest first, and paging that sees each one
 * once. And the calls the KPI recompute makes (open once per KPI, close once, report the
 * unresolved one). The organisation: support/escalations.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  autoResolveEscalation,
  openEscalation,
  unresolvedEscalationsOf,
} from "../src/server/services/kpi/escalation-service.ts";
import { type EscalationWorld, startEscalationWorld } from "./support/escalations.ts";
import {
  expectError,
  type Harness,
  type Json,
  type Member,
  type OrgRef,
  type SessionClient,
  type TokenClient,
} from "./support/harness.ts";

let world: EscalationWorld;
let h: Harness;
let owner: SessionClient;
let org: OrgRef;
let base: string;
let admin: Member;
/** Leads Operations, the division above Hub Rotterdam and Night Shift. */
let milan: Member;
/** Leads Hub Rotterdam. */
let sanne: Member;
/** Owns the KPIs. */
let emma: Member;
/** A member with nothing to do with these KPIs. */
let tess: Member;
let viewer: Member;
let serviceToken: TokenClient;
let hub: Json;
let nightShift: Json;
let customs: Json;
let createKpi: EscalationWorld["createKpi"];
let weekOf: EscalationWorld["weekOf"];
let enter: EscalationWorld["enter"];
let list: EscalationWorld["list"];
let get: EscalationWorld["get"];
let act: EscalationWorld["act"];
let audit: EscalationWorld["audit"];

beforeAll(async () => {
  world = await startEscalationWorld();
  ({
    h,
    owner,
    org,
    base,
    admin,
    milan,
    sanne,
    emma,
    tess,
    viewer,
    serviceToken,
    hub,
    nightShift,
    customs,
    createKpi,
    weekOf,
    enter,
    list,
    get,
    act,
    audit,
  } = world);
});
afterAll(() => world?.close());

describe("who an escalation goes to", () => {
  it("a team without a lead: the nearest lead above", async () => {
    const kpi = await createKpi("Night Shift parcels sorted per hour", nightShift.id);
    await enter(kpi, 5, 60);
    const [escalation] = await list(`kpiId=${kpi.id}`);
    expect(escalation.recipients).toEqual(
      expect.arrayContaining([
        { userId: emma.id, name: "Emma Smit", role: "owner" },
        { userId: milan.id, name: "Milan Jansen", role: "lead" },
      ]),
    );
    expect(escalation.recipients).toHaveLength(2);
  });

  it("no lead anywhere above: the organisation's admins and owners", async () => {
    const kpi = await createKpi("Customs declarations cleared same day", customs.id);
    await enter(kpi, 5, 50);
    const [escalation] = await list(`kpiId=${kpi.id}`);
    expect(escalation.recipients).toEqual(
      expect.arrayContaining([
        { userId: emma.id, name: "Emma Smit", role: "owner" },
        { userId: owner.userId, name: "Lotte Visser", role: "admin" },
        { userId: admin.id, name: "Daan Bakker", role: "admin" },
      ]),
    );
    expect(escalation.recipients).toHaveLength(3);
    // Admins act on any escalation; the team's (absent) lead is no one's excuse.
    const reply = await act(escalation.id, "acknowledge", { version: 1, note: "" }, admin.client);
    expect(reply.status, reply.text).toBe(200);
  });
});

describe("the inbox and the filters", () => {
  // Hub Rotterdam's history as people leave it: an escalation resolved by hand and a new
  // one when the KPI turned red again, and one that closed itself after green weeks.
  beforeAll(async () => {
    const sorted = await createKpi("First-pass sorting Hub Rotterdam", hub.id);
    await enter(sorted, 6, 80);
    const [first] = await list(`kpiId=${sorted.id}`);
    const resolved = await act(
      first.id,
      "resolve",
      { version: 1, resolution: "Sorter belts realigned." },
      sanne.client,
    );
    expect(resolved.status, resolved.text).toBe(200);
    await enter(sorted, 5, 82);
    const dock = await createKpi("Dock turnaround within 2 h Hub Rotterdam", hub.id);
    await enter(dock, 6, 70);
    await enter(dock, 5, 93);
    await enter(dock, 4, 95);
    expect((await list(`teamId=${hub.id}&state=all`)).map((e: Json) => e.state).sort()).toEqual([
      "open",
      "resolved",
      "resolved",
    ]);
  });

  it("mine=true lists only escalations sent to the caller", async () => {
    const forMilan = await list("mine=true", milan.client);
    expect(forMilan.length).toBeGreaterThan(0);
    for (const e of forMilan) expect(e.recipients.map((r: Json) => r.userId)).toContain(milan.id);
    expect(forMilan.map((e: Json) => e.kpi.teamName)).toEqual(["Night Shift"]);
    expect(await list("mine=true", tess.client)).toEqual([]);
    expect(await list("mine=true", viewer.client)).toEqual([]);
    expect(await list("mine=true", serviceToken)).toEqual([]);
    const forEmma = await list("mine=true&state=all", emma.client);
    // Emma owns every KPI here, so every escalation reached her.
    expect(forEmma.map((e: Json) => e.id).sort()).toEqual(
      (await list("state=all")).map((e: Json) => e.id).sort(),
    );
  });

  it("filters by state and team, newest first", async () => {
    const all = await list("state=all");
    const openedAt = all.map((e: Json) => Date.parse(e.openedAt));
    expect(openedAt).toEqual([...openedAt].sort((a, b) => b - a));
    expect((await list("state=resolved")).every((e: Json) => e.state === "resolved")).toBe(true);
    expect((await list("state=acknowledged")).every((e: Json) => e.state === "acknowledged")).toBe(true);
    const unresolved = await list("");
    expect(unresolved.length).toBeGreaterThan(0);
    expect(unresolved.every((e: Json) => e.state !== "resolved")).toBe(true);
    expect(unresolved.length).toBe(
      (await list("state=open")).length + (await list("state=acknowledged")).length,
    );
    const hubOnes = await list(`teamId=${hub.id}&state=all`);
    expect(hubOnes.length).toBe(3);
    expect(hubOnes.every((e: Json) => e.kpi.teamId === hub.id)).toBe(true);
  });

  it("pages through all of them exactly once", async () => {
    const all = (await list("state=all")).map((e: Json) => e.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `state=all&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const page = await h.ok("GET", `${base}/escalations?${query}`, { as: owner });
      seen.push(...page.items.map((e: Json) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expectError(
      await h.request("GET", `${base}/escalations?cursor=bogus`, { as: owner }),
      400,
      "validation_failed",
    );
  });
});

describe("what the recompute calls", () => {
  it("opens once per KPI, closes once, and reports the unresolved one", async () => {
    const kpi = await createKpi("Invoices sent within 2 days", customs.id);
    const now = h.clock.now();
    const input = {
      organizationId: org.id,
      kpiId: kpi.id,
      reason: "red" as const,
      floorId: null,
      periodStart: weekOf(2),
      value: 40,
      now,
    };
    const id = await h.db.transaction((tx) => openEscalation(tx, input));
    expect(id).toEqual(expect.any(String));
    expect(await h.db.transaction((tx) => openEscalation(tx, { ...input, value: 30 }))).toBeNull();
    const unresolved = await unresolvedEscalationsOf(h.db, org.id, [kpi.id, hub.id]);
    expect([...unresolved.keys()]).toEqual([kpi.id]);
    expect(unresolved.get(kpi.id)).toEqual({
      id,
      state: "open",
      reason: "red",
      floorId: null,
      openedAt: now,
    });
    await h.db.transaction((tx) =>
      autoResolveEscalation(tx, { organizationId: org.id, escalationId: id!, periods: 1, now }),
    );
    // A second close finds it resolved already and leaves it (and the audit log) alone.
    await h.db.transaction((tx) =>
      autoResolveEscalation(tx, { organizationId: org.id, escalationId: id!, periods: 1, now }),
    );
    expect(await get(id!)).toMatchObject({
      state: "resolved",
      resolution: "Back to green for 1 period in a row",
    });
    expect((await audit(id!)).map((e: Json) => e.action)).toEqual([
      "escalation.resolved",
      "escalation.opened",
    ]);
    expect((await unresolvedEscalationsOf(h.db, org.id, [kpi.id])).size).toBe(0);
  });
});

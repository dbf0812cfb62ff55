/**
 * Escalations through the API, driven the way people cause them: a KPI with bands gets a
 * red value and an escalation opens (once, however red it stays) for its owner and the
 * team lead, or the nearest lead above, or the admins; they acknowledge it, add notes and
 * actions and resolve it; it closes itself after enough green periods. Who may act, the
 * inbox, filters and paging, stale versions and bad input; every step audited.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../src/domain/dates.ts";
import { periodStartOf } from "../src/domain/kpi/periods.ts";
import {
  autoResolveEscalation,
  openEscalation,
  unresolvedEscalationsOf,
} from "../src/server/services/kpi/escalation-service.ts";
import { buildTeam } from "./support/factories.ts";
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
  type TokenClient,
} from "./support/harness.ts";
import { pinToNoon } from "./support/world.ts";

let h: Harness;
let owner: SessionClient;
let org: OrgRef;
let base: string;
let today: string;
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
let operations: Json;
let hub: Json;
let nightShift: Json;
let customs: Json;

beforeAll(async () => {
  h = await startHarness();
  today = pinToNoon(h);
  ({ owner, org } = await h.createOwnerWithOrg({
    person: { name: "Lotte Visser" },
    org: { name: "Rijnmond Distribution" },
  }));
  base = `/api/orgs/${org.slug}`;
  admin = await h.addPerson(owner, org, "admin", { name: "Daan Bakker" });
  milan = await h.addPerson(owner, org, "member", { name: "Milan Jansen" });
  sanne = await h.addPerson(owner, org, "member", { name: "Sanne de Vries" });
  emma = await h.addPerson(owner, org, "member", { name: "Emma Smit" });
  tess = await h.addPerson(owner, org, "member", { name: "Tess Mulder" });
  viewer = await h.addPerson(owner, org, "viewer", { name: "Julia Meijer" });
  serviceToken = (
    await h.createToken(owner, org, { kind: "service", name: "Telematics feed", role: "admin" })
  ).client;
  const team = (body: Parameters<typeof buildTeam>[0]) =>
    h.ok("POST", `${base}/teams`, { as: owner, body: buildTeam(body) });
  operations = await team({ name: "Operations", kind: "division", leadUserId: milan.id });
  hub = await team({ name: "Hub Rotterdam", parentId: operations.id, leadUserId: sanne.id });
  nightShift = await team({ name: "Night Shift", parentId: operations.id });
  customs = await team({ name: "Customs Desk" });
});
afterAll(() => h?.close());

let keySeq = 0;

/** A weekly, higher-is-better percentage KPI: green from 92, red below 85. */
async function createKpi(name: string, teamId: string, extra: Record<string, unknown> = {}): Promise<Json> {
  keySeq++;
  return h.ok(
    "POST",
    `${base}/kpis`,
    {
      as: owner,
      body: {
        key: `on_time_${keySeq}`,
        name,
        ownerUserId: emma.id,
        teamId,
        unit: "percent",
        direction: "higher_is_better",
        frequency: "weekly",
        aggregation: "average",
        closeAfterGreenPeriods: 2,
        bands: [{ effectiveFrom: "2020-01-06", target: 95, greenMin: 92, redMin: 85 }],
        ...extra,
      },
    },
    201,
  );
}

const weeksAgo = (n: number) => addDays(today, -7 * n);
const weekOf = (n: number) => periodStartOf(weeksAgo(n), "weekly", { weekStart: 1, fiscalYearStartMonth: 1 });

/** Enters a value for the week `n` weeks back, as Emma (the owner enters her KPIs' values). */
function enter(kpi: Json, n: number, value: number): Promise<Json> {
  return h.ok("POST", `${base}/kpis/${kpi.id}/measurements`, {
    as: emma.client,
    body: { date: weeksAgo(n), value, note: "" },
  });
}

async function list(query: string, as: Client = owner): Promise<Json[]> {
  return (await h.ok("GET", `${base}/escalations?${query}`, { as })).items;
}

const get = (id: string, as: Client = owner): Promise<Json> =>
  h.ok("GET", `${base}/escalations/${id}`, { as });

const act = (id: string, step: "acknowledge" | "entries" | "resolve", body: unknown, as: Client) =>
  h.request("POST", `${base}/escalations/${id}/${step}`, { as, body });

async function audit(entityId: string): Promise<Json[]> {
  return (await h.ok("GET", `${base}/audit?entityId=${entityId}&limit=200`, { as: owner })).items;
}

const fingerprint = () => tenantFingerprint(h.db, org.id);

describe("a KPI turning red", () => {
  let kpi: Json;
  let escalation: Json;

  beforeAll(async () => {
    kpi = await createKpi("On-time deliveries Hub Rotterdam", hub.id);
  });

  it("opens nothing while it is green or amber", async () => {
    await enter(kpi, 20, 94);
    await enter(kpi, 19, 88);
    expect(await list(`kpiId=${kpi.id}&state=all`)).toEqual([]);
  });

  it("opens an escalation for the owner and the team's lead, written by Keel", async () => {
    await enter(kpi, 18, 81.5);
    const [opened, ...others] = await list(`kpiId=${kpi.id}`);
    expect(others).toEqual([]);
    escalation = opened;
    expect(escalation).toMatchObject({
      kpi: {
        id: kpi.id,
        key: kpi.key,
        name: "On-time deliveries Hub Rotterdam",
        teamId: hub.id,
        teamName: "Hub Rotterdam",
      },
      reason: "red",
      floorId: null,
      state: "open",
      periodStart: weekOf(18),
      value: 81.5,
      acknowledgedAt: null,
      resolvedAt: null,
      resolution: null,
      version: 1,
    });
    expect(escalation.recipients).toEqual(
      expect.arrayContaining([
        { userId: emma.id, name: "Emma Smit", role: "owner" },
        { userId: sanne.id, name: "Sanne de Vries", role: "lead" },
      ]),
    );
    expect(escalation.recipients).toHaveLength(2);
    expect(escalation.entries).toEqual([
      expect.objectContaining({
        kind: "opened",
        authorName: null,
        text: expect.stringContaining("turned red: 81.5"),
      }),
    ]);
    const [event] = await audit(escalation.id);
    expect(event).toMatchObject({
      action: "escalation.opened",
      actorLabel: "Keel",
      actorUserId: null,
      entityType: "escalation",
      after: { state: "open", value: 81.5 },
    });
  });

  it("shows on the KPI", async () => {
    const shown = await h.ok("GET", `${base}/kpis/${kpi.id}`, { as: viewer.client });
    expect(shown.openEscalation).toMatchObject({ id: escalation.id, state: "open", reason: "red" });
  });

  it("does not open a second one while the first is unresolved, however red the KPI stays", async () => {
    await enter(kpi, 17, 79);
    await enter(kpi, 16, 83);
    const all = await list(`kpiId=${kpi.id}&state=all`);
    expect(all.map((e: Json) => e.id)).toEqual([escalation.id]);
    // Opened by the first red value; later ones change nothing.
    expect(all[0]).toMatchObject({ periodStart: weekOf(18), value: 81.5, version: 1 });
    expect((await audit(escalation.id)).map((e: Json) => e.action)).toEqual(["escalation.opened"]);
  });

  it("can be read by anyone in the organisation, and says who may act", async () => {
    expect(await get(escalation.id, viewer.client)).toMatchObject({ id: escalation.id, mayAct: false });
    expect(await get(escalation.id, tess.client)).toMatchObject({ mayAct: false });
    expect(await get(escalation.id, emma.client)).toMatchObject({ mayAct: true });
    expect(await get(escalation.id, sanne.client)).toMatchObject({ mayAct: true });
    // Milan leads the division above Hub Rotterdam.
    expect(await get(escalation.id, milan.client)).toMatchObject({ mayAct: true });
    expect(await get(escalation.id, admin.client)).toMatchObject({ mayAct: true });
  });

  it("refuses people who may not act on it, and stores nothing", async () => {
    const before = await fingerprint();
    const body = { version: 1, note: "On it" };
    expectError(await act(escalation.id, "acknowledge", body, tess.client), 403, "forbidden");
    expectError(await act(escalation.id, "acknowledge", body, viewer.client), 403, "forbidden");
    expectError(
      await act(escalation.id, "entries", { kind: "note", text: "Me too" }, tess.client),
      403,
      "forbidden",
    );
    expectError(
      await act(escalation.id, "resolve", { version: 1, resolution: "Fixed" }, viewer.client),
      403,
      "forbidden",
    );
    expect(await fingerprint()).toEqual(before);
    // A service token has no person behind it to sign for the team. (Outside the
    // fingerprint: using a token records when it was last used.)
    expectError(await act(escalation.id, "acknowledge", body, serviceToken), 403, "forbidden");
    expect((await get(escalation.id)).state).toBe("open");
  });

  it("refuses bad input with the field named, and stale versions", async () => {
    const before = await fingerprint();
    expectError(
      await act(escalation.id, "acknowledge", { note: "On it" }, emma.client),
      400,
      "validation_failed",
      "version",
    );
    expectError(
      await act(escalation.id, "acknowledge", { version: 7, note: "On it" }, emma.client),
      409,
      "version_conflict",
    );
    expectError(
      await act(escalation.id, "entries", { kind: "note", text: "   " }, emma.client),
      400,
      "validation_failed",
      "text",
    );
    expectError(
      await act(escalation.id, "entries", { kind: "opened", text: "Hm" }, emma.client),
      400,
      "validation_failed",
      "kind",
    );
    expectError(
      await act(escalation.id, "resolve", { version: 1, resolution: "" }, emma.client),
      400,
      "validation_failed",
      "resolution",
    );
    expectError(
      await act(escalation.id, "resolve", { version: 9, resolution: "Fixed" }, emma.client),
      409,
      "version_conflict",
    );
    expectError(
      await h.request("GET", `${base}/escalations/not-an-id`, { as: owner }),
      400,
      "validation_failed",
    );
    expectError(
      await h.request("GET", `${base}/escalations/00000000-0000-4000-8000-000000000000`, { as: owner }),
      404,
      "not_found",
    );
    expect(await fingerprint()).toEqual(before);
  });

  it("is acknowledged once, with a note", async () => {
    const reply = await act(
      escalation.id,
      "acknowledge",
      { version: 1, note: "Looking at the evening shifts." },
      emma.client,
    );
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({
      state: "acknowledged",
      acknowledgedByName: "Emma Smit",
      version: 2,
      mayAct: true,
    });
    expect(Date.parse(reply.body.acknowledgedAt)).toBeGreaterThan(0);
    expect(reply.body.entries.at(-1)).toMatchObject({
      kind: "acknowledged",
      authorName: "Emma Smit",
      text: "Looking at the evening shifts.",
    });
    const again = await act(escalation.id, "acknowledge", { version: 2, note: "" }, sanne.client);
    expectError(again, 409, "conflict");
    expect(again.body.error.message).toContain("Emma Smit already acknowledged");
  });

  it("collects notes and actions from the people involved, without changing its version", async () => {
    const note = await act(
      escalation.id,
      "entries",
      { kind: "note", text: "Two drivers out sick this week." },
      sanne.client,
    );
    expect(note.status, note.text).toBe(201);
    const action = await act(
      escalation.id,
      "entries",
      { kind: "action", text: "Borrow two drivers from Night Shift until Friday." },
      emma.client,
    );
    expect(action.status, action.text).toBe(201);
    // A lead above the team may weigh in too.
    const above = await act(
      escalation.id,
      "entries",
      { kind: "note", text: "Approved the loan." },
      milan.client,
    );
    expect(above.status, above.text).toBe(201);
    expect(above.body.version).toBe(2);
    expect(above.body.entries.map((e: Json) => [e.kind, e.authorName])).toEqual([
      ["opened", null],
      ["acknowledged", "Emma Smit"],
      ["note", "Sanne de Vries"],
      ["action", "Emma Smit"],
      ["note", "Milan Jansen"],
    ]);
  });

  it("is resolved with what was done, once", async () => {
    const reply = await act(
      escalation.id,
      "resolve",
      { version: 2, resolution: "Extra drivers brought on-time back to 93 %." },
      sanne.client,
    );
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({
      state: "resolved",
      resolvedByName: "Sanne de Vries",
      resolution: "Extra drivers brought on-time back to 93 %.",
      version: 3,
      mayAct: false,
    });
    expect(reply.body.entries.at(-1)).toMatchObject({ kind: "resolved", authorName: "Sanne de Vries" });
    const before = await fingerprint();
    const again = await act(escalation.id, "resolve", { version: 3, resolution: "Again" }, sanne.client);
    expectError(again, 409, "conflict");
    expect(again.body.error.message).toContain("already resolved by Sanne de Vries");
    expectError(
      await act(escalation.id, "acknowledge", { version: 3, note: "" }, emma.client),
      409,
      "conflict",
    );
    expectError(
      await act(escalation.id, "entries", { kind: "note", text: "Late note" }, emma.client),
      409,
      "conflict",
    );
    expect(await fingerprint()).toEqual(before);
    expect(await list(`kpiId=${kpi.id}`)).toEqual([]);
    expect((await h.ok("GET", `${base}/kpis/${kpi.id}`, { as: owner })).openEscalation).toBeNull();
  });

  it("audits every step with who, before and after", async () => {
    const events = (await audit(escalation.id)).reverse();
    expect(events.map((e: Json) => [e.action, e.actorLabel])).toEqual([
      ["escalation.opened", "Keel"],
      ["escalation.acknowledged", "Emma Smit"],
      ["escalation.note_added", "Sanne de Vries"],
      ["escalation.action_added", "Emma Smit"],
      ["escalation.note_added", "Milan Jansen"],
      ["escalation.resolved", "Sanne de Vries"],
    ]);
    const resolved = events.at(-1);
    expect(resolved.before).toMatchObject({ state: "acknowledged", version: 2, resolution: null });
    expect(resolved.after).toMatchObject({ state: "resolved", version: 3 });
  });

  it("opens a new one when the KPI is red again after a resolution", async () => {
    await enter(kpi, 15, 80);
    const all = await list(`kpiId=${kpi.id}&state=all`);
    expect(all.map((e: Json) => e.state)).toEqual(["open", "resolved"]);
    expect(all[0]).toMatchObject({ periodStart: weekOf(15), value: 80 });
  });
});

describe("closing by itself", () => {
  it("resolves after the KPI's number of green periods in a row, by nobody", async () => {
    const kpi = await createKpi("Dock turnaround within 2 h", hub.id, { closeAfterGreenPeriods: 3 });
    await enter(kpi, 12, 70);
    const [opened] = await list(`kpiId=${kpi.id}`);
    expect(opened.state).toBe("open");
    await act(opened.id, "acknowledge", { version: 1, note: "" }, emma.client);
    await enter(kpi, 11, 93);
    await enter(kpi, 10, 88); // amber breaks the run
    await enter(kpi, 9, 95);
    await enter(kpi, 8, 96);
    expect((await get(opened.id)).state).toBe("acknowledged");
    await enter(kpi, 7, 97);
    const closed = await get(opened.id);
    expect(closed).toMatchObject({
      state: "resolved",
      resolvedByName: null,
      resolution: "Back to green for 3 periods in a row",
      mayAct: false,
    });
    expect(Date.parse(closed.resolvedAt)).toBeGreaterThan(0);
    expect(closed.entries.at(-1)).toMatchObject({ kind: "resolved", authorName: null });
    const [event] = await audit(opened.id);
    expect(event).toMatchObject({
      action: "escalation.resolved",
      actorLabel: "Keel",
      before: { state: "acknowledged" },
      after: { state: "resolved", resolvedByName: null },
    });
  });
});

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

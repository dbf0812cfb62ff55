/**
 * An escalation's life through the API, driven the way people cause it: a KPI with bands
 * gets a red value and an escalation opens (once, however red it stays) for its owner and
 * the team's lead, written by Keel; the people involved acknowledge it, add notes and
 * actions and resolve it, and a red value after that opens a new one; left alone, it
 * closes itself after the KPI's number of green periods in a row. Who may act, stale
 * versions and bad input; every step audited. The organisation: support/escalations.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EscalationWorld, startEscalationWorld } from "./support/escalations.ts";
import {
  expectError,
  type Harness,
  type Json,
  type Member,
  type SessionClient,
  type TokenClient,
} from "./support/harness.ts";

let world: EscalationWorld;
let h: Harness;
let owner: SessionClient;
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
let createKpi: EscalationWorld["createKpi"];
let weekOf: EscalationWorld["weekOf"];
let enter: EscalationWorld["enter"];
let list: EscalationWorld["list"];
let get: EscalationWorld["get"];
let act: EscalationWorld["act"];
let audit: EscalationWorld["audit"];
let fingerprint: EscalationWorld["fingerprint"];

beforeAll(async () => {
  world = await startEscalationWorld();
  ({
    h,
    owner,
    base,
    admin,
    milan,
    sanne,
    emma,
    tess,
    viewer,
    serviceToken,
    hub,
    createKpi,
    weekOf,
    enter,
    list,
    get,
    act,
    audit,
    fingerprint,
  } = world);
});
afterAll(() => world?.close());

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

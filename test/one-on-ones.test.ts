/**
 * 1:1 agendas through the API: a flag goes onto the owner's manager's next 1:1 quoting the
 * sentence (without the quote for a manager outside a team-visible Objective's team), once;
 * either person adds and ticks items; closing carries unticked items to the next 1:1; a
 * person's manager changing archives the old pair's agenda and moves its generated items;
 * agendas are private to the pair (owners and admins read), and bad input changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, type Json } from "./support/harness.ts";
import { type OneOnOneWorld, startOneOnOneWorld, WAITING } from "./support/one-on-one-world.ts";

let w: OneOnOneWorld;
/** Ewa's flagged KR, in an Objective everyone may read. */
let flagged: Json;

beforeAll(async () => {
  w = await startOneOnOneWorld();
  flagged = await w.flaggedKeyResult(w.ewa);
});
afterAll(() => w?.h.close());

describe("generated items", () => {
  it("puts a raised flag on the manager's next 1:1 with the quoted sentence, once", async () => {
    const seen = await w.pair(w.manager.client, w.manager, w.ewa);
    expect(seen).toMatchObject({
      manager: { userId: w.manager.id, name: "Tomasz Wojcik" },
      report: { userId: w.ewa.id, name: "Ewa Lewandowska" },
      current: true,
      can: { write: true },
      agenda: { status: "open" },
    });
    const [item, ...more] = w.itemsAbout(seen.agenda, flagged.id);
    expect(more).toEqual([]);
    expect(item).toMatchObject({
      kind: "risk_flag",
      quote: WAITING,
      quoteWithheld: null,
      done: false,
      subject: { kind: "key_result", id: flagged.id },
    });
    expect(item.title).toContain("Confidence fell from 7 to 3");
    // Reading again (as either person) adds nothing.
    const again = await w.pair(w.ewa.client, w.manager, w.ewa);
    expect(again.agenda.id).toBe(seen.agenda.id);
    expect(w.itemsAbout(again.agenda, flagged.id)).toHaveLength(1);
  });

  it("shows a manager outside the team a team-visible Objective's flag without its text, and says why", async () => {
    const hidden = await w.flaggedKeyResult(w.ewa, "team");
    const [asManager] = w.itemsAbout((await w.pair(w.manager.client, w.manager, w.ewa)).agenda, hidden.id);
    expect(asManager).toMatchObject({ kind: "risk_flag", quote: null });
    expect(asManager.quoteWithheld).toMatch(/visible to its team/);
    expect(asManager.title).not.toContain(hidden.title);
    const [asReport] = w.itemsAbout((await w.pair(w.ewa.client, w.manager, w.ewa)).agenda, hidden.id);
    expect(asReport).toMatchObject({ quote: WAITING, quoteWithheld: null });
  });

  it("sends the flag of someone without a manager to their team's lead", async () => {
    const kr = await w.flaggedKeyResult(w.noor);
    const mine = await w.h.ok("GET", `${w.base}/one-on-ones`, { as: w.lead.client });
    const entry = mine.asManager.find((p: Json) => p.report.userId === w.noor.id);
    expect(entry).toMatchObject({ manager: { userId: w.lead.id }, openItems: 1 });
    const seen = await w.pair(w.lead.client, w.lead, w.noor);
    expect(w.itemsAbout(seen.agenda, kr.id)[0]).toMatchObject({ kind: "risk_flag", quote: WAITING });
    const asReport = await w.h.ok("GET", `${w.base}/one-on-ones`, { as: w.noor.client });
    expect(asReport.asReport.map((p: Json) => p.manager.userId)).toEqual([w.lead.id]);
    // Tomasz manages Ewa, not Noor: there is no 1:1 of his with Noor.
    expectError(
      await w.h.request("GET", w.pairPath(w.manager, w.noor), { as: w.manager.client }),
      404,
      "not_found",
    );
  });
});

describe("privacy", () => {
  it("shows a pair's agenda to nobody else: a member, a viewer, another organisation get 404", async () => {
    const { agenda } = await w.pair(w.manager.client, w.manager, w.ewa);
    const itemId = agenda.items[0].id;
    for (const as of [w.outsider.client, w.viewer.client, w.lead.client]) {
      expectError(await w.h.request("GET", w.pairPath(w.manager, w.ewa), { as }), 404, "not_found");
      expectError(
        await w.h.request("GET", `${w.pairPath(w.manager, w.ewa)}/history`, { as }),
        404,
        "not_found",
      );
      if (as === w.viewer.client) {
        // Viewers change nothing anywhere: refused before any look-up, telling nothing.
        expectError(await w.addItem(as, agenda.id, { title: "Peek" }), 403, "forbidden");
        continue;
      }
      expectError(await w.addItem(as, agenda.id, { title: "Peek" }), 404, "not_found");
      expectError(await w.tick(as, agenda.id, itemId, { done: true }), 404, "not_found");
      expectError(await w.close(as, agenda.id, { notes: "" }), 404, "not_found");
    }
    const other = await w.h.createOwnerWithOrg({
      person: { name: "Karel Novak" },
      org: { name: "Vltava Freight" },
    });
    const path = w.pairPath(w.manager, w.ewa, other.org.slug);
    expectError(await w.h.request("GET", path, { as: other.owner }), 404, "not_found");
    const foreign = `${w.agendaPath(agenda.id, other.org.slug)}/items/${itemId}`;
    expectError(
      await w.h.request("PATCH", foreign, { as: other.owner, body: { done: true } }),
      404,
      "not_found",
    );
  });

  it("lets owners and admins read a pair's agenda but not change it", async () => {
    const seen = await w.pair(w.admin.client, w.manager, w.ewa);
    expect(seen.can.write).toBe(false);
    expect(w.itemsAbout(seen.agenda, flagged.id)[0].quote).toBe(WAITING);
    expectError(await w.addItem(w.admin.client, seen.agenda.id, { title: "Admin note" }), 403, "forbidden");
    expectError(await w.addItem(w.owner, seen.agenda.id, { title: "Owner note" }), 403, "forbidden");
  });

  it("answers 404 for an item of another pair's agenda, even to someone in both pairs", async () => {
    const ewas = (await w.pair(w.manager.client, w.manager, w.ewa)).agenda;
    const noors = (await w.pair(w.lead.client, w.lead, w.noor)).agenda;
    // Tomasz is in Ewa's pair, not Noor's: Noor's item through Ewa's agenda is not there.
    expectError(await w.tick(w.manager.client, ewas.id, noors.items[0].id, { done: true }), 404, "not_found");
    // Anna is in Noor's pair only.
    expectError(await w.tick(w.lead.client, ewas.id, ewas.items[0].id, { done: true }), 404, "not_found");
    const after = (await w.pair(w.lead.client, w.lead, w.noor)).agenda;
    expect(after.items[0].done).toBe(false);
  });
});

describe("a meeting", () => {
  it("adds items either person writes, ticks them, and closing carries the unticked ones over", async () => {
    const { agenda } = await w.pair(w.ewa.client, w.manager, w.ewa);
    const added = await w.addItem(w.ewa.client, agenda.id, { title: "  The on-call rota in December  " });
    expect(added.status, added.text).toBe(201);
    const mine = added.body.items.find((i: Json) => i.kind === "added");
    expect(mine).toMatchObject({
      title: "The on-call rota in December",
      addedByName: "Ewa Lewandowska",
      done: false,
    });

    const flagItem = w.itemsAbout(agenda, flagged.id)[0];
    const ticked = await w.tick(w.manager.client, agenda.id, flagItem.id, { done: true });
    expect(ticked.status, ticked.text).toBe(200);
    expect(w.itemsAbout(ticked.body, flagged.id)[0]).toMatchObject({
      done: true,
      doneByName: "Tomasz Wojcik",
    });
    // Ticking what is ticked changes nothing and writes no audit event.
    const events = async () => (await w.okr.audit(w.owner, flagItem.id)).length;
    const before = await events();
    expect((await w.tick(w.manager.client, agenda.id, flagItem.id, { done: true })).status).toBe(200);
    expect(await events()).toBe(before);

    const closed = await w.close(w.manager.client, agenda.id, {
      notes: "Ewa escalates the scanner API on Monday.",
    });
    expect(closed.status, closed.text).toBe(200);
    const next = closed.body;
    expect(next.id).not.toBe(agenda.id);
    expect(next.status).toBe("open");
    expect(next.items.find((i: Json) => i.title === "The on-call rota in December")).toMatchObject({
      done: false,
    });
    // The ticked flag stays with the meeting that talked about it, and never comes back.
    expect(w.itemsAbout(next, flagged.id)).toEqual([]);
    expect(w.itemsAbout((await w.pair(w.manager.client, w.manager, w.ewa)).agenda, flagged.id)).toEqual([]);

    const history = await w.h.ok("GET", `${w.pairPath(w.manager, w.ewa)}/history`, { as: w.ewa.client });
    expect(history.items[0]).toMatchObject({
      id: agenda.id,
      status: "closed",
      notes: "Ewa escalates the scanner API on Monday.",
      closedByName: "Tomasz Wojcik",
    });
    expect(w.itemsAbout(history.items[0], flagged.id)[0].done).toBe(true);
    const [event] = await w.okr.audit(w.owner, agenda.id, "one_on_one_agenda.closed");
    expect(event.after).toMatchObject({ status: "closed", nextAgendaId: next.id });

    // The meeting is over: it takes no more changes.
    expectError(await w.close(w.ewa.client, agenda.id, { notes: "again" }), 409, "conflict");
    expectError(await w.tick(w.ewa.client, agenda.id, flagItem.id, { done: false }), 409, "conflict");
    expectError(await w.addItem(w.ewa.client, agenda.id, { title: "Late" }), 409, "conflict");
  });

  it("refuses bad input with the field and why, and changes nothing", async () => {
    const { agenda } = await w.pair(w.ewa.client, w.manager, w.ewa);
    const item = agenda.items[0];
    expectError(await w.addItem(w.ewa.client, agenda.id, {}), 400, "validation_failed", "title");
    expectError(
      await w.addItem(w.ewa.client, agenda.id, { title: "   " }),
      400,
      "validation_failed",
      "title",
    );
    expectError(
      await w.addItem(w.ewa.client, agenda.id, { title: "x".repeat(501) }),
      400,
      "validation_failed",
      "title",
    );
    expectError(
      await w.addItem(w.ewa.client, agenda.id, { title: "Rota", urgent: true }),
      400,
      "validation_failed",
    );
    expectError(
      await w.tick(w.ewa.client, agenda.id, item.id, { done: "yes" }),
      400,
      "validation_failed",
      "done",
    );
    expectError(await w.tick(w.ewa.client, agenda.id, "not-an-id", { done: true }), 400, "validation_failed");
    expectError(
      await w.close(w.ewa.client, agenda.id, { notes: "x".repeat(20001) }),
      400,
      "validation_failed",
      "notes",
    );
    expectError(await w.close(w.ewa.client, agenda.id, {}), 400, "validation_failed", "notes");
    const unknownAgenda = "00000000-0000-4000-8000-000000000000";
    expectError(await w.addItem(w.ewa.client, unknownAgenda, { title: "Rota" }), 404, "not_found");
    expect((await w.pair(w.ewa.client, w.manager, w.ewa)).agenda).toEqual(agenda);
  });
});

describe("a new manager", () => {
  it("archives the old pair's agenda and moves its unticked generated items to the new pair", async () => {
    const kr = await w.flaggedKeyResult(w.ewa);
    const old = (await w.pair(w.manager.client, w.manager, w.ewa)).agenda;
    const moving = w.itemsAbout(old, kr.id)[0];
    expect(moving.kind).toBe("risk_flag");
    await w.setManager(w.ewa, w.newManager.id);

    const ended = await w.pair(w.manager.client, w.manager, w.ewa);
    expect(ended).toMatchObject({ current: false, agenda: null, can: { write: false } });
    const history = await w.h.ok("GET", `${w.pairPath(w.manager, w.ewa)}/history`, { as: w.manager.client });
    const archived = history.items.find((a: Json) => a.id === old.id);
    expect(archived.status).toBe("archived");
    expect(archived.items.map((i: Json) => i.id)).not.toContain(moving.id);
    // Items people added stay with the pair that wrote them.
    expect(archived.items.some((i: Json) => i.kind === "added")).toBe(true);

    const fresh = await w.pair(w.newManager.client, w.newManager, w.ewa);
    expect(w.itemsAbout(fresh.agenda, kr.id).map((i: Json) => i.id)).toEqual([moving.id]);
    const [event] = await w.okr.audit(w.owner, old.id, "one_on_one_agenda.archived");
    expect(event.after.movedItemIds).toContain(moving.id);
    expect((await w.h.ok("GET", `${w.base}/one-on-ones`, { as: w.ewa.client })).asReport).toEqual([
      expect.objectContaining({ manager: { userId: w.newManager.id, name: "Katarzyna Mazur" } }),
    ]);
  });

  it("ends a deactivated person's 1:1 with their manager, keeping its history", async () => {
    const open = (await w.pair(w.newManager.client, w.newManager, w.ewa)).agenda;
    const person = await w.h.ok("GET", `${w.base}/people/${w.ewa.id}`, { as: w.owner });
    await w.h.ok("PATCH", `${w.base}/people/${w.ewa.id}`, {
      as: w.owner,
      body: { version: person.version, status: "deactivated" },
    });
    expect(await w.pair(w.newManager.client, w.newManager, w.ewa)).toMatchObject({
      current: false,
      agenda: null,
    });
    const mine = await w.h.ok("GET", `${w.base}/one-on-ones`, { as: w.newManager.client });
    expect(mine.asManager).toEqual([]);
    const history = await w.h.ok("GET", `${w.pairPath(w.newManager, w.ewa)}/history`, {
      as: w.newManager.client,
    });
    expect(history.items.map((a: Json) => [a.id, a.status])).toEqual([[open.id, "archived"]]);
  });
});

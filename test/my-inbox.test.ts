/**
 * The personal inbox (docs/inbox.md): each kind lands when something is owed and leaves
 * when it is done, the counts equal the list, nobody sees another person's items, and
 * nothing crosses organisations. The organisation: support/my-inbox.ts.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oneOnOneItems } from "../src/db/schema.ts";
import { addDays } from "../src/domain/dates.ts";
import type { Json } from "./support/harness.ts";
import { type InboxWorld, startInboxWorld } from "./support/my-inbox.ts";

let w: InboxWorld;
beforeAll(async () => {
  w = await startInboxWorld();
});
afterAll(() => w?.close());

const keys = (items: Json[]) => items.map((i) => i.key).sort();

describe("check-ins due", () => {
  let kr: Json;
  let objective: Json;

  beforeAll(async () => {
    const draft = await w.okr.createObjective(w.owner, {
      cycleId: w.cycle.id,
      teamId: w.hub.id,
      ownerUserId: w.milan.id,
      title: "Make Hub Groningen the hub customers trust",
      keyResults: [
        {
          title: "On-time deliveries from 82 % to 95 %",
          kind: "metric",
          startValue: 82,
          targetValue: 95,
          unit: "%",
          ownerUserId: w.emma.id,
        },
      ],
    });
    objective = await w.okr.activate(w.owner, draft.id);
    kr = objective.keyResults[0];
  });

  it("lands for the KR's owner with the end of the week as its due date, and leaves with a check-in", async () => {
    const [item] = await w.itemsOf(w.emma.client, "check_in_due");
    expect(item).toMatchObject({
      key: `check_in_due:${kr.id}`,
      title: kr.title,
      detail: objective.title,
      link: `/o/${w.org.slug}/check-ins`,
      subjectId: kr.id,
      overdue: false,
    });
    expect(item.dueOn >= w.today && item.dueOn <= addDays(w.today, 6)).toBe(true);
    expect(await w.itemsOf(w.tess.client, "check_in_due")).toEqual([]);
    expect(await w.itemsOf(w.milan.client, "check_in_due")).toEqual([]);

    await w.okr.checkIn(w.emma.client, kr.id, { value: 84, confidence: 7, note: "Evening shift helps." });
    expect(await w.itemsOf(w.emma.client, "check_in_due")).toEqual([]);
  });

  it("comes back the next week", async () => {
    w.h.clock.set(`${addDays(w.today, 7)}T11:00:00Z`);
    try {
      expect(keys(await w.itemsOf(w.emma.client, "check_in_due"))).toEqual([`check_in_due:${kr.id}`]);
    } finally {
      w.h.clock.set(`${w.today}T11:00:00Z`);
    }
  });

  it("leaves nothing for a draft's KRs", async () => {
    await w.okr.createObjective(w.owner, {
      cycleId: w.cycle.id,
      teamId: w.hub.id,
      title: "Open the Delfzijl depot",
      keyResults: [{ title: "Depot open", kind: "milestone", ownerUserId: w.emma.id }],
    });
    expect(await w.itemsOf(w.emma.client, "check_in_due")).toEqual([]);
  });
});

describe("KPI values due and escalations", () => {
  let onTime: Json;
  let damage: Json;

  beforeAll(async () => {
    onTime = await w.createKpi("on_time_rate", "On-time arrivals");
    damage = await w.createKpi("damage_free", "Damage-free parcels");
  });

  it("asks the owner for last week's value and leaves once it is entered", async () => {
    const items = await w.itemsOf(w.emma.client, "value_due");
    expect(keys(items).map((k) => k.split(":")[1])).toEqual([damage.id, onTime.id].sort());
    const item = items.find((i) => i.subjectId === onTime.id)!;
    expect(item).toMatchObject({ title: "On-time arrivals", link: `/o/${w.org.slug}/kpi-entry` });
    expect(item.detail).toMatch(/^Value for Week of \d{4}-\d{2}-\d{2}$/);
    expect(await w.itemsOf(w.tess.client, "value_due")).toEqual([]);

    await w.h.ok("POST", `${w.base}/kpis/${onTime.id}/measurements`, {
      as: w.emma.client,
      body: { date: addDays(w.today, -7), value: 96, note: "" },
    });
    expect((await w.itemsOf(w.emma.client, "value_due")).map((i) => i.subjectId)).toEqual([damage.id]);
  });

  it("sends an escalation to the owner and the team's lead, gone for both once acknowledged", async () => {
    await w.h.ok("POST", `${w.base}/kpis/${damage.id}/measurements`, {
      as: w.emma.client,
      body: { date: addDays(w.today, -7), value: 80, note: "" },
    });
    // The value is in, so it is no longer owed; the red value opened an escalation.
    expect(await w.itemsOf(w.emma.client, "value_due")).toEqual([]);
    const [mine] = await w.itemsOf(w.emma.client, "escalation");
    expect(mine).toMatchObject({ title: "Damage-free parcels turned red" });
    expect(mine.link).toBe(`/o/${w.org.slug}/escalations/${mine.subjectId}`);
    expect(keys(await w.itemsOf(w.milan.client, "escalation"))).toEqual([mine.key]);
    expect(await w.itemsOf(w.tess.client, "escalation")).toEqual([]);
    // Viewers read escalations but do not answer them.
    expect(await w.itemsOf(w.viewer.client, "escalation")).toEqual([]);

    await w.h.ok("POST", `${w.base}/escalations/${mine.subjectId}/acknowledge`, {
      as: w.milan.client,
      body: { version: 1, note: "Checking the conveyor." },
    });
    expect(await w.itemsOf(w.emma.client, "escalation")).toEqual([]);
    expect(await w.itemsOf(w.milan.client, "escalation")).toEqual([]);
  });
});

describe("1:1 agenda items", () => {
  it("lists open items of open agendas to both people, and each leaves once ticked", async () => {
    const open = await w.agenda("open", ["Talk about the Delfzijl depot", "Holiday rota"]);
    await w.agenda("closed", ["Last time's item nobody ticked"]);
    const emmas = await w.itemsOf(w.emma.client, "one_on_one_item");
    expect(emmas.map((i) => i.title).sort()).toEqual(["Holiday rota", "Talk about the Delfzijl depot"]);
    expect(emmas[0]).toMatchObject({ detail: "Next 1:1 with Milan Jansen" });
    // The link opens the pair's page, where the item is ticked.
    expect(emmas[0].link).toBe(
      `/o/${w.org.slug}/one-on-ones/${open.agenda.managerUserId}/${open.agenda.reportUserId}`,
    );
    const milans = await w.itemsOf(w.milan.client, "one_on_one_item");
    expect(milans.map((i) => i.detail)).toEqual(["Next 1:1 with Emma Smit", "Next 1:1 with Emma Smit"]);
    expect(await w.itemsOf(w.tess.client, "one_on_one_item")).toEqual([]);

    const ticked = open.items[0]!;
    await w.h.db.update(oneOnOneItems).set({ doneAt: new Date() }).where(eq(oneOnOneItems.id, ticked.id));
    expect((await w.itemsOf(w.emma.client, "one_on_one_item")).map((i) => i.subjectId)).toEqual([
      open.items[1]!.id,
    ]);
    expect(await w.itemsOf(w.milan.client, "one_on_one_item")).toHaveLength(1);
  });
});

describe("findings on my drafts", () => {
  it("lists open warnings on drafts I own; dismissed or fixed, they leave", async () => {
    const draft = await w.okr.createObjective(w.emma.client, {
      cycleId: w.cycle.id,
      teamId: w.hub.id,
      ownerUserId: w.emma.id,
      title: "Keep the sorting line reliable",
      keyResults: [
        {
          title: "Keep sorting accuracy at 99 %",
          kind: "metric",
          startValue: 99,
          targetValue: 99,
          unit: "%",
          ownerUserId: w.emma.id,
        },
      ],
    });
    const findings = await w.h.ok("GET", `${w.base}/objectives/${draft.id}/findings`, { as: w.emma.client });
    const warnings = findings.findings.filter((f: Json) => f.status === "open" && f.severity === "warning");
    expect(warnings.length).toBeGreaterThan(0);
    const items = await w.itemsOf(w.emma.client, "lint_finding");
    expect(items).toHaveLength(warnings.length);
    expect(
      items.every((i) => i.subjectId === draft.id && i.link === `/o/${w.org.slug}/okrs/${draft.id}`),
    ).toBe(true);
    expect(await w.itemsOf(w.milan.client, "lint_finding")).toEqual([]);

    const [first, ...rest] = warnings as Json[];
    await w.h.ok("POST", `${w.base}/objectives/${draft.id}/findings/dismissals`, {
      as: w.emma.client,
      body: {
        rule: first.rule,
        keyResultId: first.keyResultId,
        reason: "The line is new; holding it is the goal.",
      },
    });
    expect(await w.itemsOf(w.emma.client, "lint_finding")).toHaveLength(rest.length);

    // Archived, the draft owes nothing any more.
    await w.okr.updateObjective(w.emma.client, draft.id, { archived: true });
    expect(await w.itemsOf(w.emma.client, "lint_finding")).toEqual([]);
  });
});

describe("notifications", () => {
  it("lists unread ones to their person only, and each leaves once read", async () => {
    await w.notify(w.emma.id, w.hub.id, "Sorting errors jumped");
    await w.notify(w.tess.id, w.hub.id, "Tess's own notice");
    const [item] = await w.itemsOf(w.emma.client, "notification");
    expect(item).toMatchObject({ title: "Sorting errors jumped", detail: "Far outside its recent range." });
    expect(item.link).toBe(`/o/${w.org.slug}/kpis/${w.hub.id}`);
    expect((await w.itemsOf(w.tess.client, "notification")).map((i) => i.title)).toEqual([
      "Tess's own notice",
    ]);

    // Someone else's notification cannot be read away.
    const foreign = await w.h.request("POST", `${w.base}/my/notifications/${item.subjectId}/read`, {
      as: w.tess.client,
    });
    expect(foreign.status).toBe(404);
    await w.h.ok("POST", `${w.base}/my/notifications/${item.subjectId}/read`, { as: w.emma.client });
    expect(await w.itemsOf(w.emma.client, "notification")).toEqual([]);
  });
});

describe("whose inbox", () => {
  it("is the caller's own in the organisation of the path, and nothing crosses organisations", async () => {
    await w.notify(w.emma.id, w.hub.id, "Noordkust only");
    const here = await w.inboxOf(w.emma.client);
    expect(here.total).toBeGreaterThan(0);
    // Emma is a member of Zuidhaven too: none of Noordkust's items follow her there.
    expect((await w.inboxOf(w.emmaThere.client, w.other.org.slug)).total).toBe(0);
    await w.notify(w.emma.id, w.hub.id, "Zuidhaven notice", w.other.org.id);
    const there = await w.inboxOf(w.emmaThere.client, w.other.org.slug);
    expect(there.items.map((i: Json) => i.title)).toEqual(["Zuidhaven notice"]);
    expect((await w.inboxOf(w.emma.client)).items.map((i: Json) => i.title)).not.toContain(
      "Zuidhaven notice",
    );
    // A person of another organisation learns nothing of this one.
    const outsider = await w.h.request("GET", `${w.base}/my/inbox`, { as: w.other.owner });
    expect(outsider.status).toBe(404);
  });

  it("is empty for a service token, and the caller's own through a personal token", async () => {
    const service = await w.h.createToken(w.owner, w.org, { kind: "service", name: "Feed", role: "admin" });
    expect((await w.inboxOf(service.client)).total).toBe(0);
    const personal = await w.h.createToken(w.emma.client, w.org, { kind: "personal", name: "Emma's script" });
    const viaToken = await w.inboxOf(personal.client);
    expect(keys(viaToken.items)).toEqual(keys((await w.inboxOf(w.emma.client)).items));
  });

  it("refuses the signed-out", async () => {
    const reply = await w.h.request("GET", `${w.base}/my/inbox`);
    expect(reply.status).toBe(401);
  });
});

/**
 * Objectives and their Key Results through the API: drafts, activation, edits, order,
 * archive, team visibility, who may change what, KPI-only teams and closed cycles.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildMetricKeyResult,
  buildMilestoneKeyResult,
  buildObjective,
  buildPercentageKeyResult,
  buildTeam,
  buildTheme,
  cycleAround,
} from "./support/factories.ts";
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
let okr: ReturnType<typeof okrApi>;
/** Admin, no team. */
let admin: Member;
/** Leads the Operations division (above Hub Rotterdam). */
let divisionLead: Member;
/** Leads Hub Rotterdam. */
let hubLead: Member;
/** Member of Hub Rotterdam. */
let hubMember: Member;
/** Member of Customs Desk, another team. */
let customsMember: Member;
let viewer: Member;
let division: Json;
let hub: Json;
let customs: Json;
let finance: Json;
let cycle: Json;
let today: string;

beforeAll(async () => {
  h = await startHarness();
  today = pinToNoon(h);
  ({ owner, org } = await h.createOwnerWithOrg({
    person: { name: "Lotte Visser" },
    org: { name: "Van der Berg Logistics" },
  }));
  okr = okrApi(h, org);
  admin = await h.addPerson(owner, org, "admin", { name: "Daan Bakker" });
  divisionLead = await h.addPerson(owner, org, "member", { name: "Sanne de Vries" });
  hubLead = await h.addPerson(owner, org, "member", { name: "Milan Jansen" });
  hubMember = await h.addPerson(owner, org, "member", { name: "Emma Smit" });
  customsMember = await h.addPerson(owner, org, "member", { name: "Sem de Jong" });
  viewer = await h.addPerson(owner, org, "viewer", { name: "Julia Meijer" });
  const base = okr.base;
  division = await h.ok("POST", `${base}/teams`, {
    as: owner,
    body: buildTeam({ name: "Operations Benelux", kind: "division", leadUserId: divisionLead.id }),
  });
  hub = await h.ok("POST", `${base}/teams`, {
    as: owner,
    body: buildTeam({ name: "Hub Rotterdam", kind: "hub", parentId: division.id, leadUserId: hubLead.id }),
  });
  customs = await h.ok("POST", `${base}/teams`, { as: owner, body: buildTeam({ name: "Customs Desk" }) });
  finance = await h.ok("POST", `${base}/teams`, {
    as: owner,
    body: buildTeam({ name: "Finance & Control", methodology: "kpi" }),
  });
  await h.ok("POST", `${base}/teams/${hub.id}/members`, { as: owner, body: { userId: hubMember.id } });
  await h.ok("POST", `${base}/teams/${customs.id}/members`, {
    as: owner,
    body: { userId: customsMember.id },
  });
  cycle = await okr.createCycle(owner, { name: "Peak season", ...cycleAround(today) });
});
afterAll(() => h?.close());

/** A complete Objective of Hub Rotterdam (owner and measurable KRs), still a draft. */
function completeDraft(overrides: Record<string, unknown> = {}) {
  return buildObjective({
    cycleId: cycle.id,
    teamId: hub.id,
    ownerUserId: hubLead.id,
    keyResults: [
      buildMetricKeyResult({ ownerUserId: hubMember.id }),
      buildMilestoneKeyResult({ ownerUserId: hubLead.id }),
    ],
    ...overrides,
  });
}

const fingerprint = () => tenantFingerprint(h.db, org.id);

describe("drafts", () => {
  it("take KRs of every kind, incomplete ones too (no owner, target equal to start)", async () => {
    const draft = await okr.createObjective(
      hubMember.client,
      buildObjective({
        cycleId: cycle.id,
        teamId: hub.id,
        title: "Make Hub Rotterdam the hub customers trust",
        keyResults: [
          buildMetricKeyResult({ ownerUserId: hubMember.id, contributorUserIds: [hubLead.id] }),
          buildMetricKeyResult({
            title: "Damaged parcels from 1.8 % to 0.9 %",
            startValue: 1.8,
            targetValue: 0.9,
            ownerUserId: hubLead.id,
          }),
          buildMilestoneKeyResult(),
          buildPercentageKeyResult({ ownerUserId: hubMember.id, weight: 0.5 }),
          buildMetricKeyResult({ title: "Keep NPS at 40", startValue: 40, targetValue: 40, unit: "" }),
        ],
      }),
    );
    expect(draft).toMatchObject({
      state: "draft",
      teamId: hub.id,
      teamName: "Hub Rotterdam",
      ownerUserId: null,
      cycleId: cycle.id,
      visibility: "organization",
      archived: false,
      restricted: false,
      version: 1,
    });
    const [up, down, milestone, percentage, flat] = draft.keyResults;
    expect(up).toMatchObject({
      kind: "metric",
      direction: "increase",
      startValue: 82,
      targetValue: 95,
      currentValue: 82,
      unit: "%",
      progress: 0,
      weight: 1,
      position: 0,
      ownerUserId: hubMember.id,
      ownerName: "Emma Smit",
      contributorUserIds: [hubLead.id],
    });
    expect(down).toMatchObject({ kind: "metric", direction: "decrease", currentValue: 1.8, progress: 0 });
    expect(milestone).toMatchObject({ kind: "milestone", ownerUserId: null, done: false, progress: 0 });
    expect(percentage).toMatchObject({ kind: "percentage", unit: "%", currentValue: 0, weight: 0.5 });
    // Not measurable: no progress rather than a misleading 0.
    expect(flat).toMatchObject({ startValue: 40, targetValue: 40, progress: null });
    expect(draft.keyResults.map((k: Json) => k.position)).toEqual([0, 1, 2, 3, 4]);
    // A viewer reads the same Objective, and is told they may change none of it.
    expect(await okr.getObjective(viewer.client, draft.id)).toEqual({
      ...draft,
      can: { edit: false, align: false, grade: false },
      keyResults: draft.keyResults.map((k: Json) => ({ ...k, can: { edit: false, checkIn: false } })),
    });
  });

  it("a personal Objective (no team) belongs to its creator", async () => {
    const mine = await okr.createObjective(
      customsMember.client,
      buildObjective({ cycleId: cycle.id, title: "Pass the customs broker exam" }),
    );
    expect(mine).toMatchObject({ teamId: null, ownerUserId: customsMember.id, ownerName: "Sem de Jong" });
  });

  it("refuses KR fields that do not fit the kind, naming the field, and stores nothing", async () => {
    const before = await fingerprint();
    const reply = await h.request("POST", `${okr.base}/objectives`, {
      as: hubMember.client,
      body: completeDraft({ keyResults: [buildMilestoneKeyResult({ startValue: 0, targetValue: 1 })] }),
    });
    expectError(reply, 400, "validation_failed", "keyResults.0.targetValue");
    const noTitle = await h.request("POST", `${okr.base}/objectives`, {
      as: hubMember.client,
      body: completeDraft({ title: "   " }),
    });
    expectError(noTitle, 400, "validation_failed", "title");
    const stranger = await h.createUser({ name: "Fleur van Leeuwen" });
    const notMember = await h.request("POST", `${okr.base}/objectives`, {
      as: hubMember.client,
      body: completeDraft({ keyResults: [buildMetricKeyResult({ ownerUserId: stranger.id })] }),
    });
    expectError(notMember, 400, "validation_failed", "keyResults.0.ownerUserId");
    expect(await fingerprint()).toEqual(before);
  });
});

describe("activation", () => {
  it("needs an owner, at least one KR, an owner and a measurable target on each KR; refusals change nothing", async () => {
    const draft = await okr.createObjective(
      hubMember.client,
      buildObjective({
        cycleId: cycle.id,
        teamId: hub.id,
        title: "Cut dwell time at the Rotterdam cross-dock",
        keyResults: [
          buildMetricKeyResult({
            title: "Average dwell time from 9 h to 6 h",
            startValue: 9,
            targetValue: 9,
            unit: "h",
          }),
        ],
      }),
    );
    const activate = (version: number, extra: Record<string, unknown> = {}) =>
      h.request("PATCH", `${okr.base}/objectives/${draft.id}`, {
        as: hubMember.client,
        body: { version, state: "active", acknowledgeFindings: true, ...extra },
      });
    const before = await fingerprint();
    expectError(await activate(draft.version), 400, "validation_failed", "ownerUserId");
    // With an owner, the KR still lacks one.
    const noKrOwner = await activate(draft.version, { ownerUserId: hubLead.id });
    expectError(noKrOwner, 400, "validation_failed", "state");
    expect(noKrOwner.body.error.message).toContain("Average dwell time from 9 h to 6 h");
    expect(await fingerprint()).toEqual(before);

    const kr = draft.keyResults[0];
    await h.ok("PATCH", `${okr.base}/key-results/${kr.id}`, {
      as: hubMember.client,
      body: { version: kr.version, ownerUserId: hubMember.id },
    });
    const flatTarget = await activate(draft.version, { ownerUserId: hubLead.id });
    expectError(flatTarget, 400, "validation_failed", "state");
    expect(flatTarget.body.error.message).toContain("start and a target that differ");

    const retargeted = await okr.updateKeyResult(hubMember.client, draft.id, kr.id, { targetValue: 6 });
    expect(retargeted.keyResults[0]).toMatchObject({ direction: "decrease", targetValue: 6, version: 3 });
    const active = await h.ok("PATCH", `${okr.base}/objectives/${draft.id}`, {
      as: hubMember.client,
      body: {
        version: retargeted.version,
        state: "active",
        ownerUserId: hubLead.id,
        acknowledgeFindings: true,
      },
    });
    expect(active).toMatchObject({ state: "active", ownerUserId: hubLead.id, version: draft.version + 1 });
  });

  it("an Objective without KRs cannot be activated", async () => {
    const empty = await okr.createObjective(
      hubLead.client,
      buildObjective({
        cycleId: cycle.id,
        teamId: hub.id,
        ownerUserId: hubLead.id,
        title: "Zero-emission yard",
      }),
    );
    const reply = await h.request("PATCH", `${okr.base}/objectives/${empty.id}`, {
      as: hubLead.client,
      body: { version: empty.version, state: "active", acknowledgeFindings: true },
    });
    expectError(reply, 400, "validation_failed", "state");
    expect((await okr.getObjective(owner, empty.id)).state).toBe("draft");
  });

  it("an active Objective keeps its KRs complete: no unmeasurable target, no KR without owner", async () => {
    const active = await okr.activate(
      hubLead.client,
      (await okr.createObjective(hubLead.client, completeDraft({ title: "Faster returns handling" }))).id,
    );
    const kr = active.keyResults[0];
    const before = await fingerprint();
    const flat = await h.request("PATCH", `${okr.base}/key-results/${kr.id}`, {
      as: hubLead.client,
      body: { version: kr.version, targetValue: kr.startValue },
    });
    expectError(flat, 400, "validation_failed", "targetValue");
    const ownerless = await h.request("PATCH", `${okr.base}/key-results/${kr.id}`, {
      as: hubLead.client,
      body: { version: kr.version, ownerUserId: null },
    });
    expectError(ownerless, 400, "validation_failed", "ownerUserId");
    const addFlat = await h.request("POST", `${okr.base}/objectives/${active.id}/key-results`, {
      as: hubLead.client,
      body: buildMetricKeyResult({ ownerUserId: hubLead.id, startValue: 5, targetValue: 5 }),
    });
    expectError(addFlat, 400, "validation_failed", "targetValue");
    const addOwnerless = await h.request("POST", `${okr.base}/objectives/${active.id}/key-results`, {
      as: hubLead.client,
      body: buildMilestoneKeyResult(),
    });
    expectError(addOwnerless, 400, "validation_failed", "ownerUserId");
    expect(await fingerprint()).toEqual(before);
  });
});

describe("edits", () => {
  it("change the text, theme, owner and KRs; a stale version is refused with 409 and changes nothing", async () => {
    const theme = await h.ok(
      "POST",
      `${okr.base}/themes`,
      { as: owner, body: buildTheme({ name: "Customer promise" }) },
      201,
    );
    const created = await okr.createObjective(
      hubMember.client,
      completeDraft({ title: "Fewer missed pick-ups" }),
    );
    const edited = await h.ok("PATCH", `${okr.base}/objectives/${created.id}`, {
      as: hubMember.client,
      body: {
        version: created.version,
        title: "No missed pick-ups in the Rotterdam region",
        description: "Every booked pick-up collected within its window.",
        themeId: theme.id,
        ownerUserId: hubMember.id,
      },
    });
    expect(edited).toMatchObject({
      title: "No missed pick-ups in the Rotterdam region",
      description: "Every booked pick-up collected within its window.",
      themeId: theme.id,
      ownerUserId: hubMember.id,
      version: created.version + 1,
    });
    const before = await fingerprint();
    const stale = await h.request("PATCH", `${okr.base}/objectives/${created.id}`, {
      as: hubLead.client,
      body: { version: created.version, title: "Pick-ups on time" },
    });
    expectError(stale, 409, "version_conflict");
    const krStale = await h.request("PATCH", `${okr.base}/key-results/${created.keyResults[0].id}`, {
      as: hubLead.client,
      body: { version: 99, title: "Pick-ups on time" },
    });
    expectError(krStale, 409, "version_conflict");
    expect(await fingerprint()).toEqual(before);

    const withKr = await h.ok(
      "POST",
      `${okr.base}/objectives/${created.id}/key-results`,
      {
        as: hubMember.client,
        body: buildMetricKeyResult({
          title: "Pick-up window kept from 90 % to 98 %",
          startValue: 90,
          targetValue: 98,
        }),
      },
      201,
    );
    expect(withKr.keyResults.map((k: Json) => k.title)).toEqual([
      "On-time deliveries from 82 % to 95 %",
      "Live parcel tracking page launched",
      "Pick-up window kept from 90 % to 98 %",
    ]);
    expect(withKr.keyResults[2].position).toBe(2);
  });

  it("reorder Objectives and KRs by position", async () => {
    const first = await okr.createObjective(hubLead.client, completeDraft({ title: "Reorder: first" }));
    const second = await okr.createObjective(hubLead.client, completeDraft({ title: "Reorder: second" }));
    await okr.updateObjective(hubLead.client, first.id, { position: 20 });
    await okr.updateObjective(hubLead.client, second.id, { position: 10 });
    const list = await h.ok("GET", `${okr.base}/objectives?teamId=${hub.id}&cycleId=${cycle.id}`, {
      as: viewer.client,
    });
    const titles = list.items.map((o: Json) => o.title).filter((t: string) => t.startsWith("Reorder"));
    expect(titles).toEqual(["Reorder: second", "Reorder: first"]);

    const [a, b] = first.keyResults;
    await okr.updateKeyResult(hubLead.client, first.id, a.id, { position: 5 });
    const reordered = await okr.updateKeyResult(hubLead.client, first.id, b.id, { position: 1 });
    expect(reordered.keyResults.map((k: Json) => [k.id, k.position])).toEqual([
      [b.id, 1],
      [a.id, 5],
    ]);
  });

  it("archive and restore an Objective and a KR; archived KRs leave the progress", async () => {
    const created = await okr.createObjective(hubLead.client, completeDraft({ title: "Archive me" }));
    const archived = await okr.updateObjective(hubLead.client, created.id, { archived: true });
    expect(archived.archived).toBe(true);
    const listed = async (query: string) =>
      (await h.ok("GET", `${okr.base}/objectives?cycleId=${cycle.id}${query}`, { as: owner })).items.map(
        (o: Json) => o.id,
      );
    expect(await listed("")).not.toContain(created.id);
    expect(await listed("&includeArchived=true")).toContain(created.id);
    expect((await okr.getObjective(owner, created.id)).archived).toBe(true);
    const restored = await okr.updateObjective(hubLead.client, created.id, { archived: false });
    expect(restored.archived).toBe(false);
    expect(await listed("")).toContain(created.id);

    // The milestone (progress 0) archived: the Objective's progress is the metric's alone.
    await okr.activate(hubLead.client, created.id);
    const metric = created.keyResults[0];
    await okr.checkIn(hubMember.client, metric.id, { value: 88.5, confidence: 7 });
    expect((await okr.getObjective(owner, created.id)).progress).toBe(0.25);
    const withoutMilestone = await okr.updateKeyResult(hubLead.client, created.id, created.keyResults[1].id, {
      archived: true,
    });
    expect(withoutMilestone.progress).toBe(0.5);
    expect(withoutMilestone.keyResults[1].archived).toBe(true);
    const inList = (
      await h.ok("GET", `${okr.base}/objectives?cycleId=${cycle.id}`, { as: owner })
    ).items.find((o: Json) => o.id === created.id);
    expect(inList.keyResults.map((k: Json) => k.id)).toEqual([metric.id]);
    const back = await okr.updateKeyResult(hubLead.client, created.id, created.keyResults[1].id, {
      archived: false,
    });
    expect(back.progress).toBe(0.25);
  });
});

describe("team visibility", () => {
  let secret: Json;
  beforeAll(async () => {
    secret = await okr.createObjective(
      hubMember.client,
      completeDraft({
        title: "Win the Rotterdam tender for a supermarket chain",
        description: "Confidential until the tender closes.",
        visibility: "team",
      }),
    );
    // Check-ins need an active Objective.
    await okr.activate(hubMember.client, secret.id);
    await okr.checkIn(hubMember.client, secret.keyResults[0].id, {
      value: 95,
      confidence: 8,
      note: "Bid sent",
    });
  });

  it("hides title and description from people outside the team, but the numbers still show", async () => {
    const insider = await okr.getObjective(hubMember.client, secret.id);
    expect(insider).toMatchObject({
      restricted: false,
      title: "Win the Rotterdam tender for a supermarket chain",
    });
    for (const outsider of [customsMember, viewer]) {
      const seen = await okr.getObjective(outsider.client, secret.id);
      expect(seen.restricted, outsider.name).toBe(true);
      expect(seen.title).not.toContain("tender");
      expect(seen.description).toBe("");
      expect(JSON.stringify(seen)).not.toContain("supermarket");
      expect(JSON.stringify(seen)).not.toContain("On-time deliveries");
      expect(seen.progress).toBe(insider.progress);
      expect(seen.keyResults.map((k: Json) => [k.progress, k.currentValue, k.targetValue, k.weight])).toEqual(
        insider.keyResults.map((k: Json) => [k.progress, k.currentValue, k.targetValue, k.weight]),
      );
      const list = await h.ok("GET", `${okr.base}/objectives?cycleId=${cycle.id}`, { as: outsider.client });
      const inList = list.items.find((o: Json) => o.id === secret.id);
      expect(inList).toMatchObject({ restricted: true, progress: insider.progress });
      expect(JSON.stringify(list)).not.toContain("supermarket");
    }
  });

  it("shows the text to the team's leads above it and to admins", async () => {
    for (const reader of [hubLead, divisionLead, admin]) {
      const seen = await okr.getObjective(reader.client, secret.id);
      expect(seen, reader.name).toMatchObject({
        restricted: false,
        description: "Confidential until the tender closes.",
      });
    }
  });

  it("keeps check-in notes of a team-visible Objective from people outside the team", async () => {
    const history = await okr.history(customsMember.client, secret.keyResults[0].id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ value: 95, confidence: 8 });
    expect(JSON.stringify(history)).not.toContain("Bid sent");
    expect((await okr.history(hubLead.client, secret.keyResults[0].id))[0].note).toBe("Bid sent");
  });
});

describe("who may change an Objective", () => {
  let target: Json;
  beforeAll(async () => {
    target = await okr.createObjective(hubMember.client, completeDraft({ title: "Who may edit this" }));
  });

  it("members of other teams and viewers get 403 and change nothing", async () => {
    const before = await fingerprint();
    const kr = target.keyResults[0];
    for (const who of [customsMember, viewer]) {
      const patch = await h.request("PATCH", `${okr.base}/objectives/${target.id}`, {
        as: who.client,
        body: { version: target.version, title: "Taken over" },
      });
      expectError(patch, 403, "forbidden");
      const addKr = await h.request("POST", `${okr.base}/objectives/${target.id}/key-results`, {
        as: who.client,
        body: buildMilestoneKeyResult(),
      });
      expectError(addKr, 403, "forbidden");
      const krPatch = await h.request("PATCH", `${okr.base}/key-results/${kr.id}`, {
        as: who.client,
        body: { version: kr.version, weight: 3 },
      });
      expectError(krPatch, 403, "forbidden");
    }
    const viewerCreates = await h.request("POST", `${okr.base}/objectives`, {
      as: viewer.client,
      body: buildObjective({ cycleId: cycle.id, title: "A viewer's wish" }),
    });
    expectError(viewerCreates, 403, "forbidden");
    const otherTeam = await h.request("POST", `${okr.base}/objectives`, {
      as: customsMember.client,
      body: completeDraft({ title: "Customs sets Rotterdam's goals" }),
    });
    expectError(otherTeam, 403, "forbidden");
    const someoneElsesPersonal = await h.request("POST", `${okr.base}/objectives`, {
      as: customsMember.client,
      body: buildObjective({ cycleId: cycle.id, ownerUserId: hubMember.id, title: "Emma's personal goal" }),
    });
    expectError(someoneElsesPersonal, 403, "forbidden");
    expect(await fingerprint()).toEqual(before);
  });

  it("the team's members, its lead, leads above and admins may", async () => {
    let version = target.version;
    for (const who of [hubMember, hubLead, divisionLead, admin]) {
      const edited = await h.ok("PATCH", `${okr.base}/objectives/${target.id}`, {
        as: who.client,
        body: { version, description: `Reviewed by ${who.name}` },
      });
      expect(edited.description).toBe(`Reviewed by ${who.name}`);
      version = edited.version;
    }
    const divisionCreates = await okr.createObjective(
      divisionLead.client,
      completeDraft({ title: "Set by the division for the hub" }),
    );
    expect(divisionCreates.teamId).toBe(hub.id);
  });

  it("moving an Objective to another team needs rights there too", async () => {
    const current = await okr.getObjective(owner, target.id);
    const reply = await h.request("PATCH", `${okr.base}/objectives/${target.id}`, {
      as: hubMember.client,
      body: { version: current.version, teamId: customs.id },
    });
    expectError(reply, 403, "forbidden");
    expect((await okr.getObjective(owner, target.id)).teamId).toBe(hub.id);
  });
});

describe("teams and cycles that take no OKRs", () => {
  it("a KPI-only team refuses Objectives, naming teamId", async () => {
    const before = await fingerprint();
    const create = await h.request("POST", `${okr.base}/objectives`, {
      as: owner,
      body: completeDraft({ teamId: finance.id, title: "Close the books in three days" }),
    });
    expectError(create, 400, "validation_failed", "teamId");
    expect(create.body.error.message).toContain("KPIs only");
    const existing = await okr.createObjective(owner, completeDraft({ title: "Stays with the hub" }));
    const before2 = await fingerprint();
    const move = await h.request("PATCH", `${okr.base}/objectives/${existing.id}`, {
      as: owner,
      body: { version: existing.version, teamId: finance.id },
    });
    expectError(move, 400, "validation_failed", "teamId");
    expect(await fingerprint()).toEqual(before2);
    expect(before).not.toEqual(before2);
  });

  it("a closed cycle refuses every change with 409, and new Objectives in it with 400 cycleId", async () => {
    const spring = await okr.createCycle(owner, { name: "Spring clean-up", ...cycleAround(today) }, "active");
    const draft = await okr.createObjective(
      hubLead.client,
      completeDraft({ cycleId: spring.id, title: "Clear the yard of old trailers" }),
    );
    await okr.moveCycle(owner, spring.id, "grading");
    await okr.moveCycle(owner, spring.id, "closed");
    const kr = draft.keyResults[0];
    const before = await fingerprint();
    for (const who of [hubLead.client, owner]) {
      expectError(
        await h.request("PATCH", `${okr.base}/objectives/${draft.id}`, {
          as: who,
          body: { version: draft.version, title: "Clear the yard" },
        }),
        409,
        "conflict",
      );
      expectError(
        await h.request("POST", `${okr.base}/objectives/${draft.id}/key-results`, {
          as: who,
          body: buildMilestoneKeyResult({ ownerUserId: hubLead.id }),
        }),
        409,
        "conflict",
      );
      expectError(
        await h.request("PATCH", `${okr.base}/key-results/${kr.id}`, {
          as: who,
          body: { version: kr.version, targetValue: 99 },
        }),
        409,
        "conflict",
      );
      expectError(
        await h.request("POST", `${okr.base}/key-results/${kr.id}/check-ins`, {
          as: who,
          body: { value: 90, confidence: 6 },
        }),
        409,
        "conflict",
      );
    }
    const create = await h.request("POST", `${okr.base}/objectives`, {
      as: owner,
      body: completeDraft({ cycleId: spring.id, title: "Late to the party" }),
    });
    expectError(create, 400, "validation_failed", "cycleId");
    expect(await fingerprint()).toEqual(before);
  });
});

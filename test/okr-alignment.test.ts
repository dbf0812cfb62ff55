/**
 * Alignment through the API: parents with contribution weights (at most 1 in all), no
 * loops, aligned progress through several levels in GET /alignment, KRs on every node,
 * and the subtree of one team.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMetricKeyResult, buildObjective, buildTeam, cycleAround } from "./support/factories.ts";
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
let ceo: Member;
let opsLead: Member;
/** Member of Hub Rotterdam. */
let rotterdamer: Member;
/** Member of Hub Tilburg. */
let tilburger: Member;
let cycle: Json;
const teams: Record<string, Json> = {};
/** Objectives by short name. */
const o: Record<string, Json> = {};

/** An active Objective of a team whose one KR (0 → 100) stands at `progress` × 100. */
async function objectiveAt(key: string, team: Json, who: Member, title: string, progress: number) {
  const draft = await okr.createObjective(
    who.client,
    buildObjective({
      cycleId: cycle.id,
      teamId: team.id,
      ownerUserId: who.id,
      title,
      keyResults: [
        buildMetricKeyResult({
          title: `${title}: score from 0 to 100`,
          startValue: 0,
          targetValue: 100,
          unit: "points",
          ownerUserId: who.id,
        }),
      ],
    }),
  );
  const active = await okr.activate(who.client, draft.id);
  await okr.checkIn(who.client, active.keyResults[0].id, { value: progress * 100, confidence: 7 });
  o[key] = await okr.getObjective(owner, active.id);
  return o[key];
}

async function setParents(
  as: Member | SessionClient,
  id: string,
  parents: Array<{ objectiveId: string; weight: number }>,
) {
  const client = "client" in as ? as.client : as;
  const current = await okr.getObjective(owner, id);
  return h.request("PUT", `${okr.base}/objectives/${id}/parents`, {
    as: client,
    body: { version: current.version, parents },
  });
}

const tree = async (query = "", as: Json = owner) =>
  (await h.ok("GET", `${okr.base}/alignment?cycleId=${cycle.id}${query}`, { as })).roots as Json[];

/** Every node of a tree, depth first, as [id, depth]. */
function flatten(nodes: Json[], depth = 0): Array<[string, number]> {
  return nodes.flatMap((n) => [[n.id, depth] as [string, number], ...flatten(n.children, depth + 1)]);
}

const find = (nodes: Json[], id: string): Json | undefined => {
  for (const n of nodes) {
    if (n.id === id) return n;
    const below = find(n.children, id);
    if (below) return below;
  }
  return undefined;
};

beforeAll(async () => {
  h = await startHarness();
  const today = pinToNoon(h);
  ({ owner, org } = await h.createOwnerWithOrg({
    person: { name: "Lotte Visser" },
    org: { name: "Maas Cargo" },
  }));
  okr = okrApi(h, org);
  ceo = await h.addPerson(owner, org, "member", { name: "Bram Smits" });
  opsLead = await h.addPerson(owner, org, "member", { name: "Sanne de Vries" });
  rotterdamer = await h.addPerson(owner, org, "member", { name: "Emma Smit" });
  tilburger = await h.addPerson(owner, org, "member", { name: "Noor Bos" });
  const team = async (key: string, body: Parameters<typeof buildTeam>[0]) => {
    teams[key] = await h.ok("POST", `${okr.base}/teams`, { as: owner, body: buildTeam(body) });
    return teams[key];
  };
  const company = await team("company", { name: "Maas Cargo", kind: "company", leadUserId: ceo.id });
  const ops = await team("ops", {
    name: "Operations",
    kind: "division",
    parentId: company.id,
    leadUserId: opsLead.id,
  });
  await team("rotterdam", { name: "Hub Rotterdam", kind: "hub", parentId: ops.id });
  await team("tilburg", { name: "Hub Tilburg", kind: "hub", parentId: ops.id });
  await team("customs", { name: "Customs Desk", kind: "division", parentId: company.id, leadUserId: ceo.id });
  await h.ok("POST", `${okr.base}/teams/${teams.rotterdam.id}/members`, {
    as: owner,
    body: { userId: rotterdamer.id },
  });
  await h.ok("POST", `${okr.base}/teams/${teams.tilburg.id}/members`, {
    as: owner,
    body: { userId: tilburger.id },
  });
  cycle = await okr.createCycle(owner, { name: "Peak season", ...cycleAround(today) });

  await objectiveAt("reliable", teams.company, ceo, "Be the most reliable carrier of the Benelux", 0.1);
  await objectiveAt("crossBorder", teams.company, ceo, "Grow cross-border volume", 0.3);
  await objectiveAt("ops", teams.ops, opsLead, "Run the hubs like clockwork", 0.2);
  await objectiveAt("rotterdam", teams.rotterdam, rotterdamer, "Rotterdam ships on time", 0.8);
  await objectiveAt("tilburg", teams.tilburg, tilburger, "Tilburg ships on time", 0.5);
  await objectiveAt("customs", teams.customs, ceo, "Clear customs within the hour", 0.4);
});
afterAll(() => h?.close());

describe("setting parents", () => {
  it("takes weights that add up to at most 1, across teams, and shows them on the Objective", async () => {
    const reply = await setParents(rotterdamer, o.rotterdam.id, [
      { objectiveId: o.ops.id, weight: 0.6 },
      { objectiveId: o.crossBorder.id, weight: 0.4 },
    ]);
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.parents).toEqual(
      expect.arrayContaining([
        { objectiveId: o.ops.id, title: "Run the hubs like clockwork", weight: 0.6 },
        { objectiveId: o.crossBorder.id, title: "Grow cross-border volume", weight: 0.4 },
      ]),
    );
    expect(reply.body.parents).toHaveLength(2);
    expect(reply.body.version).toBe(o.rotterdam.version + 1);
    for (const [child, parent, weight] of [
      ["tilburg", "ops", 0.3],
      ["ops", "reliable", 1],
      ["customs", "reliable", 0.5],
    ] as const) {
      const r = await setParents(owner, o[child].id, [{ objectiveId: o[parent].id, weight }]);
      expect(r.status, r.text).toBe(200);
    }
    const [event] = await okr.audit(owner, o.rotterdam.id, "objective.aligned");
    expect(event).toMatchObject({ actorUserId: rotterdamer.id, before: { parents: [] } });
    expect(event.after.parents).toHaveLength(2);
  });

  it("refuses weights above 1 in all, naming parents, and changes nothing", async () => {
    const before = await tenantFingerprint(h.db, org.id);
    const tooMuch = await setParents(owner, o.tilburg.id, [
      { objectiveId: o.ops.id, weight: 0.7 },
      { objectiveId: o.crossBorder.id, weight: 0.5 },
    ]);
    expectError(tooMuch, 400, "validation_failed", "parents");
    expect(tooMuch.body.error.message).toContain("1.2");
    const twice = await setParents(owner, o.tilburg.id, [
      { objectiveId: o.ops.id, weight: 0.2 },
      { objectiveId: o.ops.id, weight: 0.2 },
    ]);
    expectError(twice, 400, "validation_failed", "parents");
    expectError(
      await setParents(owner, o.tilburg.id, [{ objectiveId: o.ops.id, weight: 0 }]),
      400,
      "validation_failed",
      "parents.0.weight",
    );
    expectError(
      await setParents(owner, o.tilburg.id, [{ objectiveId: o.ops.id, weight: 1.5 }]),
      400,
      "validation_failed",
      "parents.0.weight",
    );
    expectError(
      await setParents(owner, o.tilburg.id, [
        { objectiveId: "6f1c1d5e-6b55-4c49-9d63-0d5f0d8e0b9a", weight: 0.5 },
      ]),
      400,
      "validation_failed",
      "parents.0.objectiveId",
    );
    expect(await tenantFingerprint(h.db, org.id)).toEqual(before);
  });

  it("refuses loops: an Objective contributing to itself or to one that contributes to it", async () => {
    const before = await tenantFingerprint(h.db, org.id);
    const self = await setParents(owner, o.ops.id, [{ objectiveId: o.ops.id, weight: 1 }]);
    expectError(self, 400, "validation_failed", "parents.0.objectiveId");
    // Rotterdam → Operations → Reliable: Reliable cannot contribute to Rotterdam.
    const loop = await setParents(owner, o.reliable.id, [
      { objectiveId: o.crossBorder.id, weight: 0.2 },
      { objectiveId: o.rotterdam.id, weight: 0.5 },
    ]);
    expectError(loop, 400, "validation_failed", "parents.1.objectiveId");
    expect(loop.body.error.message).toContain("loop");
    expect(await tenantFingerprint(h.db, org.id)).toEqual(before);
    expect((await okr.getObjective(owner, o.reliable.id)).parents).toEqual([]);
  });

  it("needs rights on the child (not on the parent) and the version it was loaded at", async () => {
    const before = await tenantFingerprint(h.db, org.id);
    expectError(
      await setParents(tilburger, o.rotterdam.id, [{ objectiveId: o.ops.id, weight: 1 }]),
      403,
      "forbidden",
    );
    const stale = await h.request("PUT", `${okr.base}/objectives/${o.tilburg.id}/parents`, {
      as: tilburger.client,
      body: { version: o.tilburg.version, parents: [{ objectiveId: o.ops.id, weight: 1 }] },
    });
    expectError(stale, 409, "version_conflict");
    expect(await tenantFingerprint(h.db, org.id)).toEqual(before);
  });
});

describe("the alignment tree", () => {
  it("rolls aligned progress up through several levels, with KRs on every node", async () => {
    const roots = await tree();
    expect(roots.map((r) => r.id).sort()).toEqual([o.reliable.id, o.crossBorder.id].sort());
    const reliable = find(roots, o.reliable.id)!;
    expect(reliable.children.map((c: Json) => [c.id, c.contributionWeight]).sort()).toEqual(
      [
        [o.ops.id, 1],
        [o.customs.id, 0.5],
      ].sort(),
    );
    const ops = find(reliable.children, o.ops.id)!;
    expect(ops.children.map((c: Json) => [c.id, c.contributionWeight]).sort()).toEqual(
      [
        [o.rotterdam.id, 0.6],
        [o.tilburg.id, 0.3],
      ].sort(),
    );
    // Operations: (0.6 × 0.8 + 0.3 × 0.5) ÷ 0.9 = 0.7; its own progress stays 0.2.
    expect(ops).toMatchObject({ progress: 0.2, alignedProgress: 0.7 });
    // Reliable: (1 × 0.7 + 0.5 × 0.4) ÷ 1.5 = 0.6, from Operations' aligned progress.
    expect(reliable).toMatchObject({ progress: 0.1, alignedProgress: 0.6, contributionWeight: null });
    // Cross-border: Rotterdam alone.
    expect(find(roots, o.crossBorder.id)).toMatchObject({ progress: 0.3, alignedProgress: 0.8 });
    // Leaves have no aligned progress: the view shows their own.
    expect(find(roots, o.tilburg.id)).toMatchObject({ progress: 0.5, alignedProgress: null, children: [] });
    for (const [id] of flatten(roots)) {
      const node = find(roots, id)!;
      expect(node.keyResults.length, node.title).toBe(1);
      expect(node.keyResults[0].title).toBe(`${node.title}: score from 0 to 100`);
    }
    // A division's tree holds thousands of KRs: each comes in brief, with what the view
    // shows (where it stands, its status); the rest is on the Objective's own page.
    expect(Object.keys(find(roots, o.tilburg.id)!.keyResults[0]).sort()).toEqual(
      [
        "currentValue",
        "done",
        "id",
        "kind",
        "progress",
        "startValue",
        "status",
        "targetValue",
        "title",
        "unit",
      ].sort(),
    );
    expect(find(roots, o.tilburg.id)!.keyResults[0]).toMatchObject({
      kind: "metric",
      startValue: 0,
      targetValue: 100,
      currentValue: 50,
      unit: "points",
      progress: 0.5,
      status: o.tilburg.keyResults[0].status,
    });
    // Rotterdam contributes to two parents, so it appears under both.
    expect(flatten(roots).filter(([id]) => id === o.rotterdam.id)).toHaveLength(2);
  });

  it("follows new check-ins", async () => {
    await okr.checkIn(tilburger.client, o.tilburg.keyResults[0].id, { value: 80, confidence: 8 });
    const roots = await tree();
    // Operations: (0.6 × 0.8 + 0.3 × 0.8) ÷ 0.9 = 0.8; Reliable: (0.8 + 0.2) ÷ 1.5 = 0.6667.
    expect(find(roots, o.ops.id)!.alignedProgress).toBe(0.8);
    expect(find(roots, o.reliable.id)!.alignedProgress).toBe(0.6667);
    await okr.checkIn(tilburger.client, o.tilburg.keyResults[0].id, { value: 50, confidence: 8 });
  });

  it("with teamId gives the subtree of that team's Objectives, each Objective once", async () => {
    const ops = await tree(`&teamId=${teams.ops.id}`);
    expect(ops.map((r) => r.id)).toEqual([o.ops.id]);
    expect(ops[0].children.map((c: Json) => c.id).sort()).toEqual([o.rotterdam.id, o.tilburg.id].sort());
    expect(ops[0].alignedProgress).toBe(0.7);
    expect(flatten(await tree(`&teamId=${teams.rotterdam.id}`))).toEqual([[o.rotterdam.id, 0]]);

    // A second Operations Objective under the first: shown beneath it, not again as a root.
    await objectiveAt("ops2", teams.ops, opsLead, "Hubs share one planning board", 0.6);
    expect((await setParents(opsLead, o.ops2.id, [{ objectiveId: o.ops.id, weight: 0.5 }])).status).toBe(200);
    const again = await tree(`&teamId=${teams.ops.id}`);
    expect(again.map((r) => r.id)).toEqual([o.ops.id]);
    const ids = flatten(again).map(([id]) => id);
    expect(ids.sort()).toEqual([o.ops.id, o.ops2.id, o.rotterdam.id, o.tilburg.id].sort());
    expect(await tree(`&teamId=${teams.customs.id}`)).toHaveLength(1);
  });

  it("refuses a cycle of another organisation or none at all", async () => {
    expectError(
      await h.request("GET", `${okr.base}/alignment`, { as: owner }),
      400,
      "validation_failed",
      "cycleId",
    );
    const other = await h.createOwnerWithOrg({ org: { name: "Delta Parcel Services" } });
    const theirs = await h.ok("GET", `/api/orgs/${other.org.slug}/cycles?limit=1`, { as: other.owner });
    expectError(
      await h.request("GET", `${okr.base}/alignment?cycleId=${theirs.items[0].id}`, { as: owner }),
      404,
      "not_found",
    );
  });
});

describe("team-visible parents", () => {
  it("do not give their title away through the Objectives that contribute to them", async () => {
    const secret = await okr.createObjective(
      opsLead.client,
      buildObjective({
        cycleId: cycle.id,
        teamId: teams.ops.id,
        ownerUserId: opsLead.id,
        title: "Take over the Antwerp depot of a competitor",
        visibility: "team",
      }),
    );
    // The Tilburg member may link to it (the link is about their Objective)…
    const reply = await setParents(tilburger, o.tilburg.id, [
      { objectiveId: o.ops.id, weight: 0.3 },
      { objectiveId: secret.id, weight: 0.2 },
    ]);
    expect(reply.status, reply.text).toBe(200);
    expect(JSON.stringify(reply.body)).not.toContain("Antwerp");
    // …but reads its title no more than anywhere else.
    for (const reader of [tilburger.client, rotterdamer.client]) {
      const seen = await okr.getObjective(reader, o.tilburg.id);
      expect(seen.parents.map((p: Json) => p.objectiveId)).toContain(secret.id);
      expect(JSON.stringify(seen)).not.toContain("Antwerp");
      expect(JSON.stringify(await tree("", reader))).not.toContain("Antwerp");
    }
    const byLead = await okr.getObjective(opsLead.client, o.tilburg.id);
    expect(byLead.parents.map((p: Json) => p.title)).toContain("Take over the Antwerp depot of a competitor");
  });
});

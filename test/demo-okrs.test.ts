import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { daysBetween, todayIn } from "../src/domain/dates.ts";
import { type Harness, type Json, type SessionClient, startHarness } from "./support/harness.ts";

type Cycle = { id: string; state: string; startsOn: string; endsOn: string };
type KeyResult = {
  id: string;
  kind: "metric" | "milestone" | "percentage";
  ownerUserId: string | null;
  contributorUserIds: string[];
  startValue: number | null;
  targetValue: number | null;
  currentValue: number | null;
  done: boolean;
  direction: "increase" | "decrease" | null;
  weight: number;
  commitment: "committed" | "aspirational";
  status: string;
  lastConfidence: number | null;
  lastCheckInAt: string | null;
  finalScore: number | null;
  kpi: { id: string; value: number | null } | null;
};
type Objective = {
  id: string;
  teamId: string | null;
  ownerUserId: string | null;
  title: string;
  state: string;
  status: string;
  outcome: string | null;
  grade: number | null;
  retrospective: string | null;
  keyResults: KeyResult[];
  parents: Array<{ objectiveId: string; weight: number }>;
  healthKpiIds: string[];
  healthKpis: Array<{ id: string; key: string; state: string; status: string | null; sparkline: unknown[] }>;
  healthAlert: "red" | "amber" | null;
};
type CheckIn = {
  value: number | null;
  done: boolean | null;
  confidence: number;
  note: string;
  createdAt: string;
};
type TeamNode = { id: string; name: string; kind: string; children: TeamNode[] };

let h: Harness;
let owner: SessionClient;
const slug = "nordwind-logistics";
let cycles: Cycle[];
let teams: TeamNode[];
let companyTeamId: string;

const flatten = (nodes: TeamNode[]): TeamNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);
const cycleIn = (state: string) => cycles.find((c) => c.state === state)!;
const objectivesOf = async (cycleId: string): Promise<Objective[]> =>
  (await h.ok("GET", `/api/orgs/${slug}/objectives?cycleId=${cycleId}`, { as: owner })).items;
const checkInsOf = async (keyResultId: string): Promise<CheckIn[]> =>
  (await h.ok("GET", `/api/orgs/${slug}/key-results/${keyResultId}/check-ins`, { as: owner })).items;

beforeAll(async () => {
  h = await startHarness();
  const reply = await h.request("POST", "/api/setup", {
    body: {
      start: "demo",
      name: "Priya Kaya",
      email: "priya.kaya@example.com",
      password: "demo password 2026",
    },
  });
  expect(reply.status).toBe(201);
  owner = await h.signIn("priya.kaya@example.com", "demo password 2026");
  cycles = (await h.ok("GET", `/api/orgs/${slug}/cycles`, { as: owner })).items;
  const tree = await h.ok("GET", `/api/orgs/${slug}/teams/tree`, { as: owner });
  teams = flatten(tree.roots);
  companyTeamId = tree.roots[0].id;
});
afterAll(() => h?.close());

describe("the demo's active quarter", () => {
  let objectives: Objective[];
  beforeAll(async () => {
    objectives = await objectivesOf(cycleIn("active").id);
  });

  it("has 3–5 company Objectives and aligned Objectives of divisions, departments and squads", () => {
    const company = objectives.filter((o) => o.teamId === companyTeamId);
    expect(company.length).toBeGreaterThanOrEqual(3);
    expect(company.length).toBeLessThanOrEqual(5);
    const kindOf = new Map(teams.map((t) => [t.id, t.kind]));
    const others = objectives.filter((o) => o.teamId !== companyTeamId);
    for (const kind of ["division", "department", "squad"]) {
      expect(others.some((o) => kindOf.get(o.teamId!) === kind)).toBe(true);
    }
    // Every team Objective below the company contributes to something in the same cycle,
    // with weights that never count its progress twice.
    const ids = new Set(objectives.map((o) => o.id));
    for (const o of others) {
      expect(o.parents.length, o.title).toBeGreaterThan(0);
      expect(o.parents.every((p) => ids.has(p.objectiveId))).toBe(true);
      expect(o.parents.reduce((s, p) => s + p.weight, 0)).toBeLessThanOrEqual(1 + 1e-9);
    }
    expect(company.every((o) => o.parents.length === 0)).toBe(true);
  });

  it("only puts Objectives on teams that run OKRs", async () => {
    const okrTeams = new Set(
      (await h.ok("GET", `/api/orgs/${slug}/teams?limit=200`, { as: owner })).items
        .filter((t: Json) => t.methodology !== "kpi")
        .map((t: Json) => t.id),
    );
    expect(objectives.every((o) => okrTeams.has(o.teamId))).toBe(true);
  });

  it("gives every Objective 2–4 measurable KRs of mixed kinds, owned by people of the organisation", async () => {
    const people = new Set(
      (await h.ok("GET", `/api/orgs/${slug}/people?limit=200`, { as: owner })).items.map(
        (p: Json) => p.userId,
      ),
    );
    const krs = objectives.flatMap((o) => o.keyResults);
    for (const o of objectives) {
      expect(o.state).toBe("active");
      expect(o.keyResults.length, o.title).toBeGreaterThanOrEqual(2);
      expect(o.keyResults.length, o.title).toBeLessThanOrEqual(4);
      expect(people.has(o.ownerUserId)).toBe(true);
    }
    expect(krs.every((k) => k.ownerUserId !== null && people.has(k.ownerUserId))).toBe(true);
    expect(krs.every((k) => k.contributorUserIds.every((id) => people.has(id)))).toBe(true);
    expect(krs.some((k) => k.contributorUserIds.length > 0)).toBe(true);
    expect(
      krs.every((k) => k.kind !== "metric" || (k.startValue !== k.targetValue && k.targetValue !== null)),
    ).toBe(true);
    expect(new Set(krs.map((k) => k.direction ?? k.kind))).toEqual(
      new Set(["increase", "decrease", "milestone", "percentage"]),
    );
    expect(new Set(krs.map((k) => k.commitment))).toEqual(new Set(["committed", "aspirational"]));
    expect(krs.some((k) => k.weight !== 1)).toBe(true);
  });

  it("shows the statuses of a quarter in progress: one Objective clearly off track, some KRs stale", () => {
    const statuses = objectives.map((o) => o.status);
    expect(statuses).toContain("off_track");
    expect(statuses).toContain("on_track");
    expect(statuses).toContain("at_risk");
    const offTrack = objectives.filter((o) => o.status === "off_track");
    // Clearly: every KR of it is off track, not a borderline verdict.
    expect(offTrack.some((o) => o.keyResults.every((k) => k.status === "off_track"))).toBe(true);
    const krs = objectives.flatMap((o) => o.keyResults);
    const stale = krs.filter((k) => k.status === "stale");
    expect(stale.length).toBeGreaterThanOrEqual(2);
    const today = todayIn("Europe/Berlin", h.deps.now());
    for (const k of stale) {
      expect(daysBetween(todayIn("Europe/Berlin", new Date(k.lastCheckInAt!)), today)).toBeGreaterThanOrEqual(
        12,
      );
    }
  });

  it("has weekly check-ins since the start of the cycle, which the KRs' latest values reflect", async () => {
    const cycle = cycleIn("active");
    const today = todayIn("Europe/Berlin", h.deps.now());
    const all: CheckIn[] = [];
    let confidenceWentUp = false;
    let confidenceWentDown = false;
    for (const kr of objectives.flatMap((o) => o.keyResults)) {
      const history = await checkInsOf(kr.id);
      expect(history.length, kr.id).toBeGreaterThan(0);
      all.push(...history);
      // Newest first; the KR carries the newest one.
      const newest = history[0]!;
      expect(kr.lastCheckInAt).toBe(newest.createdAt);
      expect(kr.lastConfidence).toBe(newest.confidence);
      if (kr.kind === "milestone") expect(kr.done).toBe(newest.done);
      // A KR reading a KPI shows the KPI's value, whatever its earlier check-ins said.
      else if (kr.kpi) expect(kr.currentValue).toBe(kr.kpi.value);
      else expect(kr.currentValue).toBe(newest.value);
      const confidences = history.map((c) => c.confidence).reverse();
      for (let i = 1; i < confidences.length; i++) {
        if (confidences[i]! > confidences[i - 1]!) confidenceWentUp = true;
        if (confidences[i]! < confidences[i - 1]!) confidenceWentDown = true;
      }
    }
    const days = all.map((c) => todayIn("Europe/Berlin", new Date(c.createdAt))).sort();
    expect(days[0]! >= cycle.startsOn).toBe(true);
    expect(days.at(-1)! < today).toBe(true);
    // Weekly from the first week to the last one that has begun, whatever week the quarter is in.
    expect(daysBetween(days[0]!, days.at(-1)!)).toBeGreaterThanOrEqual(
      daysBetween(cycle.startsOn, today) - 14,
    );
    expect(all.every((c) => c.confidence >= 0 && c.confidence <= 10)).toBe(true);
    expect(confidenceWentUp && confidenceWentDown).toBe(true);
    // Notes are written by people, and some name what blocks them.
    expect(all.filter((c) => c.note.trim().length > 0).length / all.length).toBeGreaterThan(0.8);
    expect(all.some((c) => /blocked by .*waiting on/i.test(c.note))).toBe(true);
    expect(new Set(all.map((c) => c.note)).size).toBeGreaterThan(100);
  });

  it("guards every company Objective with 2–4 health KPIs, and badges the one whose guard is red", async () => {
    const company = objectives.filter((o) => o.teamId === companyTeamId);
    for (const o of company) {
      expect(o.healthKpis.length, o.title).toBeGreaterThanOrEqual(2);
      expect(o.healthKpis.length, o.title).toBeLessThanOrEqual(4);
      expect(o.healthKpiIds).toEqual(o.healthKpis.map((k) => k.id));
      expect(o.healthKpis.every((k) => k.state === "active" && k.sparkline.length > 0)).toBe(true);
    }
    // Cutting cost must not cost on-time delivery or raise damage claims; on-time is red now.
    const cost = company.find((o) => o.title.startsWith("Deliver every parcel for less"))!;
    expect(cost.healthKpis.map((k) => k.key).slice(0, 2)).toEqual(["on_time_delivery", "damage_claims_rate"]);
    expect(cost.healthKpis[0]!.status).toBe("red");
    expect(cost.healthAlert).toBe("red");
    const guarded = await h.ok("GET", `/api/orgs/${slug}/kpis/${cost.healthKpiIds[0]}/guarded-objectives`, {
      as: owner,
    });
    expect(guarded.items.map((g: Json) => g.id)).toContain(cost.id);
  });

  it("builds an alignment tree from company Objectives down to squads", async () => {
    const tree = await h.ok("GET", `/api/orgs/${slug}/alignment?cycleId=${cycleIn("active").id}`, {
      as: owner,
    });
    type Node = { teamId: string; alignedProgress: number | null; children: Node[] };
    expect(tree.roots.every((r: Node) => r.teamId === companyTeamId)).toBe(true);
    const depth = (n: Node): number => 1 + Math.max(0, ...n.children.map(depth));
    expect(Math.max(...tree.roots.map(depth))).toBeGreaterThanOrEqual(3);
    expect(tree.roots.every((r: Node) => r.alignedProgress !== null)).toBe(true);
  });
});

describe("the demo's owner", () => {
  it("owns KRs of the running quarter whose weekly check-in is due, with a history to check in from", async () => {
    const mine = (await h.ok("GET", `/api/orgs/${slug}/my/check-ins`, { as: owner })).items as Array<{
      keyResult: KeyResult;
      due: boolean;
    }>;
    const owned = mine.filter((i) => i.keyResult.ownerUserId === owner.userId);
    expect(owned.length).toBeGreaterThanOrEqual(2);
    for (const item of owned) {
      expect(item.due, item.keyResult.id).toBe(true);
      expect(item.keyResult.lastCheckInAt).not.toBeNull();
      expect(item.keyResult.status).not.toBe("stale");
      expect((await checkInsOf(item.keyResult.id)).length).toBeGreaterThanOrEqual(3);
    }
  });
});

describe("the demo's previous quarter", () => {
  let objectives: Objective[];
  beforeAll(async () => {
    objectives = await objectivesOf(cycleIn("closed").id);
  });

  it("is closed and graded: every KR scored, every Objective with an outcome and a retrospective", () => {
    expect(objectives.length).toBeGreaterThanOrEqual(5);
    for (const o of objectives) {
      expect(o.state).toBe("closed");
      expect(o.outcome).not.toBeNull();
      expect(o.retrospective?.length ?? 0).toBeGreaterThan(20);
      if (o.outcome === "dropped") continue;
      expect(o.grade).not.toBeNull();
      for (const k of o.keyResults) {
        expect(k.finalScore).not.toBeNull();
        expect(k.finalScore!).toBeGreaterThanOrEqual(0);
        expect(k.finalScore!).toBeLessThanOrEqual(1);
      }
      // The grade is the weighted mean of the KR scores.
      const weight = o.keyResults.reduce((s, k) => s + k.weight, 0);
      const mean = o.keyResults.reduce((s, k) => s + k.weight * k.finalScore!, 0) / weight;
      expect(o.grade!).toBeCloseTo(mean, 2);
    }
    const scores = objectives.flatMap((o) => o.keyResults.map((k) => k.finalScore)).filter((s) => s !== null);
    const healthy = scores.filter((s) => s >= 0.4 && s <= 0.8);
    expect(healthy.length / scores.length).toBeGreaterThan(0.6);
  });

  it("has exactly one team that scored 1.0 on everything", async () => {
    const report = await h.ok("GET", `/api/orgs/${slug}/cycles/${cycleIn("closed").id}/report`, {
      as: owner,
    });
    expect(report.teams.filter((t: Json) => t.allPerfect).map((t: Json) => t.teamName)).toEqual(["Returns"]);
  });

  it("kept its check-ins within the quarter", async () => {
    const cycle = cycleIn("closed");
    const kr = objectives[0]!.keyResults[0]!;
    const history = await checkInsOf(kr.id);
    expect(history.length).toBeGreaterThanOrEqual(12);
    const days = history.map((c) => todayIn("Europe/Berlin", new Date(c.createdAt)));
    expect(days.every((d) => d >= cycle.startsOn && d <= cycle.endsOn)).toBe(true);
  });
});

describe("the demo's next quarter and history", () => {
  it("holds drafts only, one still incomplete, without check-ins", async () => {
    const drafts = await objectivesOf(cycleIn("planning").id);
    expect(drafts.length).toBeGreaterThan(0);
    expect(drafts.every((o) => o.state === "draft")).toBe(true);
    const krs = drafts.flatMap((o) => o.keyResults);
    expect(krs.every((k) => k.lastCheckInAt === null)).toBe(true);
    expect(krs.some((k) => k.ownerUserId === null)).toBe(true);
  });

  it("records who created every Objective and KR, and the grading, in the audit log", async () => {
    const count = async (action: string) => {
      let n = 0;
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `&cursor=${cursor}` : "";
        const page: Json = await h.ok("GET", `/api/orgs/${slug}/audit?action=${action}&limit=200${query}`, {
          as: owner,
        });
        for (const e of page.items) {
          expect(e.actorUserId).toBe(owner.userId);
          expect(e.after).not.toBeNull();
        }
        n += page.items.length;
        cursor = page.nextCursor;
      } while (cursor);
      return n;
    };
    const all = (await Promise.all(cycles.map((c) => objectivesOf(c.id)))).flat();
    expect(await count("objective.created")).toBe(all.length);
    expect(await count("key_result.created")).toBe(all.flatMap((o) => o.keyResults).length);
    const closedCycles = cycles.filter((c) => c.state === "closed");
    const closedObjectives = (await Promise.all(closedCycles.map((c) => objectivesOf(c.id)))).flat();
    expect(await count("objective.graded")).toBe(closedObjectives.length);
  });
});

describe("the demo's strategy map and board", () => {
  it("draws cause and effect from learning & growth up to financial, between themes and company Objectives", async () => {
    const map: Json = await h.ok("GET", `/api/orgs/${slug}/strategy-map`, { as: owner });
    expect(map.cycle.id).toBe(cycleIn("active").id);
    const perspectiveOf = new Map<string, string>(map.themes.map((t: Json) => [t.id, t.perspective]));
    const themeChain = map.edges
      .filter((e: Json) => e.from.kind === "theme" && e.to.kind === "theme")
      .map((e: Json) => `${perspectiveOf.get(e.from.id)}→${perspectiveOf.get(e.to.id)}`);
    expect(themeChain.sort()).toEqual(
      ["learning_growth→internal_process", "internal_process→customer", "customer→financial"].sort(),
    );
    const onMap = new Map<string, Json>(map.objectives.map((o: Json) => [o.id, o]));
    const objectiveEdges = map.edges.filter((e: Json) => e.from.kind === "objective");
    expect(objectiveEdges.length).toBeGreaterThanOrEqual(4);
    for (const e of objectiveEdges) {
      expect(onMap.has(e.from.id) && onMap.has(e.to.id)).toBe(true);
      expect(e.label).not.toBe("");
    }
    // The company's Objectives all carry a theme, so all of them are on the map.
    const company = (await objectivesOf(cycleIn("active").id)).filter((o) => o.teamId === companyTeamId);
    for (const o of company) expect(onMap.has(o.id), o.title).toBe(true);
  });

  it("scores every theme with KPIs and Objectives, each count equal to the rows it summarises", async () => {
    const board: Json = await h.ok("GET", `/api/orgs/${slug}/strategy-board`, { as: owner });
    expect(board.cycle.id).toBe(cycleIn("active").id);
    const themed = board.groups.filter((g: Json) => g.theme !== null);
    expect(themed).toHaveLength(4);
    for (const g of themed) {
      expect(g.kpis.length, g.theme.name).toBeGreaterThan(0);
      expect(g.objectives.length, g.theme.name).toBeGreaterThan(0);
      const k = g.counts.kpis;
      expect(k.green + k.amber + k.red + k.noData + k.noTarget).toBe(g.kpis.length);
      expect(k.red).toBe(g.kpis.filter((x: Json) => x.status === "red").length);
      const o = g.counts.objectives;
      expect(o.onTrack + o.atRisk + o.offTrack + o.stale + o.notStarted + o.draft).toBe(g.objectives.length);
      expect(o.offTrack).toBe(g.objectives.filter((x: Json) => x.status === "off_track").length);
    }
    const live = (await objectivesOf(cycleIn("active").id)).filter((o) => !(o as Json).archived);
    expect(board.groups.flatMap((g: Json) => g.objectives).length).toBe(live.length);
    // The quarter's story has at least one red KPI and one Objective off track on the board.
    expect(board.groups.some((g: Json) => g.counts.kpis.red > 0)).toBe(true);
    expect(board.groups.some((g: Json) => g.counts.objectives.offTrack > 0)).toBe(true);
  });
});

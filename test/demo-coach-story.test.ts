/**
 * The demo tells the coach's stories: drafts for next quarter that make each of the
 * linter's mistakes (`sandbagging` from the Returns squad's two perfect closed quarters), and
 * last quarter's Objectives whose KPIs moved, one during its cycle and one only after it,
 * and a KR whose forecast turned unlikely with its latest check-in, on its owner's 1:1.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, type Json, type SessionClient, startHarness } from "./support/harness.ts";

let h: Harness;
let owner: SessionClient;
const slug = "nordwind-logistics";

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
});
afterAll(() => h?.close());

describe("the demo's drafts for next quarter", () => {
  it("show every linter finding, each on the draft written for it", async () => {
    const cycles = (await h.ok("GET", `/api/orgs/${slug}/cycles`, { as: owner })).items as Json[];
    const planning = cycles.find((c) => c.state === "planning")!;
    const check = await h.ok("GET", `/api/orgs/${slug}/health-check?cycleId=${planning.id}`, { as: owner });
    const rulesOf = (title: string) => {
      const objective = (check.objectives as Json[]).find((o) => o.title === title);
      expect(objective, title).toBeDefined();
      return new Set((objective.findings as Json[]).map((f) => f.rule));
    };

    const peak = rulesOf("Get every hub through the December peak without missed departures");
    for (const rule of ["recycled", "business-as-usual", "activity-as-key-result"])
      expect(peak).toContain(rule);
    expect(rulesOf("Cross-border revenue of €2m a month")).toContain("number-as-objective");
    expect(rulesOf("Increase customer satisfaction")).toContain("generic-objective");
    expect(rulesOf("Carry Berlin–Warsaw parcels as reliably as domestic ones")).toContain("cascaded-mirror");
    const returns = rulesOf("Make returning a parcel as easy as receiving one");
    for (const rule of ["too-many", "sandbagging"]) expect(returns).toContain(rule);
    const poland = rulesOf("Become the first choice for parcels between Germany and Poland");
    for (const rule of ["no-floor", "missing-pieces"]) expect(poland).toContain(rule);

    const all = new Set(
      (check.objectives as Json[]).flatMap((o) => (o.findings as Json[]).map((f) => f.rule)),
    );
    expect(all.size).toBe(10);
  });

  it("raise sandbagging on the team that scored 1.0 on every KR in both closed quarters, and no other", async () => {
    const cycles = (await h.ok("GET", `/api/orgs/${slug}/cycles`, { as: owner })).items as Json[];
    const [latest, earlier] = cycles.filter((c) => c.state === "closed");
    // History, truthfully dated: the two quarters back to back before the running one.
    expect(earlier.endsOn < latest.startsOn).toBe(true);
    for (const cycle of [latest, earlier]) {
      const report = await h.ok("GET", `/api/orgs/${slug}/cycles/${cycle.id}/report`, { as: owner });
      expect(report.teams.filter((t: Json) => t.allPerfect).map((t: Json) => t.teamName)).toEqual([
        "Returns",
      ]);
    }
    const planning = cycles.find((c) => c.state === "planning")!;
    const check = await h.ok("GET", `/api/orgs/${slug}/health-check?cycleId=${planning.id}`, { as: owner });
    const flagged = (check.objectives as Json[]).filter((o) =>
      (o.findings as Json[]).some((f) => f.rule === "sandbagging"),
    );
    expect(flagged.map((o) => o.title)).toEqual(["Make returning a parcel as easy as receiving one"]);
    const finding = (flagged[0].findings as Json[]).find((f) => f.rule === "sandbagging");
    expect(finding).toMatchObject({ severity: "info", on: "objective" });
    expect(finding.message).toContain(latest.name);
    expect(finding.message).toContain(earlier.name);
  });

  it("include a closed Objective whose KPI moved only after a lag, and one that moved it during", async () => {
    const cycles = (await h.ok("GET", `/api/orgs/${slug}/cycles`, { as: owner })).items as Json[];
    const closed = cycles.find((c) => c.state === "closed")!;
    const objectives = (
      await h.ok("GET", `/api/orgs/${slug}/objectives?cycleId=${closed.id}&limit=100`, { as: owner })
    ).items as Json[];
    const impactOf = async (title: string) => {
      const objective = objectives.find((o) => o.title === title);
      expect(objective, title).toBeDefined();
      const impact = await h.ok(
        "GET",
        `/api/orgs/${slug}/objectives/${objective.id}/kpi-impact?lagCycles=1`,
        {
          as: owner,
        },
      );
      expect(impact.kpis).toHaveLength(1);
      return impact.kpis[0];
    };

    const lagged = await impactOf("Understand why drivers leave in their first year");
    expect(lagged).toMatchObject({ name: "Short-notice shift changes", roles: ["health"] });
    expect(lagged.during.verdict).toBe("no_visible_effect");
    expect(lagged.after.verdict).toBe("moved");
    expect(lagged.after.change).toBeLessThan(0); // fewer short-notice changes: the good direction

    const during = await impactOf("Take the pain out of returns for online shops");
    expect(during).toMatchObject({ name: "Returns processed within 72 h", roles: ["key_result"] });
    expect(during.during.verdict).toBe("moved");
    expect(during.after.verdict).toBe("moved");
  });

  it("put a KR whose forecast turned unlikely with its latest check-in on its owner's next 1:1", async () => {
    const cycles = (await h.ok("GET", `/api/orgs/${slug}/cycles`, { as: owner })).items as Json[];
    const active = cycles.find((c) => c.state === "active")!;
    const objectives = (
      await h.ok("GET", `/api/orgs/${slug}/objectives?cycleId=${active.id}&limit=100`, { as: owner })
    ).items as Json[];
    const schedules = objectives.find(
      (o) => o.title === "Give drivers schedules they can plan their lives around",
    );
    const full = await h.ok("GET", `/api/orgs/${slug}/objectives/${schedules.id}`, { as: owner });
    const kr = (full.keyResults as Json[]).find((k) => k.title.startsWith("Drivers with shifts published"));
    const forecast = await h.ok("GET", `/api/orgs/${slug}/key-results/${kr.id}/forecast`, { as: owner });
    expect(forecast.forecast.likelihood).toBe("unlikely");

    const person = await h.ok("GET", `/api/orgs/${slug}/people/${kr.ownerUserId}`, { as: owner });
    const agenda = await h.ok(
      "GET",
      `/api/orgs/${slug}/one-on-ones/${person.managerUserId}/${kr.ownerUserId}`,
      {
        as: owner,
      },
    );
    const items = (agenda.items ?? agenda.agenda.items) as Json[];
    const turned = items.filter((i) => i.kind === "forecast_unlikely");
    expect(turned).toHaveLength(1);
    expect(turned[0].title).toContain(kr.title);
  });
});

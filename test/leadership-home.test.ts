/**
 * The leadership home (docs/leadership-home.md) on a small organisation whose numbers are
 * worked out by hand (support/leadership-world.ts): OKR health per team by the team-health
 * rule, the KPI strip, counts equal to the lists they open, who may see what, and bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cycleAround } from "./support/factories.ts";
import { type Client, expectError, type Json } from "./support/harness.ts";
import { type LeadershipWorld, startLeadershipWorld } from "./support/leadership-world.ts";
import { okrApi } from "./support/okr-api.ts";

let w: LeadershipWorld;
beforeAll(async () => {
  w = await startLeadershipWorld();
}, 60_000);
afterAll(() => w?.close());

const home = (as: Client, query = ""): Promise<Json> =>
  w.h.ok("GET", `${w.base}/leadership-home?${query}`, { as });
const list = async (as: Client, name: string, query = ""): Promise<Json[]> =>
  (await w.h.ok("GET", `${w.base}/leadership-home/${name}?${query}`, { as })).items;
const rowOf = (answer: Json, teamId: string) => answer.teams.find((t: Json) => t.teamId === teamId);
const zero = { not_started: 0, on_track: 0, at_risk: 0, off_track: 0, stale: 0 };

describe("OKR health per team", () => {
  it("counts each team's own Objectives and gives its word by the team-health rule", async () => {
    const answer = await home(w.owner);
    expect(answer.cycle).toMatchObject({ id: w.cycle.id, name: "Autumn quarter", state: "active" });
    expect(answer.scope).toEqual({ teamId: null, themeId: null, wholeOrganization: true });
    expect(answer.teams.map((t: Json) => [t.name, t.depth])).toEqual([
      ["Noordzee Freight", 0],
      ["Operations", 1],
      ["Sales", 1],
      ["Sales North", 2],
    ]);
    expect(rowOf(answer, w.company.id)).toMatchObject({
      overall: null,
      objectives: 0,
      counts: zero,
      progress: null,
    });
    // 1 on track + 1 off track: a tie leans to the worse word.
    expect(rowOf(answer, w.sales.id)).toMatchObject({
      overall: "off_track",
      objectives: 2,
      counts: { ...zero, on_track: 1, off_track: 1 },
      progress: 0.5,
      checkIns: { expected: 2, done: 2 },
    });
    expect(rowOf(answer, w.salesNorth.id)).toMatchObject({
      overall: "at_risk",
      counts: { ...zero, at_risk: 1 },
      checkIns: { expected: 1, done: 1 },
    });
    // The draft does not count; 1 stale of 2 started is not more than half, so the judged one speaks.
    expect(rowOf(answer, w.operations.id)).toMatchObject({
      overall: "on_track",
      objectives: 2,
      counts: { ...zero, on_track: 1, stale: 1 },
      progress: 0.25,
      checkIns: { expected: 2, done: 1 },
    });
    // All five: 1 off + 1 at risk of 4 judged is half, so at risk.
    expect(answer.overall).toBe("at_risk");
  });

  it("gives the same expected progress as the Objectives themselves", async () => {
    const answer = await home(w.owner);
    const objectives = await Promise.all(
      [w.objectives.minute, w.objectives.silent].map((o) => w.okr.getObjective(w.owner, o.id)),
    );
    const mean = objectives.reduce((sum, o) => sum + o.expectedProgress, 0) / objectives.length;
    expect(rowOf(answer, w.operations.id).expectedProgress).toBeCloseTo(mean, 3);
  });

  it("narrows to a subtree and to a theme", async () => {
    const sales = await home(w.owner, `teamId=${w.sales.id}`);
    expect(sales.scope).toEqual({ teamId: w.sales.id, themeId: null, wholeOrganization: false });
    expect(sales.teams.map((t: Json) => t.name)).toEqual(["Sales", "Sales North"]);
    // Off, at risk and on track: one off track of three judged is under half, two of three at risk or worse.
    expect(sales.overall).toBe("at_risk");

    const themed = await home(w.owner, `themeId=${w.customer.id}`);
    expect(rowOf(themed, w.sales.id).objectives).toBe(0);
    expect(rowOf(themed, w.salesNorth.id).overall).toBe("at_risk");
    expect(themed.overall).toBe("at_risk");
  });
});

describe("counts and the lists behind them", () => {
  it("finds the escalation, the flag and the overdue check-in worked out by hand", async () => {
    const { counts } = await home(w.owner);
    expect(counts.openEscalations).toEqual({ count: 1, list: "escalations" });
    expect(counts.flaggedKeyResults).toEqual({ count: 1, list: "flags" });
    expect(counts.overdueCheckIns).toEqual({ count: 1, list: "overdue-check-ins" });
    const [escalation] = await list(w.owner, "escalations");
    expect(escalation).toMatchObject({ kpiId: w.kpis.onTime.id, teamName: "Operations", state: "open" });
    const [flag] = await list(w.owner, "flags");
    expect(flag).toMatchObject({
      objectiveId: w.objectives.antwerp.id,
      teamName: "Sales",
      ownerName: "Milan Jansen",
    });
    const [overdue] = await list(w.owner, "overdue-check-ins");
    expect(overdue).toMatchObject({
      objectiveId: w.objectives.silent.id,
      teamName: "Operations",
      lastCheckInAt: null,
    });
  });

  it("counts the same open findings as the health check", async () => {
    const check = await w.h.ok("GET", `${w.base}/health-check?cycleId=${w.cycle.id}`, { as: w.owner });
    const { counts } = await home(w.owner);
    expect(counts.lintFindings.count).toBe(check.open);
    expect(counts.lintFindings.count).toBeGreaterThan(0);
  });

  const filters = () => [
    { as: w.owner, query: "" },
    { as: w.owner, query: `teamId=${w.operations.id}` },
    { as: w.owner, query: `themeId=${w.customer.id}` },
    { as: w.milan.client, query: "" },
    { as: w.sanne.client, query: `cycleId=${w.cycle.id}` },
  ];

  it("answers every count with exactly the length of the list it opens, whatever the filters", async () => {
    for (const { as, query } of filters()) {
      const { counts } = await home(as, query);
      for (const count of Object.values(counts) as Json[]) {
        expect((await list(as, count.list, query)).length, `${count.list} ${query}`).toBe(count.count);
      }
    }
  });
});

describe("the KPI strip", () => {
  it("shows the company's KPIs and every red one in scope when no headline is chosen", async () => {
    const { kpis } = await home(w.owner);
    expect(kpis.source).toBe("default");
    expect(kpis.items.map((k: Json) => [k.name, k.reason, k.current.status])).toEqual([
      ["Revenue on plan", "company", "green"],
      ["On-time departures", "red", "red"],
    ]);
    const [revenue] = kpis.items;
    expect(revenue.current.value).toBe(96);
    expect(revenue.bandsInForce.target).toBe(95);
    expect(revenue.sparkline.map((p: Json) => p.value)).toEqual([96, 96, 96]);
    expect(revenue.trend.direction).toBe("flat");
    // Milan leads Sales: the company's KPIs, and no red one of his.
    const milan = await home(w.milan.client);
    expect(milan.kpis.items.map((k: Json) => k.name)).toEqual(["Revenue on plan"]);
  });

  it("shows the headline KPIs admins choose, in their order, and returns to the default on []", async () => {
    const put = (as: Client, kpiIds: string[]) =>
      w.h.request("PUT", `${w.base}/kpi-headlines`, { as, body: { kpiIds } });
    const chosen = [w.kpis.quoteResponse.id, w.kpis.revenue.id];
    expect((await put(w.admin.client, chosen)).status).toBe(200);
    const headlines = await w.h.ok("GET", `${w.base}/kpi-headlines`, { as: w.tess.client });
    expect(headlines.kpiIds).toEqual(chosen);
    expect(headlines.kpis.map((k: Json) => k.teamName)).toEqual(["Sales North", "Noordzee Freight"]);
    const { kpis } = await home(w.milan.client);
    expect(kpis.source).toBe("chosen");
    expect(kpis.items.map((k: Json) => [k.name, k.reason])).toEqual([
      ["Quote response within a day", "headline"],
      ["Revenue on plan", "headline"],
    ]);
    // The same list again changes nothing: one audit event for the one change.
    await put(w.admin.client, chosen);
    const events = (
      await w.h.ok("GET", `${w.base}/audit?action=kpi_headlines.updated&limit=10`, { as: w.owner })
    ).items;
    expect(events).toHaveLength(1);
    expect(events[0].after.kpis.map((k: Json) => k.name)).toEqual([
      "Quote response within a day",
      "Revenue on plan",
    ]);
    expect((await put(w.admin.client, [])).status).toBe(200);
    expect((await home(w.owner)).kpis.source).toBe("default");
  });

  it("refuses headline changes from members, unknown or foreign KPIs, and repeats", async () => {
    const put = (as: Client, body: unknown) => w.h.request("PUT", `${w.base}/kpi-headlines`, { as, body });
    expectError(await put(w.milan.client, { kpiIds: [w.kpis.revenue.id] }), 403, "forbidden");
    const other = await w.h.createOwnerWithOrg({ org: { name: "Vltava Freight" } });
    const foreignTeam = await w.h.ok("POST", `/api/orgs/${other.org.slug}/teams`, {
      as: other.owner,
      body: { name: "Prague hub", kind: "department", methodology: "kpi" },
    });
    const foreign = await w.h.ok(
      "POST",
      `/api/orgs/${other.org.slug}/kpis`,
      {
        as: other.owner,
        body: {
          key: "prague_on_time",
          name: "Prague on time",
          ownerUserId: other.owner.userId,
          teamId: foreignTeam.id,
          unit: "percent",
          direction: "higher_is_better",
          frequency: "weekly",
          aggregation: "average",
        },
      },
      201,
    );
    expectError(
      await put(w.owner, { kpiIds: [w.kpis.revenue.id, foreign.id] }),
      400,
      "validation_failed",
      "kpiIds.1",
    );
    expectError(
      await put(w.owner, { kpiIds: [w.kpis.revenue.id, w.kpis.revenue.id] }),
      400,
      "validation_failed",
    );
    expectError(await put(w.owner, { kpiIds: [], extra: true }), 400, "validation_failed");
    expect((await w.h.ok("GET", `${w.base}/kpi-headlines`, { as: w.owner })).kpiIds).toEqual([]);
  });
});

describe("who sees what", () => {
  it("shows a lead the teams they lead and all below, and refuses a team outside them", async () => {
    const answer = await home(w.milan.client);
    expect(answer.scope.wholeOrganization).toBe(false);
    expect(answer.teams.map((t: Json) => t.name)).toEqual(["Sales", "Sales North"]);
    expect(answer.counts.openEscalations.count).toBe(0);
    expect(answer.counts.flaggedKeyResults.count).toBe(1);
    expect(answer.counts.overdueCheckIns.count).toBe(0);
    expectError(
      await w.h.request("GET", `${w.base}/leadership-home?teamId=${w.operations.id}`, { as: w.milan.client }),
      403,
      "forbidden",
    );
    expectError(
      await w.h.request("GET", `${w.base}/leadership-home/flags?teamId=${w.operations.id}`, {
        as: w.milan.client,
      }),
      403,
      "forbidden",
    );
  });

  it("refuses members who lead nothing and viewers, before reading any filter", async () => {
    for (const who of [w.tess, w.viewer]) {
      expectError(
        await w.h.request("GET", `${w.base}/leadership-home`, { as: who.client }),
        403,
        "forbidden",
      );
      expectError(
        await w.h.request("GET", `${w.base}/leadership-home?themeId=${crypto.randomUUID()}`, {
          as: who.client,
        }),
        403,
        "forbidden",
      );
      expectError(
        await w.h.request("GET", `${w.base}/leadership-home/escalations`, { as: who.client }),
        403,
        "forbidden",
      );
    }
  });

  it("answers 404 to people of another organisation", async () => {
    const other = await w.h.createOwnerWithOrg({ org: { name: "Elbe Logistics" } });
    expectError(await w.h.request("GET", `${w.base}/leadership-home`, { as: other.owner }), 404, "not_found");
  });
});

describe("bad input", () => {
  it("names the unknown or foreign team, theme or cycle", async () => {
    const other = await w.h.createOwnerWithOrg({ org: { name: "Donau Cargo" } });
    const otherBase = `/api/orgs/${other.org.slug}`;
    const foreignTeam = await w.h.ok("POST", `${otherBase}/teams`, {
      as: other.owner,
      body: { name: "Linz hub", kind: "department", methodology: "both" },
    });
    const foreignCycle = await okrApi(w.h, other.org).createCycle(other.owner, {
      name: "Their quarter",
      ...cycleAround(w.today),
    });
    const foreignTheme = (await w.h.ok("GET", `${otherBase}/themes?limit=5`, { as: other.owner })).items[0];
    const ask = (query: string) => w.h.request("GET", `${w.base}/leadership-home?${query}`, { as: w.owner });
    expectError(await ask(`teamId=${foreignTeam.id}`), 404, "not_found", "teamId");
    expectError(await ask(`themeId=${foreignTheme.id}`), 404, "not_found", "themeId");
    expectError(await ask(`cycleId=${foreignCycle.id}`), 404, "not_found", "cycleId");
    expectError(await ask(`cycleId=${crypto.randomUUID()}`), 404, "not_found", "cycleId");
    expectError(await ask("teamId=sales"), 400, "validation_failed", "teamId");
  });

  it("answers an empty cycle with a well-formed, empty OKR side", async () => {
    const winter = await w.okr.createCycle(
      w.owner,
      { name: "Winter quarter", ...cycleAround(w.today, { elapsedDays: -10 }) },
      "planning",
    );
    const answer = await home(w.owner, `cycleId=${winter.id}`);
    expect(answer.cycle).toMatchObject({ id: winter.id, state: "planning" });
    expect(answer.overall).toBeNull();
    expect(answer.teams).toHaveLength(4);
    for (const row of answer.teams) {
      expect(row).toMatchObject({
        overall: null,
        objectives: 0,
        counts: zero,
        checkIns: { expected: 0, done: 0 },
      });
    }
    expect(answer.counts.flaggedKeyResults.count).toBe(0);
    expect(answer.counts.lintFindings.count).toBe(0);
    expect(answer.counts.overdueCheckIns.count).toBe(0);
    // Escalations belong to KPIs, which belong to no cycle.
    expect(answer.counts.openEscalations.count).toBe(1);
  });
});

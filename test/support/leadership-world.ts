/**
 * The small organisation the leadership-home tests compute their expectations on by hand.
 * Noordzee Freight (the root, led by its owner Lotte) has Sales (led by Milan) with Sales
 * North below it, and Operations (led by Sanne). In the running "Autumn quarter", today
 * is day 45 of 90:
 * - Sales: "Win back the Rotterdam shippers" (confidence 8: on track) and "Open the Antwerp
 *   lane" (7 → 5 → 2 with blockers: off track, with a risk flag) → off track.
 * - Sales North (theme customer): "Answer every quote the same day" (confidence 5: at risk).
 * - Operations: "Depart on the minute" (confidence 7: on track), "Train every sorter"
 *   activated 20 days ago and never checked in (stale; its check-in overdue), and a draft.
 * KPIs: Revenue (Noordzee Freight, green), On-time departures (Operations, red: an open
 * escalation), Quote response (Sales North, amber).
 */
import { addDays } from "../../src/domain/dates.ts";
import { buildObjective, buildPercentageKeyResult, buildTeam, cycleAround } from "./factories.ts";
import { type Harness, type Json, type Member, startHarnessWith } from "./harness.ts";
import { okrApi } from "./okr-api.ts";
import { pinToNoon } from "./world.ts";

export type LeadershipWorld = Awaited<ReturnType<typeof setUp>>;

export async function startLeadershipWorld(): Promise<LeadershipWorld> {
  return startHarnessWith(setUp);
}

async function setUp(h: Harness) {
  const today = pinToNoon(h);
  const { owner, org } = await h.createOwnerWithOrg({
    person: { name: "Lotte Visser" },
    org: { name: "Noordzee Freight" },
  });
  const okr = okrApi(h, org);
  const base = okr.base;
  const admin = await h.addPerson(owner, org, "admin", { name: "Daan Bakker" });
  const milan = await h.addPerson(owner, org, "member", { name: "Milan Jansen" });
  const sanne = await h.addPerson(owner, org, "member", { name: "Sanne de Vries" });
  const emma = await h.addPerson(owner, org, "member", { name: "Emma Smit" });
  const tess = await h.addPerson(owner, org, "member", { name: "Tess Mulder" });
  const viewer = await h.addPerson(owner, org, "viewer", { name: "Julia Meijer" });
  const team = (body: Parameters<typeof buildTeam>[0]): Promise<Json> =>
    h.ok("POST", `${base}/teams`, { as: owner, body: buildTeam(body) });
  // A new organisation comes with its company team at the top, led by its creator.
  const company = ((await h.ok("GET", `${base}/teams/tree`, { as: owner })).roots as Json[])[0] as Json;
  const sales = await team({ name: "Sales", parentId: company.id, leadUserId: milan.id });
  const salesNorth = await team({ name: "Sales North", parentId: sales.id });
  const operations = await team({ name: "Operations", parentId: company.id, leadUserId: sanne.id });
  const themes = (await h.ok("GET", `${base}/themes?limit=50`, { as: owner })).items as Json[];
  const customer = themes.find((t) => t.perspective === "customer");
  const cycle = await okr.createCycle(owner, { name: "Autumn quarter", ...cycleAround(today) });

  /** An active Objective whose one percentage KR is owned by `lead`, checked in at 50 % per confidence. */
  async function objective(
    lead: Member,
    teamId: string,
    title: string,
    confidences: Array<[number, string]> | "draft" | "silent",
    themeId: string | null = null,
  ): Promise<Json> {
    const draft = await okr.createObjective(
      lead.client,
      buildObjective({
        cycleId: cycle.id,
        teamId,
        ownerUserId: lead.id,
        title,
        themeId,
        keyResults: [buildPercentageKeyResult({ ownerUserId: lead.id, title: `${title}: share done` })],
      }),
    );
    if (confidences === "draft") return draft;
    const active = await okr.activate(lead.client, draft.id);
    if (confidences === "silent") return active;
    for (const [confidence, note] of confidences) {
      h.clock.advance(60_000);
      await okr.checkIn(lead.client, active.keyResults[0].id, { value: 50, confidence, note });
    }
    return okr.getObjective(owner, active.id);
  }

  // Activated 20 days ago and never checked in since: stale, and its check-in overdue.
  h.clock.set(`${addDays(today, -20)}T11:00:00Z`);
  const silent = await objective(sanne, operations.id, "Train every sorter on the new scanners", "silent");
  pinToNoon(h);
  const rotterdam = await objective(milan, sales.id, "Win back the Rotterdam shippers", [[8, ""]]);
  const antwerp = await objective(milan, sales.id, "Open the Antwerp lane", [
    [7, "Good first week with the Antwerp forwarders."],
    [5, "We are still waiting on the customs broker for the permits."],
    [2, "Blocked by the customs broker; no reply to our last three emails."],
  ]);
  const quotes = await objective(
    milan,
    salesNorth.id,
    "Answer every quote the same day",
    [[5, ""]],
    customer?.id ?? null,
  );
  const minute = await objective(sanne, operations.id, "Depart on the minute", [[7, ""]]);
  const draft = await objective(sanne, operations.id, "A cross-dock idea still being written", "draft");

  let keySeq = 0;
  async function kpi(name: string, teamId: string): Promise<Json> {
    keySeq++;
    return h.ok(
      "POST",
      `${base}/kpis`,
      {
        as: owner,
        body: {
          key: `leadership_${keySeq}`,
          name,
          ownerUserId: emma.id,
          teamId,
          unit: "percent",
          direction: "higher_is_better",
          frequency: "weekly",
          aggregation: "average",
          bands: [{ effectiveFrom: "2020-01-06", target: 95, greenMin: 92, redMin: 85 }],
        },
      },
      201,
    );
  }
  const enter = (k: Json, weeksBack: number, value: number) =>
    h.ok("POST", `${base}/kpis/${k.id}/measurements`, {
      as: emma.client,
      body: { date: addDays(today, -7 * weeksBack), value, note: "" },
    });
  const revenue = await kpi("Revenue on plan", company.id);
  const onTime = await kpi("On-time departures", operations.id);
  const quoteResponse = await kpi("Quote response within a day", salesNorth.id);
  for (const weeksBack of [2, 1, 0]) {
    await enter(revenue, weeksBack, 96);
    await enter(onTime, weeksBack, 80);
    await enter(quoteResponse, weeksBack, 90);
  }

  return {
    h,
    base,
    org,
    today,
    owner,
    admin,
    milan,
    sanne,
    emma,
    tess,
    viewer,
    company,
    sales,
    salesNorth,
    operations,
    customer,
    cycle,
    objectives: { silent, rotterdam, antwerp, quotes, minute, draft },
    kpis: { revenue, onTime, quoteResponse },
    okr,
    close: () => h.close(),
  };
}

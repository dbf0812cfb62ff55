import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../src/db/client.ts";
import { addDays, daysBetween, todayIn } from "../src/domain/dates.ts";
import { nextPeriodStart, periodLabel, periodStartOf } from "../src/domain/kpi/periods.ts";
import { type Harness, type SessionClient, startHarness } from "./support/harness.ts";

type Person = { userId: string; name: string; managerUserId: string | null; title: string | null };
type TeamNode = {
  name: string;
  kind: string;
  leadUserId: string | null;
  memberCount: number;
  children: TeamNode[];
};

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
  expect(reply.body.organizationSlug).toBe(slug);
  owner = await h.signIn("priya.kaya@example.com", "demo password 2026");
});
afterAll(() => h?.close());

async function allPeople(): Promise<Person[]> {
  const people: Person[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${cursor}` : "";
    const page = await h.ok("GET", `/api/orgs/${slug}/people?limit=200${query}`, { as: owner });
    people.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return people;
}

const flatten = (nodes: TeamNode[]): TeamNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

describe("the demo organisation", () => {
  it("is a logistics company of about 180 people, each but the owner with a manager", async () => {
    const people = await allPeople();
    expect(people.length).toBeGreaterThanOrEqual(170);
    expect(people.length).toBeLessThanOrEqual(200);
    const me = people.find((p) => p.name === "Priya Kaya")!;
    expect(me.title).toBe("Chief Executive Officer");
    const withoutManager = people.filter((p) => p.managerUserId === null);
    expect(withoutManager.map((p) => p.name)).toEqual(["Priya Kaya"]);
    // Every manager is somebody in the organisation.
    const ids = new Set(people.map((p) => p.userId));
    expect(people.every((p) => p.managerUserId === null || ids.has(p.managerUserId))).toBe(true);
  });

  it("has four divisions with departments and squads, each team led by one of its members", async () => {
    const tree = await h.ok("GET", `/api/orgs/${slug}/teams/tree`, { as: owner });
    expect(tree.roots).toHaveLength(1);
    const company = tree.roots[0] as TeamNode;
    expect(company.kind).toBe("company");
    expect(company.children.map((d) => d.name).sort()).toEqual([
      "Commercial",
      "Corporate Services",
      "Operations",
      "Technology",
    ]);
    const teams = flatten([company]);
    expect(teams.some((t) => t.kind === "department")).toBe(true);
    expect(teams.some((t) => t.kind === "squad")).toBe(true);
    expect(teams.every((t) => t.leadUserId !== null && t.memberCount >= 1)).toBe(true);
  });

  it("runs a fiscal quarter 5–10 weeks in, after a closed one and before one in planning, named as KPI quarters are", async () => {
    const org = await h.ok("GET", `/api/orgs/${slug}`, { as: owner });
    const opts = { weekStart: 1, fiscalYearStartMonth: org.fiscalYearStartMonth };
    const cycles = (await h.ok("GET", `/api/orgs/${slug}/cycles`, { as: owner })).items as Array<{
      name: string;
      state: string;
      startsOn: string;
      endsOn: string;
    }>;
    const today = todayIn("Europe/Berlin", h.deps.now());
    const active = cycles.filter((c) => c.state === "active");
    expect(active).toHaveLength(1);
    const running = active[0]!;
    expect(daysBetween(running.startsOn, today)).toBeGreaterThanOrEqual(35);
    expect(daysBetween(running.startsOn, today)).toBeLessThanOrEqual(70);
    // The quarter a KPI's value for today belongs to, under the same name and dates.
    expect(running.startsOn).toBe(periodStartOf(today, "quarterly", opts));
    expect(running.endsOn).toBe(addDays(nextPeriodStart(running.startsOn, "quarterly"), -1));
    for (const cycle of cycles) {
      expect(cycle.name).toBe(periodLabel(cycle.startsOn, "quarterly", opts));
      expect(cycle.startsOn).toBe(periodStartOf(cycle.startsOn, "quarterly", opts));
    }
    // Calendar quarters ("Q4 2026") whenever the calendar's running quarter is 5–10 weeks in.
    const calendarQuarter = periodStartOf(today, "quarterly", { weekStart: 1, fiscalYearStartMonth: 1 });
    const calendarFits =
      daysBetween(calendarQuarter, today) >= 35 && daysBetween(calendarQuarter, today) <= 70;
    if (calendarFits) expect(org.fiscalYearStartMonth).toBe(1);
    expect(cycles.some((c) => c.state === "closed" && c.endsOn === addDays(running.startsOn, -1))).toBe(true);
    expect(cycles.some((c) => c.state === "planning" && c.startsOn === addDays(running.endsOn, 1))).toBe(
      true,
    );
  });

  it("audits every membership, team and cycle it creates, each with the full entity", async () => {
    const orgId = (await h.ok("GET", `/api/orgs/${slug}`, { as: owner })).id;
    const rows = rowsOf<{ action: string; entity_id: string; after: Record<string, unknown> }>(
      await h.db.execute(sql`
        select action, entity_id, after from audit_events
        where organization_id = ${orgId} and action in ('membership.created', 'team.created', 'cycle.created')`),
    );
    const afterOf = (action: string, id: string) =>
      rows.filter((r) => r.action === action && r.entity_id === id).map((r) => r.after);

    const people = await allPeople();
    for (const person of people) expect(afterOf("membership.created", person.userId)).toEqual([person]);
    const teams = (await h.ok("GET", `/api/orgs/${slug}/teams?limit=200`, { as: owner })).items;
    for (const team of teams.filter((t: { kind: string }) => t.kind !== "company")) {
      expect(afterOf("team.created", team.id)).toEqual([team]);
    }
    const company = teams.find((t: { kind: string }) => t.kind === "company");
    expect(afterOf("team.created", company.id)).toHaveLength(1);
    const cycles = (await h.ok("GET", `/api/orgs/${slug}/cycles`, { as: owner })).items;
    expect(cycles).toHaveLength(4); // two closed quarters, the running one and the next
    // A cycle was made in planning (docs/as-of.md); its later moves are events of their own.
    for (const cycle of cycles) {
      expect(afterOf("cycle.created", cycle.id)).toEqual([{ ...cycle, state: "planning" }]);
    }
  });

  it("records its creation in the audit log", async () => {
    const events = await h.ok("GET", `/api/orgs/${slug}/audit?entityType=organization`, { as: owner });
    expect(events.items.map((e: { action: string }) => e.action)).toContain("organization.demo_seeded");
  });
});

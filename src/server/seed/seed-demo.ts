import type { Queryable } from "../../db/client.ts";
import { longStatements } from "../../db/pg-pool.ts";
import { addDays, todayIn } from "../../domain/dates.ts";
import { fiscalQuartersAround, fiscalStartMonthForQuarterIn } from "../../domain/fiscal-cycles.ts";
import type { Actor, Deps } from "../context.ts";
import { recordAudit, recordAuditMany } from "../repositories/audit-repository.ts";
import { insertCycles } from "../repositories/catalog-repository.ts";
import { allPeople } from "../repositories/people-repository.ts";
import type { BackdatedAuditEvent } from "../repositories/seed/audit-seed-repository.ts";
import {
  insertAccountsWithoutPasswords,
  insertMemberships,
  insertTeamMembers,
  setManagers,
} from "../repositories/seed/people-seed-repository.ts";
import { refreshPlannerStatistics } from "../repositories/seed/statistics-repository.ts";
import { allTeams, insertTeam } from "../repositories/team-repository.ts";
import { createOrganizationIn, cycleCreated } from "../services/organization-service.ts";
import { presentPerson } from "../services/people-service.ts";
import { presentTeam } from "../services/team-service.ts";
import type { PersonRef } from "./demo-okrs.ts";
import {
  type DemoTeam,
  demoCompanyName,
  demoTimeZone,
  demoTree,
  firstNames,
  lastNames,
  titlesByKind,
} from "./demo-structure.ts";
import { dateDemoStructure } from "./demo-structure-dates.ts";
import { seedDemoHealthKpis } from "./seed-health-kpis.ts";
import { seedDemoPromotions } from "./seed-kpi-promotions.ts";
import { seedDemoKpis } from "./seed-kpis.ts";
import { seedDemoOkrs } from "./seed-okrs.ts";
import { seedDemoStrategyMap } from "./seed-strategy-map.ts";

/** Deterministic pseudo-random numbers, so every demo looks the same (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The demo's running quarter is 5–10 weeks in on the day it is created (its story is told
 * over about seven weeks), so the demo's fiscal year starts in a month that makes it so;
 * its quarters are then the fiscal quarters that KPI quarters use, under the same names.
 */
export const DEMO_QUARTER_DAYS_IN = { minDays: 35, maxDays: 70, preferredDays: 49 };

type PlannedPerson = {
  userId?: string;
  name: string;
  email: string;
  title: string;
  managerIndex: number | null;
};
type PlannedTeam = {
  id?: string;
  def: DemoTeam;
  parentIndex: number | null;
  leadIndex: number;
  memberIndexes: number[];
};

/**
 * Plans people and teams from the demo tree: each team has a lead who reports to the
 * parent team's lead, and members who report to their team's lead.
 */
export function planDemo(domain: string, ownerIndex = 0) {
  const random = seededRandom(20261123);
  const people: PlannedPerson[] = [];
  const teamPlans: PlannedTeam[] = [];
  const usedNames = new Set<string>();
  const newPerson = (title: string, managerIndex: number | null) => {
    let name = "";
    for (let attempt = 0; attempt < 50; attempt++) {
      name = `${firstNames[Math.floor(random() * firstNames.length)]} ${lastNames[Math.floor(random() * lastNames.length)]}`;
      if (!usedNames.has(name)) break;
    }
    usedNames.add(name);
    const local = name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z ]/g, "")
      .replace(/ +/g, ".");
    people.push({ name, email: `${local}@${domain}`, title, managerIndex });
    return people.length - 1;
  };
  const visit = (def: DemoTeam, parentIndex: number | null, parentLead: number | null) => {
    const titles = titlesByKind[def.kind] ?? titlesByKind.squad!;
    const leadIndex =
      parentIndex === null ? ownerIndex : newPerson(`${titles.lead}, ${def.name}`, parentLead);
    const memberIndexes = [leadIndex];
    for (let i = 0; i < def.size; i++) {
      memberIndexes.push(newPerson(titles.member[i % titles.member.length]!, leadIndex));
    }
    teamPlans.push({ def, parentIndex, leadIndex, memberIndexes });
    const myIndex = teamPlans.length - 1;
    for (const child of def.children ?? []) visit(child, myIndex, leadIndex);
  };
  // The owner (index 0) is the CEO; reserve their slot before walking the tree.
  people.push({ name: "", email: "", title: titlesByKind.company!.lead, managerIndex: null });
  visit(demoTree, null, null);
  return { people, teams: teamPlans };
}

export type DemoPlan = ReturnType<typeof planDemo>;

/**
 * Finds the demo's people and teams by the names its declarations use ("Warehousing" is
 * the team's lead, "Warehousing#2" its second member), once the plan has ids. A name
 * that matches nobody is a mistake in the declarations: it throws, naming the part of
 * the demo (`part`) that made it.
 */
export function demoRefs(plan: DemoPlan, part: string) {
  const teamsByName = new Map(plan.teams.map((t) => [t.def.name, t]));
  const person = (ref: PersonRef): string => {
    const [name, member] = ref.split("#") as [string, string | undefined];
    const team = teamsByName.get(name);
    const index = team?.memberIndexes[member === undefined ? 0 : Number(member)];
    const userId = index === undefined ? undefined : plan.people[index]?.userId;
    if (!userId) throw new Error(`${part}: nobody is "${ref}"`);
    return userId;
  };
  const teamId = (name: string): string => {
    const id = teamsByName.get(name)?.id;
    if (!id) throw new Error(`${part}: no team "${name}"`);
    return id;
  };
  return { person, teamId };
}

/** An audit event as the demo writes it: by the demo's owner, dated when it would have happened. */
export type DemoAuditEvent = (
  when: Date,
  action: string,
  entityType: string,
  entityId: string,
  entityLabel: string,
  before: unknown,
  after: unknown,
) => BackdatedAuditEvent;

/**
 * Audit events by `actor`, backdated to when the demo's story has each change happen, with
 * before and after as the JSON the audit log keeps (dates as strings).
 */
export function demoAuditEvents(actor: Actor): DemoAuditEvent {
  return (when, action, entityType, entityId, entityLabel, before, after) => ({
    organizationId: actor.organizationId,
    at: when,
    actorUserId: actor.userId,
    actorTokenId: null,
    actorLabel: actor.label,
    action,
    entityType,
    entityId,
    entityLabel,
    before: before === null ? null : JSON.parse(JSON.stringify(before)),
    after: JSON.parse(JSON.stringify(after)),
    requestId: actor.requestId,
  });
}

/**
 * Creates the demo organisation with the given person as its owner (and CEO). Dates are
 * relative to today: the active quarter is a fiscal quarter 5–10 weeks in.
 */
export async function seedDemoOrganization(
  tx: Queryable,
  deps: Deps,
  owner: { userId: string; name: string },
  requestId: string,
) {
  // Hundreds of statements, some over whole histories: a slow disk must not cut it short.
  await longStatements(tx, deps.engine, deps.config.longStatementTimeoutMs);
  const today = todayIn(demoTimeZone, deps.now());
  // What this seeding writes from here on; its structure is dated back to the story's start.
  const writtenSince = new Date(Math.min(deps.now().getTime(), Date.now()) - 60_000);
  const fiscalYearStartMonth = fiscalStartMonthForQuarterIn(today, DEMO_QUARTER_DAYS_IN);
  const quarters = fiscalQuartersAround(today, fiscalYearStartMonth);
  // The quarter before last, closed too: two closed quarters are what the coach needs to see
  // a team that always scores 1.0 (the `sandbagging` finding).
  const earlier = fiscalQuartersAround(addDays(quarters.previous.startsOn, -1), fiscalYearStartMonth).current;
  const { org, actor, companyTeamId } = await createOrganizationIn(
    tx,
    deps,
    { name: demoCompanyName, timeZone: demoTimeZone, weekStart: 1, fiscalYearStartMonth, isDemo: true },
    owner,
    requestId,
    { generateCycles: false, ownerTitle: titlesByKind.company!.lead },
  );
  const plan = planDemo(`${org.slug}.example`);
  plan.people[0]!.userId = owner.userId;
  const newUserIds = await insertAccountsWithoutPasswords(tx, plan.people.slice(1));
  newUserIds.forEach((id, i) => {
    plan.people[i + 1]!.userId = id;
  });
  await insertMemberships(
    tx,
    org.id,
    plan.people.slice(1).map((p) => ({ userId: p.userId!, role: "member" as const, title: p.title })),
  );
  await setManagers(
    tx,
    org.id,
    plan.people
      .slice(1)
      .filter((p) => p.managerIndex !== null)
      .map((p) => ({ userId: p.userId!, managerUserId: plan.people[p.managerIndex!]!.userId! })),
  );

  plan.teams[0]!.id = companyTeamId;
  for (const t of plan.teams.slice(1)) {
    t.id = await insertTeam(tx, {
      organizationId: org.id,
      name: t.def.name,
      kind: t.def.kind,
      methodology: t.def.methodology,
      parentId: plan.teams[t.parentIndex!]!.id!,
      leadUserId: plan.people[t.leadIndex]!.userId!,
    });
  }
  // The owner is already a member of the company team (createOrganizationIn adds the lead).
  await insertTeamMembers(
    tx,
    org.id,
    plan.teams.flatMap((t) =>
      t.memberIndexes.map((i) => ({ teamId: t.id!, userId: plan.people[i]!.userId! })),
    ),
  );

  // Audit events for everything created above, with the full entities as they stand
  // now (managers and team members included): one statement per kind, not per row.
  const people = await allPeople(tx, org.id);
  await recordAuditMany(
    tx,
    actor,
    people
      .filter((p) => p.userId !== owner.userId) // audited by createOrganizationIn
      .map((p) => ({
        action: "membership.created",
        entityType: "membership",
        entityId: p.userId,
        entityLabel: p.name,
        after: presentPerson(p),
      })),
  );
  const teamRows = await allTeams(tx, org.id, true);
  await recordAuditMany(tx, actor, [
    ...teamRows
      .filter((t) => t.id !== companyTeamId) // audited by createOrganizationIn
      .map((t) => ({
        action: "team.created",
        entityType: "team",
        entityId: t.id,
        entityLabel: t.name,
        after: presentTeam(t),
      })),
    // The company team existed before its members joined, as when members are added by hand.
    ...plan.teams[0]!.memberIndexes.filter((i) => i !== 0).map((i) => ({
      action: "team.member_added",
      entityType: "team",
      entityId: companyTeamId,
      entityLabel: org.name,
      after: { userId: plan.people[i]!.userId! },
    })),
  ]);

  const cycleRows = await insertCycles(
    tx,
    (
      [
        [earlier, "closed"],
        [quarters.previous, "closed"],
        [quarters.current, "active"],
        [quarters.next, "planning"],
      ] as const
    ).map(([quarter, state]) => ({
      organizationId: org.id,
      kind: "quarter" as const,
      name: quarter.name,
      startsOn: quarter.startsOn,
      endsOn: quarter.endsOn,
      state,
    })),
  );
  const currentStart = quarters.current.startsOn;

  await recordAuditMany(tx, actor, cycleRows.map(cycleCreated));

  await recordAudit(tx, actor, {
    action: "organization.demo_seeded",
    entityType: "organization",
    entityId: org.id,
    entityLabel: org.name,
    after: { people: plan.people.length, teams: plan.teams.length, activeCycleStartsOn: currentStart },
  });
  await seedDemoOkrs(tx, deps, actor, plan);
  await seedDemoKpis(tx, deps, actor, plan);
  await seedDemoStrategyMap(tx, actor, deps.now());
  await seedDemoPromotions(tx, deps, actor);
  // Health KPIs link both halves, so they come last.
  await seedDemoHealthKpis(tx, deps, actor);
  const cycleOf = (name: string) => cycleRows.find((c) => c.name === name)!;
  await dateDemoStructure(
    tx,
    actor,
    {
      closed: [cycleOf(earlier.name), cycleOf(quarters.previous.name)],
      current: cycleOf(quarters.current.name),
    },
    demoTimeZone,
    writtenSince,
  );
  // The planner's statistics for what was just loaded (see refreshPlannerStatistics).
  await refreshPlannerStatistics(tx);
  return org;
}

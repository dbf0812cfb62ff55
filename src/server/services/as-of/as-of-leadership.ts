/**
 * The leadership home as it was at the end of a past day (docs/as-of.md): the cycle
 * running then, its Objectives and KRs as they stood, judged on that day from the
 * check-ins known then; the KPI strip from values known then; the escalations and flags
 * unresolved then. The teams are today's tree; linter findings are today's findings of
 * the Objectives shown.
 */
import type { z } from "zod";
import { todayIn } from "../../../domain/dates.ts";
import { type CheckInDue, checkInDue, type WeekStart } from "../../../domain/okr/check-in-due.ts";
import { teamHealth } from "../../../domain/okr/team-health.ts";
import { fieldError } from "../../../shared/errors.ts";
import type {
  LeadershipEscalationsSchema,
  LeadershipFlagsSchema,
  LeadershipHomeSchema,
  LeadershipKpiSchema,
  LeadershipOverdueCheckInsSchema,
} from "../../../shared/schemas/leadership.ts";
import type { OkrStatus } from "../../../shared/schemas/okrs.ts";
import type { Actor, Deps } from "../../context.ts";
import { mayReadObjectiveText, teamStandingMatters } from "../../policies/okr-policy.ts";
import { escalationsOpenAt, flagsOpenAt } from "../../repositories/as-of-repository.ts";
import { headlineKpis, type LeadershipKeyResultRow } from "../../repositories/leadership-repository.ts";
import { teamsWorkedOnBy } from "../../repositories/strategy-repository.ts";
import { DETAIL_POINTS } from "../kpi/kpi-presenter.ts";
import { countsForHealth, teamRows } from "../leadership/leadership-home-service.ts";
import { findingsList } from "../leadership/leadership-lists.ts";
import type { JudgedObjective } from "../leadership/leadership-okrs.ts";
import {
  type LeadershipFilters,
  type LeadershipScope,
  leadershipScope,
} from "../leadership/leadership-scope.ts";
import {
  judgeKeyResult,
  judgeObjective,
  type OkrClock,
  RESTRICTED_KEY_RESULT_TITLE,
  RESTRICTED_TITLE,
} from "../okr/okr-presenter.ts";
import { cadenceOf } from "../okr/stored-judgements.ts";
import { type AsOf, resolveAsOf } from "./as-of-date.ts";
import { cyclesAsOf, defaultCycleAsOf, type KpiAsOf, kpisAsOf, objectivesAsOf } from "./as-of-definitions.ts";
import { kpiCardsAsOf } from "./as-of-kpis.ts";

type Home = z.infer<typeof LeadershipHomeSchema>;
type StripKpi = z.infer<typeof LeadershipKpiSchema>;
type HealthStatus = Exclude<OkrStatus, "draft">;
type ListName = "escalations" | "flags" | "findings" | "overdue-check-ins";

/** A KR as it stood, judged that day; `cadence` is null unless a weekly check-in was expected of it. */
type KeyResultAsOf = LeadershipKeyResultRow & { status: OkrStatus; cadence: CheckInDue | null };
/**
 * An Objective as it stood, judged that day: the home's shape (whose check-in tallies
 * today's reads take from stored judgements) with the KRs the tallies and lists come from.
 */
type ObjectiveAsOf = JudgedObjective & { keyResults: KeyResultAsOf[] };

/**
 * The scope as leaders see it today (authorised, filters checked, before the date is),
 * with the cycle and clock of that day.
 */
async function scopeAsOf(deps: Deps, actor: Actor, filters: LeadershipFilters, date: string) {
  const today = await leadershipScope(deps, actor, filters);
  const asOf = await resolveAsOf(deps, actor, date);
  const cycles = await cyclesAsOf(deps, actor, asOf.at, asOf.date);
  const cycle = filters.cycleId
    ? (cycles.find((c) => c.id === filters.cycleId) ?? null)
    : defaultCycleAsOf(cycles, asOf.date);
  if (filters.cycleId && !cycle) throw fieldError("cycleId", `did not exist yet on ${asOf.date}`);
  const scope: LeadershipScope = { ...today, cycle, clock: asOf.clock };
  return { asOf, scope };
}

/** The cycle's Objectives in scope as they stood, judged on that day. */
async function judgedAsOf(deps: Deps, actor: Actor, scope: LeadershipScope, asOf: AsOf) {
  const cycle = scope.cycle;
  if (!cycle) return [];
  const rows = (await objectivesAsOf(deps, actor, cycle.id, asOf.at)).filter(
    (o): o is typeof o & { teamId: string } =>
      o.teamId !== null &&
      scope.teamIds.has(o.teamId) &&
      (scope.themeId === null || o.themeId === scope.themeId),
  );
  const needed =
    actor.userId !== null && rows.some((o) => o.visibility === "team" && teamStandingMatters(actor, o));
  const worked =
    needed && actor.userId ? await teamsWorkedOnBy(deps.db, actor.organizationId, actor.userId) : new Set();
  const clock = scope.clock;
  const running = cycle.state === "active";
  return rows.map((o): ObjectiveAsOf => {
    const keyResults = o.keyResults.map((kr) => {
      const judged = judgeKeyResult(kr, o.state, cycle, clock);
      const cadence =
        running && o.state === "active"
          ? cadenceOf(kr, cycle.startsOn, clock, actor.weekStart as WeekStart)
          : null;
      return { ...kr, status: judged.status, cadence, judged };
    });
    const verdict = judgeObjective(
      o.state,
      keyResults.map((k) => ({
        progress: k.judged.progress,
        weight: k.weight,
        status: k.judged.status,
        commitment: k.commitment,
        activeFrom: k.activeFrom,
      })),
      cycle,
      clock,
    );
    const { keyResults: _krs, ...objective } = o;
    const cadences = keyResults.flatMap((k) => (k.cadence ? [k.cadence] : []));
    return {
      ...objective,
      teamId: o.teamId,
      status: verdict.status,
      progress: verdict.progress,
      expectedProgress: verdict.expectedProgress,
      readable: mayReadObjectiveText(actor, o, { worksOnTeam: worked.has(o.teamId) }),
      checkInsExpected: cadences.length,
      checkInsDone: cadences.filter((c) => !c.due).length,
      checkInsOverdue: cadences.filter((c) => c.overdue).length,
      keyResults: keyResults.map(({ judged: _judged, ...k }): KeyResultAsOf => k),
    };
  });
}

/** The KPIs of the organisation active then, of the theme when one is asked for. */
async function activeKpisAsOf(deps: Deps, actor: Actor, scope: LeadershipScope, asOf: AsOf) {
  return (await kpisAsOf(deps, actor, asOf.at)).filter(
    (k) => k.kpi.state === "active" && (scope.themeId === null || k.kpi.themeId === scope.themeId),
  );
}

/** The strip as it read then: today's chosen headlines, else the company's KPIs and the red ones. */
async function stripAsOf(
  deps: Deps,
  actor: Actor,
  scope: LeadershipScope,
  asOf: AsOf,
  kpis: KpiAsOf[],
): Promise<{ source: "chosen" | "default"; items: StripKpi[] }> {
  const byId = new Map(kpis.map((k) => [k.kpi.id, k]));
  const chosen = (await headlineKpis(deps.db, actor.organizationId)).flatMap((h) => {
    const k = byId.get(h.id);
    return k ? [k] : [];
  });
  if (chosen.length > 0) {
    const cards = await kpiCardsAsOf(deps, actor, asOf, chosen, DETAIL_POINTS);
    return { source: "chosen", items: cards.map((card) => ({ ...card, reason: "headline" })) };
  }
  const roots = new Set(scope.rootTeamIds);
  const company = kpis.filter((k) => roots.has(k.kpi.teamId));
  const inScope = kpis.filter((k) => !roots.has(k.kpi.teamId) && scope.teamIds.has(k.kpi.teamId));
  const cards = await kpiCardsAsOf(deps, actor, asOf, [...company, ...inScope], DETAIL_POINTS);
  const companyIds = new Set(company.map((k) => k.kpi.id));
  const key = (k: StripKpi) => `${k.name.toLowerCase()}\u0000${k.id}`;
  const byName = (a: StripKpi, b: StripKpi) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  return {
    source: "default",
    items: [
      ...cards
        .filter((c) => companyIds.has(c.id))
        .map((c): StripKpi => ({ ...c, reason: "company" }))
        .sort(byName),
      ...cards
        .filter((c) => !companyIds.has(c.id) && c.current.status === "red")
        .map((c): StripKpi => ({ ...c, reason: "red" }))
        .sort(byName),
    ],
  };
}

/** Escalations of the KPIs in scope (as they stood) unresolved then, newest first. */
async function escalationsAsOf(
  deps: Deps,
  actor: Actor,
  scope: LeadershipScope,
  asOf: AsOf,
  kpis: KpiAsOf[],
): Promise<z.infer<typeof LeadershipEscalationsSchema>["items"]> {
  const inScope = new Map(
    kpis.filter((k) => scope.teamIds.has(k.kpi.teamId)).map((k) => [k.kpi.id, k] as const),
  );
  const rows = await escalationsOpenAt(deps.db, actor.organizationId, [...inScope.keys()], asOf.at);
  return rows.map((r) => {
    const k = inScope.get(r.kpiId)!;
    return {
      id: r.id,
      kpiId: r.kpiId,
      kpiName: k.kpi.name,
      state: r.state,
      reason: r.reason,
      openedAt: r.openedAt.toISOString(),
      teamId: k.kpi.teamId,
      teamName: scope.teamNames.get(k.kpi.teamId) ?? k.teamName,
    };
  });
}

/** Flags on the KRs shown that were raised by then and not yet closed, newest first. */
async function flagsAsOf(
  deps: Deps,
  actor: Actor,
  scope: LeadershipScope,
  asOf: AsOf,
  objectives: ObjectiveAsOf[],
): Promise<z.infer<typeof LeadershipFlagsSchema>["items"]> {
  const krs = new Map(objectives.flatMap((o) => o.keyResults.map((k) => [k.id, { o, k }] as const)));
  const rows = await flagsOpenAt(deps.db, actor.organizationId, [...krs.keys()], asOf.at);
  return rows.map((r) => {
    const { o, k } = krs.get(r.keyResultId)!;
    return {
      flagId: r.flagId,
      keyResultId: k.id,
      keyResultTitle: o.readable ? k.title : RESTRICTED_KEY_RESULT_TITLE,
      objectiveId: o.id,
      objectiveTitle: o.readable ? o.title : RESTRICTED_TITLE,
      ownerName: k.ownerName,
      raisedAt: new Date(r.raisedAt).toISOString(),
      teamId: o.teamId,
      teamName: scope.teamNames.get(o.teamId) ?? null,
    };
  });
}

/** KRs that had been silent for more than 7 days that day, longest silent first. */
function overdueAsOf(
  scope: LeadershipScope,
  objectives: ObjectiveAsOf[],
): z.infer<typeof LeadershipOverdueCheckInsSchema>["items"] {
  const items = objectives.flatMap((o) =>
    o.keyResults
      .filter((k) => k.cadence?.overdue)
      .map((k) => ({
        keyResultId: k.id,
        keyResultTitle: o.readable ? k.title : RESTRICTED_KEY_RESULT_TITLE,
        objectiveId: o.id,
        objectiveTitle: o.readable ? o.title : RESTRICTED_TITLE,
        ownerName: k.ownerName,
        lastCheckInAt: k.lastCheckInAt?.toISOString() ?? null,
        daysSinceLastCheckIn: k.cadence?.daysSinceLastCheckIn ?? null,
        teamId: o.teamId,
        teamName: scope.teamNames.get(o.teamId) ?? null,
      })),
  );
  // Never checked in counts as the longest silence.
  const silence = (i: (typeof items)[number]) => i.daysSinceLastCheckIn ?? Number.MAX_SAFE_INTEGER;
  return items.sort((a, b) => silence(b) - silence(a) || (a.keyResultId < b.keyResultId ? -1 : 1));
}

/** GET /leadership-home?asOf=…: the home as it was at the end of that day. */
export async function asOfLeadershipHome(
  deps: Deps,
  actor: Actor,
  filters: LeadershipFilters,
  date: string,
): Promise<Home> {
  const { asOf, scope } = await scopeAsOf(deps, actor, filters, date);
  const [objectives, kpis] = await Promise.all([
    judgedAsOf(deps, actor, scope, asOf),
    activeKpisAsOf(deps, actor, scope, asOf),
  ]);
  const [escalations, flags, findings, strip] = await Promise.all([
    escalationsAsOf(deps, actor, scope, asOf, kpis),
    flagsAsOf(deps, actor, scope, asOf, objectives),
    findingsList(deps, actor, scope, objectives),
    stripAsOf(deps, actor, scope, asOf, kpis),
  ]);
  const counted = objectives.filter(countsForHealth);
  return {
    cycle: scope.cycle,
    scope: { teamId: scope.teamId, themeId: scope.themeId, wholeOrganization: scope.wholeOrganization },
    overall: teamHealth(counted.map((o) => o.status as HealthStatus)).overall,
    teams: teamRows(scope, objectives),
    kpis: strip,
    counts: {
      openEscalations: { count: escalations.length, list: "escalations" },
      flaggedKeyResults: { count: flags.length, list: "flags" },
      lintFindings: { count: findings.length, list: "findings" },
      overdueCheckIns: { count: overdueAsOf(scope, objectives).length, list: "overdue-check-ins" },
    },
  };
}

/** The lists behind the counts, as of that day. */
export async function asOfLeadershipList(
  deps: Deps,
  actor: Actor,
  filters: LeadershipFilters,
  list: ListName,
  date: string,
) {
  const { asOf, scope } = await scopeAsOf(deps, actor, filters, date);
  if (list === "escalations") {
    return {
      items: await escalationsAsOf(deps, actor, scope, asOf, await activeKpisAsOf(deps, actor, scope, asOf)),
    };
  }
  const objectives = await judgedAsOf(deps, actor, scope, asOf);
  if (list === "flags") return { items: await flagsAsOf(deps, actor, scope, asOf, objectives) };
  if (list === "findings") return { items: await findingsList(deps, actor, scope, objectives) };
  return { items: overdueAsOf(scope, objectives) };
}

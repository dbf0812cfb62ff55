/**
 * The leadership home (docs/leadership-home.md): OKR health per team for a cycle, the KPI
 * strip, and the counts of open escalations, flagged KRs, linter findings and overdue
 * check-ins in scope, each the length of the list its own endpoint answers.
 */

import type { z } from "zod";
import { teamHealth } from "../../../domain/okr/team-health.ts";
import type { LeadershipHomeSchema, LeadershipTeamRowSchema } from "../../../shared/schemas/leadership.ts";
import type { OkrStatus } from "../../../shared/schemas/okrs.ts";
import type { Actor, Deps } from "../../context.ts";
import { groupBy } from "../okr/okr-presenter.ts";
import { kpiStrip } from "./leadership-kpis.ts";
import { escalationsList, findingsCount, findingsList, flagsList, overdueList } from "./leadership-lists.ts";
import { type JudgedObjective, judgedObjectivesInScope } from "./leadership-okrs.ts";
import { type LeadershipFilters, type LeadershipScope, leadershipScope } from "./leadership-scope.ts";

type Home = z.infer<typeof LeadershipHomeSchema>;
type TeamRow = z.infer<typeof LeadershipTeamRowSchema>;

export async function leadershipHome(deps: Deps, actor: Actor, filters: LeadershipFilters): Promise<Home> {
  const scope = await leadershipScope(deps, actor, filters);
  const objectives = await judgedObjectivesInScope(deps, actor, scope);
  const [escalations, flags, findings, strip] = await Promise.all([
    escalationsList(deps, actor, scope),
    flagsList(deps, actor, scope, objectives),
    findingsCount(deps, actor, scope, objectives),
    kpiStrip(deps, actor, scope),
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
      lintFindings: { count: findings, list: "findings" },
      overdueCheckIns: {
        count: objectives.reduce((n, o) => n + o.checkInsOverdue, 0),
        list: "overdue-check-ins",
      },
    },
  };
}

type HealthStatus = Exclude<OkrStatus, "draft">;

/** Team health counts a team's own active and closed Objectives (docs/okr-status.md), not drafts. */
export function countsForHealth(o: JudgedObjective): boolean {
  return o.state !== "draft" && o.status !== "draft";
}

export function teamRows(scope: LeadershipScope, objectives: JudgedObjective[]): TeamRow[] {
  const byTeam = groupBy(objectives.filter(countsForHealth), (o) => o.teamId);
  return scope.teams.map((team) => {
    const own = byTeam.get(team.id) ?? [];
    const health = teamHealth(own.map((o) => o.status as HealthStatus));
    const paced = own.filter((o) => o.progress !== null);
    const mean = (values: number[]) =>
      values.length === 0 ? null : round4(values.reduce((a, b) => a + b, 0) / values.length);
    const sum = (of: (o: JudgedObjective) => number) => own.reduce((n, o) => n + of(o), 0);
    return {
      teamId: team.id,
      name: team.name,
      parentId: team.parentId,
      depth: team.depth,
      methodology: team.methodology,
      overall: health.overall,
      objectives: health.total,
      counts: {
        not_started: health.counts.not_started,
        on_track: health.counts.on_track,
        at_risk: health.counts.at_risk,
        off_track: health.counts.off_track,
        stale: health.counts.stale,
      },
      // Roll-ups clamp each Objective's progress to 0–1, so one overachiever hides nobody.
      progress: mean(paced.map((o) => Math.min(1, Math.max(0, o.progress ?? 0)))),
      expectedProgress: mean(paced.map((o) => o.expectedProgress)),
      checkIns: { expected: sum((o) => o.checkInsExpected), done: sum((o) => o.checkInsDone) },
    };
  });
}

function round4(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

/** The lists behind the counts, each with the home's filters. */
export async function leadershipList(
  deps: Deps,
  actor: Actor,
  filters: LeadershipFilters,
  list: "escalations" | "flags" | "findings" | "overdue-check-ins",
) {
  const scope = await leadershipScope(deps, actor, filters);
  if (list === "escalations") return { items: await escalationsList(deps, actor, scope) };
  const objectives = await judgedObjectivesInScope(deps, actor, scope);
  if (list === "flags") return { items: await flagsList(deps, actor, scope, objectives) };
  if (list === "findings") return { items: await findingsList(deps, actor, scope, objectives) };
  return { items: await overdueList(deps, actor, scope, objectives) };
}

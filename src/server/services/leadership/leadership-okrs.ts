/**
 * The OKR side of the leadership home, read once per request for the whole scope: the
 * cycle's Objectives with their stored judgements (status, progress, pace and their KRs'
 * weekly check-in tallies; services/okr/stored-judgements.ts brings them up to today first,
 * with the presenter's rules), and whether the reader may read each Objective's text.
 */
import type { OkrStatus } from "../../../shared/schemas/okrs.ts";
import type { Actor, Deps } from "../../context.ts";
import { mayReadObjectiveText, teamStandingMatters } from "../../policies/okr-policy.ts";
import { judgedObjectivesOfCycle } from "../../repositories/judgement-repository.ts";
import type { LeadershipObjectiveRow } from "../../repositories/leadership-repository.ts";
import { teamsWorkedOnBy } from "../../repositories/strategy-repository.ts";
import { refreshStatuses } from "../okr/stored-judgements.ts";
import type { LeadershipScope } from "./leadership-scope.ts";

export type JudgedObjective = LeadershipObjectiveRow & {
  teamId: string;
  status: OkrStatus;
  progress: number | null;
  expectedProgress: number;
  readable: boolean;
  /** Live KRs a weekly check-in is expected of today (an active Objective in a running cycle). */
  checkInsExpected: number;
  /** Of those, checked in this week. */
  checkInsDone: number;
  /** Live KRs silent for more than 7 days. */
  checkInsOverdue: number;
};

/**
 * The cycle's live Objectives of the teams in scope (and of the theme), drafts included,
 * judged. Objectives of no team (personal ones) belong to no team's row, so the home leaves
 * them out everywhere, counts and lists alike.
 */
export async function judgedObjectivesInScope(
  deps: Deps,
  actor: Actor,
  scope: LeadershipScope,
): Promise<JudgedObjective[]> {
  const cycle = scope.cycle;
  if (!cycle) return [];
  await refreshStatuses(deps, actor, cycle);
  const rows = (await judgedObjectivesOfCycle(deps.db, actor.organizationId, cycle.id)).filter(
    (o): o is typeof o & { teamId: string } =>
      o.teamId !== null &&
      scope.teamIds.has(o.teamId) &&
      (scope.themeId === null || o.themeId === scope.themeId),
  );
  const mayRead = await readingRights(deps, actor, rows);
  return rows.map(({ teamName: _teamName, ...o }) => ({
    ...o,
    status: o.status as OkrStatus,
    readable: mayRead(o),
  }));
}

/** Team-visible text follows the OKR policy; the teams the reader works on are read once. */
async function readingRights(deps: Deps, actor: Actor, rows: LeadershipObjectiveRow[]) {
  const needed =
    actor.userId !== null && rows.some((o) => o.visibility === "team" && teamStandingMatters(actor, o));
  const worked =
    needed && actor.userId
      ? await teamsWorkedOnBy(deps.db, actor.organizationId, actor.userId)
      : new Set<string>();
  return (o: LeadershipObjectiveRow) =>
    mayReadObjectiveText(actor, o, { worksOnTeam: o.teamId !== null && worked.has(o.teamId) });
}

/**
 * The OKR side of the leadership home, read once per request for the whole scope: the
 * cycle's Objectives and KRs judged exactly as everywhere else (the presenter's
 * judgeKeyResult and judgeObjective), the weekly check-in cadence of each KR, and whether
 * the reader may read each Objective's text.
 */
import { todayIn } from "../../../domain/dates.ts";
import { type CheckInDue, checkInDue, type WeekStart } from "../../../domain/okr/check-in-due.ts";
import type { OkrStatus } from "../../../shared/schemas/okrs.ts";
import type { Actor, Deps } from "../../context.ts";
import { mayReadObjectiveText, teamStandingMatters } from "../../policies/okr-policy.ts";
import {
  cycleObjectives,
  keyResultFactsOf,
  type LeadershipKeyResultRow,
  type LeadershipObjectiveRow,
} from "../../repositories/leadership-repository.ts";
import { teamsWorkedOnBy } from "../../repositories/strategy-repository.ts";
import { checkInsExpectedSince } from "../okr/check-in-service.ts";
import { groupBy, judgeKeyResult, judgeObjective, type OkrClock } from "../okr/okr-presenter.ts";
import type { LeadershipScope } from "./leadership-scope.ts";

export type JudgedKeyResult = LeadershipKeyResultRow & {
  status: OkrStatus;
  /**
   * Null unless a weekly check-in is expected of it today: its Objective is active in a
   * running (active) cycle and the day check-ins became due has come.
   */
  cadence: CheckInDue | null;
};

export type JudgedObjective = LeadershipObjectiveRow & {
  teamId: string;
  status: OkrStatus;
  progress: number | null;
  expectedProgress: number;
  readable: boolean;
  keyResults: JudgedKeyResult[];
};

/**
 * The cycle's live Objectives of the teams in scope (and of the theme), drafts included,
 * with their KRs judged. Objectives of no team (personal ones) belong to no team's row, so
 * the home leaves them out everywhere, counts and lists alike.
 */
export async function judgedObjectivesInScope(
  deps: Deps,
  actor: Actor,
  scope: LeadershipScope,
): Promise<JudgedObjective[]> {
  const cycle = scope.cycle;
  if (!cycle) return [];
  const rows = (await cycleObjectives(deps.db, actor.organizationId, cycle.id)).filter(
    (o): o is LeadershipObjectiveRow & { teamId: string } =>
      o.teamId !== null &&
      scope.teamIds.has(o.teamId) &&
      (scope.themeId === null || o.themeId === scope.themeId),
  );
  const krRows = await keyResultFactsOf(
    deps.db,
    actor.organizationId,
    rows.map((o) => o.id),
  );
  const krsByObjective = groupBy(krRows, (k) => k.objectiveId);
  const mayRead = await readingRights(deps, actor, rows);
  const { clock } = scope;
  const running = cycle.state === "active";
  return rows.map((o) => {
    const keyResults = (krsByObjective.get(o.id) ?? []).map(
      (kr): JudgedKeyResult & { judged: ReturnType<typeof judgeKeyResult> } => {
        const judged = judgeKeyResult(kr, o.state, cycle, clock);
        const cadence =
          running && o.state === "active"
            ? cadenceOf(kr, cycle.startsOn, clock, actor.weekStart as WeekStart)
            : null;
        return { ...kr, status: judged.status, cadence, judged };
      },
    );
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
    return {
      ...o,
      status: verdict.status,
      progress: verdict.progress,
      expectedProgress: verdict.expectedProgress,
      readable: mayRead(o),
      keyResults: keyResults.map(({ judged: _judged, ...k }) => k),
    };
  });
}

/** The KR's weekly cadence today, or null before its check-ins are expected. */
function cadenceOf(
  kr: LeadershipKeyResultRow,
  cycleStartsOn: string,
  clock: OkrClock,
  weekStart: WeekStart,
): CheckInDue | null {
  // The day a KR was added only matters when its activation day is unknown.
  const addedOn = kr.activeFrom === null ? todayIn(clock.timeZone, kr.createdAt) : undefined;
  const expectedSince = checkInsExpectedSince(cycleStartsOn, addedOn, kr.activeFrom);
  if (clock.today < expectedSince) return null;
  return checkInDue({
    today: clock.today,
    weekStart,
    lastCheckInOn: kr.lastCheckInAt ? todayIn(clock.timeZone, kr.lastCheckInAt) : null,
    expectedSince,
  });
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

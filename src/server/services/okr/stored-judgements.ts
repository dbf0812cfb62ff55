/**
 * Stored judgements (docs/ARCHITECTURE.md "Stored judgements"): the statuses and linter
 * findings whole-organisation views read instead of recomputing per request. Triggers mark
 * a stored judgement stale in the transaction that changes what it was judged from
 * (migration 0016); these functions, called by a reader before it aggregates, re-judge every
 * stale row of a cycle, and every row judged for an earlier day, in one batch with the very
 * rules the OKR presenter and the linter use. So a read is always as correct as today's
 * recompute, and a quiet cycle costs one indexed check per read.
 */
import { todayIn } from "../../../domain/dates.ts";
import { type CheckInDue, checkInDue, type WeekStart } from "../../../domain/okr/check-in-due.ts";
import type { Actor, Deps } from "../../context.ts";
import {
  type KeyResultJudgementWrite,
  lintCycleToJudge,
  lockJudging,
  type ObjectiveJudgementWrite,
  objectiveStatesOf,
  objectivesToJudge,
  type StoredFindingWrite,
  writeJudgements,
  writeLintFindings,
} from "../../repositories/judgement-repository.ts";
import { keyResultFactsOf, type LeadershipKeyResultRow } from "../../repositories/leadership-repository.ts";
import { selectObjectivesForLint } from "../../repositories/lint-dismissal-repository.ts";
import { checkInsExpectedSince } from "./check-in-service.ts";
import { findingsOf } from "./lint-service.ts";
import { groupBy, judgeKeyResult, judgeObjective, type OkrClock, okrClock } from "./okr-presenter.ts";

export type JudgedCycle = {
  id: string;
  state: "planning" | "active" | "grading" | "closed";
  startsOn: string;
  endsOn: string;
};

/**
 * One Objective and its live KRs judged as the presenter judges them, with each KR's weekly
 * check-in cadence today (null unless a check-in is expected of it: an active Objective in a
 * running cycle, on or after the day check-ins became due).
 */
export function judgeObjectiveAndKeyResults(
  objective: { id: string; state: "draft" | "active" | "closed" },
  keyResults: LeadershipKeyResultRow[],
  cycle: JudgedCycle,
  clock: OkrClock,
  weekStart: WeekStart,
) {
  const running = cycle.state === "active" && objective.state === "active";
  const judged = keyResults.map((kr) => {
    const verdict = judgeKeyResult(kr, objective.state, cycle, clock);
    return { kr, verdict, cadence: running ? cadenceOf(kr, cycle.startsOn, clock, weekStart) : null };
  });
  const verdict = judgeObjective(
    objective.state,
    judged.map(({ kr, verdict: v }) => ({
      progress: v.progress,
      weight: kr.weight,
      status: v.status,
      commitment: kr.commitment,
      activeFrom: kr.activeFrom,
    })),
    cycle,
    clock,
  );
  return { verdict, keyResults: judged };
}

/** The KR's weekly cadence on the clock's day, or null before its check-ins are expected. */
export function cadenceOf(
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

/**
 * Brings the cycle's stored statuses up to today: the Objectives (and their KRs) whose row is
 * missing, stale or judged for another day are judged in one batch. Concurrent readers of the
 * same cycle wait for one batch instead of each judging it.
 */
export async function refreshStatuses(deps: Deps, actor: Actor, cycle: JudgedCycle): Promise<void> {
  const clock = okrClock(deps, actor);
  const org = actor.organizationId;
  if ((await objectivesToJudge(deps.db, org, cycle.id, clock.today)).length === 0) return;
  await deps.db.transaction(async (tx) => {
    await lockJudging(tx, "statuses", cycle.id);
    const due = await objectivesToJudge(tx, org, cycle.id, clock.today);
    if (due.length === 0) return;
    const ids = due.map((d) => d.id);
    const [states, krRows] = await Promise.all([
      objectiveStatesOf(tx, org, ids),
      keyResultFactsOf(tx, org, ids),
    ]);
    const krsByObjective = groupBy(krRows, (k) => k.objectiveId);
    const stateOf = new Map(states.map((s) => [s.id, s.state]));
    const objectives: ObjectiveJudgementWrite[] = [];
    const keyResults: KeyResultJudgementWrite[] = [];
    for (const { id, generation } of due) {
      const state = stateOf.get(id);
      if (!state) continue;
      const judged = judgeObjectiveAndKeyResults(
        { id, state },
        krsByObjective.get(id) ?? [],
        cycle,
        clock,
        actor.weekStart as WeekStart,
      );
      const cadences = judged.keyResults.flatMap((k) => (k.cadence ? [k.cadence] : []));
      objectives.push({
        id,
        generation,
        status: judged.verdict.status,
        progress: judged.verdict.progress,
        expectedProgress: judged.verdict.expectedProgress,
        checkInsExpected: cadences.length,
        checkInsDone: cadences.filter((c) => !c.due).length,
        checkInsOverdue: cadences.filter((c) => c.overdue).length,
      });
      for (const { kr, verdict, cadence } of judged.keyResults)
        keyResults.push({
          id: kr.id,
          objectiveId: id,
          status: verdict.status,
          progress: verdict.progress,
          checkInDue: cadence ? cadence.due : null,
          checkInOverdue: cadence ? cadence.overdue : null,
          daysSinceLastCheckIn: cadence ? cadence.daysSinceLastCheckIn : null,
        });
    }
    await writeJudgements(tx, org, cycle.id, clock.today, objectives, keyResults);
  });
}

/**
 * Brings the cycle's stored linter findings up to date: when anything the linter reads in the
 * cycle changed, or they were linted on another day, the cycle is linted again in one batch,
 * as an admin sees it (readers who may not read every Objective get them computed for them).
 */
export async function refreshFindings(deps: Deps, actor: Actor, cycleId: string): Promise<void> {
  const today = okrClock(deps, actor).today;
  const org = actor.organizationId;
  if (!(await lintCycleToJudge(deps.db, org, cycleId, today))) return;
  await deps.db.transaction(async (tx) => {
    await lockJudging(tx, "findings", cycleId);
    const due = await lintCycleToJudge(tx, org, cycleId, today);
    if (!due) return;
    const rows = await selectObjectivesForLint(tx, org, { cycleId, teamId: null });
    const seeing: Actor = { ...actor, role: "admin" };
    const findings = await findingsOf(tx, seeing, rows);
    const writes: StoredFindingWrite[] = rows.flatMap((row) =>
      (findings.get(row.id) ?? []).map((f, position) => ({
        objectiveId: row.id,
        position,
        keyResultId: f.keyResultId,
        rule: f.rule,
        severity: f.severity,
        message: f.message,
      })),
    );
    await writeLintFindings(
      tx,
      org,
      cycleId,
      today,
      due.generation,
      rows.map((r) => r.id),
      writes,
    );
  });
}

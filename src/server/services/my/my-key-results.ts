/**
 * The KRs a person answers for this week: those they own or contribute to on active
 * Objectives of active cycles, presented as everywhere else (progress, status,
 * confidence, `can`), with the weekly check-in rule of docs/okr-status.md.
 */
import { addDays, todayIn } from "../../../domain/dates.ts";
import { checkInDue, type WeekStart } from "../../../domain/okr/check-in-due.ts";
import type { KeyResult } from "../../../shared/schemas/okrs.ts";
import type { Actor, Deps } from "../../context.ts";
import { objectiveIdsWithKeyResultsOf } from "../../repositories/check-in-repository.ts";
import { selectObjectives } from "../../repositories/okr-repository.ts";
import { checkInsExpectedSince, keyResultsAddedOn } from "../okr/check-in-service.ts";
import { okrClock } from "../okr/okr-presenter.ts";
import { presentObjectives } from "../okr/present-objectives.ts";

export type MyKeyResult = {
  objective: { id: string; title: string; teamName: string | null; cycleId: string };
  cycleName: string;
  keyResult: KeyResult;
  checkIn: { due: boolean; overdue: boolean; dueOn: string; nextDueOn: string };
};

/** The person's running KRs, in the order their Objectives are shown (drafts and grading left out). */
export async function myRunningKeyResults(deps: Deps, actor: Actor, userId: string): Promise<MyKeyResult[]> {
  const ids = await objectiveIdsWithKeyResultsOf(deps.db, actor.organizationId, userId);
  if (ids.length === 0) return [];
  const rows = await selectObjectives(deps.db, actor.organizationId, {
    ids,
    liveOnly: true,
    states: ["active"],
    cycleStates: ["active"],
  });
  if (rows.length === 0) return [];
  const clock = okrClock(deps, actor);
  const presented = await presentObjectives(deps.db, actor, clock, rows);
  const addedOn = await keyResultsAddedOn(
    deps.db,
    actor,
    clock.timeZone,
    rows.map((r) => r.objective.id),
  );
  const startsOn = new Map(rows.map((r) => [r.objective.id, r.cycleStartsOn]));
  return presented.flatMap((o) =>
    o.keyResults
      .filter((k) => !k.archived && (k.ownerUserId === userId || k.contributorUserIds.includes(userId)))
      .map((k) => {
        const due = checkInDue({
          today: clock.today,
          weekStart: actor.weekStart as WeekStart,
          lastCheckInOn: k.lastCheckInAt ? todayIn(clock.timeZone, new Date(k.lastCheckInAt)) : null,
          expectedSince: checkInsExpectedSince(
            startsOn.get(o.id) ?? clock.today,
            addedOn.get(k.id),
            k.activeFrom,
          ),
        });
        return {
          objective: { id: o.id, title: o.title, teamName: o.teamName, cycleId: o.cycleId },
          cycleName: o.cycleName,
          keyResult: k,
          checkIn: {
            due: due.due,
            overdue: due.overdue,
            dueOn: due.dueBy,
            nextDueOn: due.due ? due.dueBy : addDays(due.dueBy, 7),
          },
        };
      }),
  );
}

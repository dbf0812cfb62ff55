import { and, eq, inArray, isNull } from "drizzle-orm";
import { cycles, objectives } from "../../../db/schema.ts";
import { todayIn } from "../../../domain/dates.ts";
import { checkInDue, type WeekStart } from "../../../domain/okr/check-in-due.ts";
import { notFound } from "../../../shared/errors.ts";
import type { Actor, Deps } from "../../context.ts";
import { authorize } from "../../policies/org-policy.ts";
import { selectObjectives } from "../../repositories/okr-repository.ts";
import { findTeam } from "../../repositories/team-repository.ts";
import { checkInsExpectedSince, keyResultsAddedOn } from "./check-in-service.ts";
import { okrClock, presentObjectives } from "./okr-presenter.ts";

/**
 * For a team's lead: the team's KRs in running cycles whose weekly check-in is overdue
 * (more than 7 days without one), most overdue first, with their owners.
 */
export async function overdueCheckIns(deps: Deps, actor: Actor, teamId: string) {
  authorize(actor, "read");
  const team = await findTeam(deps.db, actor.organizationId, teamId);
  if (!team) throw notFound("That team");
  const running = await deps.db
    .select({ id: cycles.id })
    .from(cycles)
    .where(and(eq(cycles.organizationId, actor.organizationId), eq(cycles.state, "active")));
  if (running.length === 0) return { items: [] };
  const rows = await selectObjectives(deps.db, actor.organizationId, [
    eq(objectives.teamId, teamId),
    isNull(objectives.archivedAt),
    eq(objectives.state, "active"),
    inArray(
      objectives.cycleId,
      running.map((c) => c.id),
    ),
  ]);
  const clock = okrClock(deps, actor);
  const presented = await presentObjectives(deps.db, actor, clock, rows);
  const addedOn = await keyResultsAddedOn(
    deps.db,
    actor,
    clock.timeZone,
    rows.map((r) => r.objective.id),
  );
  const items = presented.flatMap((o) => {
    const row = rows.find((r) => r.objective.id === o.id)!;
    return o.keyResults.flatMap((k) => {
      const due = checkInDue({
        today: clock.today,
        weekStart: actor.weekStart as WeekStart,
        lastCheckInOn: k.lastCheckInAt ? todayIn(clock.timeZone, new Date(k.lastCheckInAt)) : null,
        expectedSince: checkInsExpectedSince(row.cycleStartsOn, addedOn.get(k.id), k.activeFrom),
      });
      if (!due.overdue) return [];
      return [
        {
          objective: { id: o.id, title: o.title },
          keyResult: { id: k.id, title: k.title, ownerUserId: k.ownerUserId, ownerName: k.ownerName },
          lastCheckInAt: k.lastCheckInAt,
          daysSinceLastCheckIn: due.daysSinceLastCheckIn,
        },
      ];
    });
  });
  items.sort((a, b) => (b.daysSinceLastCheckIn ?? 0) - (a.daysSinceLastCheckIn ?? 0));
  return { items };
}

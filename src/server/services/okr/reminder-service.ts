import { todayIn } from "../../../domain/dates.ts";
import { checkInDue, type WeekStart } from "../../../domain/okr/check-in-due.ts";
import { roleAtLeast } from "../../../domain/roles.ts";
import { AppError, notFound } from "../../../shared/errors.ts";
import type { TeamCheckIn as TeamCheckInItem } from "../../../shared/schemas/okr-reviews.ts";
import type { Actor, Deps } from "../../context.ts";
import { leadsTeamOrAbove } from "../../repositories/kpi-access-repository.ts";
import { selectObjectives } from "../../repositories/okr-repository.ts";
import { findTeam } from "../../repositories/team-repository.ts";
import { checkInsExpectedSince, keyResultsAddedOn } from "./check-in-service.ts";
import { okrClock } from "./okr-presenter.ts";
import { presentObjectives } from "./present-objectives.ts";

/**
 * Who follows a team's check-ins: its lead, the leads of the teams above it, and the
 * organisation's admins and owners (docs/okr-status.md). Asked before anything is looked
 * up, so nobody else learns whether the team exists.
 */
async function requireTeamLead(deps: Deps, actor: Actor, teamId: string) {
  if (roleAtLeast(actor.role, "admin")) return;
  if (actor.userId && (await leadsTeamOrAbove(deps.db, actor.organizationId, teamId, actor.userId))) return;
  throw new AppError(
    "forbidden",
    "Only the team's lead, the leads of the teams above it and admins can follow its check-ins.",
  );
}

/**
 * For a team's leads: every KR of the team's active Objectives in active cycles with
 * whether its weekly check-in is due and whether it is overdue (more than 7 days without
 * one). Overdue first (longest silent first), then due, then the rest, each by owner.
 */
export async function teamCheckIns(
  deps: Deps,
  actor: Actor,
  teamId: string,
): Promise<{ items: TeamCheckInItem[] }> {
  await requireTeamLead(deps, actor, teamId);
  const team = await findTeam(deps.db, actor.organizationId, teamId);
  if (!team) throw notFound("That team");
  const rows = await selectObjectives(deps.db, actor.organizationId, {
    teamId,
    liveOnly: true,
    states: ["active"],
    cycleStates: ["active"],
  });
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
    return o.keyResults.map((k): TeamCheckInItem => {
      const due = checkInDue({
        today: clock.today,
        weekStart: actor.weekStart as WeekStart,
        lastCheckInOn: k.lastCheckInAt ? todayIn(clock.timeZone, new Date(k.lastCheckInAt)) : null,
        expectedSince: checkInsExpectedSince(row.cycleStartsOn, addedOn.get(k.id), k.activeFrom),
      });
      return {
        objective: { id: o.id, title: o.title, cycleId: o.cycleId },
        keyResult: {
          id: k.id,
          title: k.title,
          ownerUserId: k.ownerUserId,
          ownerName: k.ownerName,
          status: k.status,
          lastConfidence: k.lastConfidence,
        },
        lastCheckInAt: k.lastCheckInAt,
        daysSinceLastCheckIn: due.daysSinceLastCheckIn,
        due: due.due,
        overdue: due.overdue,
      };
    });
  });
  const rank = (i: TeamCheckInItem) => (i.overdue ? 0 : i.due ? 1 : 2);
  // Never checked in counts as the longest silence.
  const silence = (i: TeamCheckInItem) => i.daysSinceLastCheckIn ?? Number.MAX_SAFE_INTEGER;
  items.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      silence(b) - silence(a) ||
      byText((a.keyResult.ownerName ?? "").toLowerCase(), (b.keyResult.ownerName ?? "").toLowerCase()) ||
      byText(a.keyResult.id, b.keyResult.id),
  );
  return { items };
}

/** Code-point order: the same on every machine, whatever its locale data. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * For a team's leads: the team's KRs in running cycles whose weekly check-in is overdue
 * (more than 7 days without one), most overdue first, with their owners.
 */
export async function overdueCheckIns(deps: Deps, actor: Actor, teamId: string) {
  const { items } = await teamCheckIns(deps, actor, teamId);
  return {
    items: items
      .filter((i) => i.overdue)
      .map((i) => ({
        objective: { id: i.objective.id, title: i.objective.title },
        keyResult: {
          id: i.keyResult.id,
          title: i.keyResult.title,
          ownerUserId: i.keyResult.ownerUserId,
          ownerName: i.keyResult.ownerName,
        },
        lastCheckInAt: i.lastCheckInAt,
        daysSinceLastCheckIn: i.daysSinceLastCheckIn,
      })),
  };
}

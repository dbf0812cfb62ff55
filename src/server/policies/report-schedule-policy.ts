import { roleAtLeast } from "../../domain/roles.ts";
import { AppError } from "../../shared/errors.ts";
import type { Actor } from "../context.ts";

/**
 * Who may schedule reports by email (docs/reports.md, "Scheduled reports"): admins any
 * report, the whole organisation's too; a team lead the reports of the teams they lead and
 * the teams below them, as they manage those teams' KPIs and floors. Members who lead
 * nothing, viewers and service tokens (no person who could lead) may not. Every copy is
 * drawn with its recipient's own rights, so scheduling shows nobody more than they may see.
 */
export function mayManageReportSchedule(
  actor: Actor,
  teamId: string | null,
  ledTeamIds: ReadonlySet<string>,
): boolean {
  if (roleAtLeast(actor.role, "admin")) return true;
  if (!roleAtLeast(actor.role, "member") || !actor.userId) return false;
  return teamId !== null && ledTeamIds.has(teamId);
}

/** Whether the actor could manage any schedule at all: admins, or members who lead a team. */
export function mayListReportSchedules(actor: Actor): boolean {
  return roleAtLeast(actor.role, "member") && (roleAtLeast(actor.role, "admin") || actor.userId !== null);
}

export const reportSchedulesForbidden = (teamId: string | null) =>
  new AppError(
    "forbidden",
    teamId === null
      ? "Only admins can schedule reports of the whole organisation; leads schedule their own team's."
      : "Only admins and the leads of this team (or of a team above it) can schedule its reports.",
  );

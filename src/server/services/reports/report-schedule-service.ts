/**
 * Report schedules: a consolidated report (a team subtree or the whole organisation, the
 * running cycle) emailed weekly or monthly to chosen members (docs/reports.md). Admins
 * manage every schedule; a lead those of the teams they lead and below. Sending is
 * services/email/report-mail.ts.
 */
import { randomUUID } from "node:crypto";
import type { Queryable } from "../../../db/client.ts";
import { changedFields } from "../../../domain/no-op.ts";
import { roleAtLeast } from "../../../domain/roles.ts";
import { AppError, fieldError, notFound, versionConflict } from "../../../shared/errors.ts";
import type { ReportSchedule } from "../../../shared/schemas/report-schedules.ts";
import type { Actor, Deps } from "../../context.ts";
import {
  mayListReportSchedules,
  mayManageReportSchedule,
  reportSchedulesForbidden,
} from "../../policies/report-schedule-policy.ts";
import { recordAudit } from "../../repositories/audit-repository.ts";
import { teamsLedBy } from "../../repositories/kpi-access-repository.ts";
import {
  activeRecipients,
  countReportSchedules,
  deleteReportSchedule,
  findReportSchedule,
  insertReportSchedule,
  listReportSchedules,
  MAX_REPORT_SCHEDULES,
  type ReportScheduleRow,
  updateReportSchedule,
} from "../../repositories/report-schedule-repository.ts";
import { findTeam } from "../../repositories/team-repository.ts";

type Frequency = "weekly" | "monthly";
type Format = "pdf" | "csv";

export function presentSchedule(s: ReportScheduleRow): ReportSchedule {
  return {
    id: s.id,
    teamId: s.teamId,
    frequency: s.frequency,
    format: s.format,
    recipientUserIds: s.recipientUserIds,
    createdByUserId: s.createdByUserId,
    version: s.version,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a schedule: all of it but the bookkeeping. */
const audited = (s: ReportScheduleRow) => ({
  teamId: s.teamId,
  frequency: s.frequency,
  format: s.format,
  recipientUserIds: s.recipientUserIds,
});

const labelOf = (s: { frequency: Frequency; format: Format }, teamName: string | null) =>
  `${s.frequency} ${s.format.toUpperCase()} report of ${teamName ?? "the whole organisation"}`;

/** The teams a lead may schedule for; admins need no list (they may schedule any). */
async function ledTeams(q: Queryable, actor: Actor): Promise<ReadonlySet<string>> {
  if (roleAtLeast(actor.role, "admin") || !actor.userId || !roleAtLeast(actor.role, "member")) {
    return new Set();
  }
  return teamsLedBy(q, actor.organizationId, actor.userId);
}

function requireList(actor: Actor) {
  if (!mayListReportSchedules(actor)) {
    throw new AppError(
      "forbidden",
      `Your role (${actor.role}) does not allow you to schedule reports. Ask an admin of ${actor.orgName}.`,
    );
  }
}

/** The team a schedule reports on, checked: of this organisation and not archived. */
async function checkedTeam(q: Queryable, actor: Actor, teamId: string | null): Promise<string | null> {
  if (teamId === null) return null;
  const team = await findTeam(q, actor.organizationId, teamId);
  if (!team) throw fieldError("teamId", "is not a team of this organisation");
  if (team.archivedAt) throw fieldError("teamId", `${team.name} is archived`);
  return team.name;
}

/**
 * Refuses recipients who are not active members; `kept` are ids already on the schedule,
 * not checked again (a person who left stays listed until someone takes them off, and
 * is skipped at sending). Returns the ids in one order, so a reordered list is no edit.
 */
async function checkedRecipients(
  q: Queryable,
  actor: Actor,
  ids: readonly string[],
  kept: readonly string[] = [],
): Promise<string[]> {
  const fresh = ids.filter((id) => !kept.includes(id));
  const members = new Set((await activeRecipients(q, actor.organizationId, fresh)).map((m) => m.userId));
  const outsiders = fresh.filter((id) => !members.has(id));
  if (outsiders.length > 0) {
    throw fieldError(
      "recipientUserIds",
      `${outsiders.join(", ")} ${outsiders.length === 1 ? "is not an active member" : "are not active members"} of this organisation`,
    );
  }
  return [...ids].sort();
}

async function teamNameOf(q: Queryable, organizationId: string, teamId: string | null) {
  return teamId ? ((await findTeam(q, organizationId, teamId))?.name ?? null) : null;
}

export async function listReportSchedulesFor(deps: Deps, actor: Actor): Promise<{ items: ReportSchedule[] }> {
  requireList(actor);
  const led = await ledTeams(deps.db, actor);
  const rows = await listReportSchedules(deps.db, actor.organizationId);
  return {
    items: rows.filter((s) => mayManageReportSchedule(actor, s.teamId, led)).map(presentSchedule),
  };
}

/** A schedule the actor may manage; another's is "not found", as if it were not there. */
async function existing(q: Queryable, actor: Actor, id: string, led: ReadonlySet<string>) {
  const found = await findReportSchedule(q, actor.organizationId, id);
  if (!found) throw notFound("That report schedule");
  if (!mayManageReportSchedule(actor, found.teamId, led)) throw reportSchedulesForbidden(found.teamId);
  return found;
}

export async function getReportScheduleFor(deps: Deps, actor: Actor, id: string): Promise<ReportSchedule> {
  requireList(actor);
  return presentSchedule(await existing(deps.db, actor, id, await ledTeams(deps.db, actor)));
}

export async function createReportScheduleFor(
  deps: Deps,
  actor: Actor,
  input: { teamId: string | null; frequency: Frequency; format: Format; recipientUserIds: string[] },
): Promise<ReportSchedule> {
  requireList(actor);
  return deps.db.transaction(async (tx) => {
    const teamName = await checkedTeam(tx, actor, input.teamId);
    if (!mayManageReportSchedule(actor, input.teamId, await ledTeams(tx, actor))) {
      throw reportSchedulesForbidden(input.teamId);
    }
    const recipientUserIds = await checkedRecipients(tx, actor, input.recipientUserIds);
    if ((await countReportSchedules(tx, actor.organizationId)) >= MAX_REPORT_SCHEDULES) {
      throw new AppError(
        "conflict",
        `An organisation has at most ${MAX_REPORT_SCHEDULES} report schedules; delete one first.`,
      );
    }
    const row = await insertReportSchedule(tx, {
      organizationId: actor.organizationId,
      id: randomUUID(),
      teamId: input.teamId,
      frequency: input.frequency,
      format: input.format,
      recipientUserIds,
      createdByUserId: actor.userId,
      // Keel's clock: whether the first period is sent depends on when the schedule began.
      createdAt: deps.now(),
    });
    await recordAudit(tx, actor, {
      action: "report_schedule.created",
      entityType: "report_schedule",
      entityId: row.id,
      entityLabel: labelOf(row, teamName),
      after: audited(row),
    });
    return presentSchedule(row);
  });
}

export async function updateReportScheduleFor(
  deps: Deps,
  actor: Actor,
  id: string,
  input: {
    version: number;
    teamId?: string | null | undefined;
    frequency?: Frequency | undefined;
    format?: Format | undefined;
    recipientUserIds?: string[] | undefined;
  },
): Promise<ReportSchedule> {
  requireList(actor);
  return deps.db.transaction(async (tx) => {
    const led = await ledTeams(tx, actor);
    const before = await existing(tx, actor, id, led);
    const { version, ...patch } = input;
    if (version !== before.version) throw versionConflict("The report schedule");
    if (patch.teamId !== undefined && patch.teamId !== before.teamId) {
      await checkedTeam(tx, actor, patch.teamId);
      if (!mayManageReportSchedule(actor, patch.teamId, led)) throw reportSchedulesForbidden(patch.teamId);
    }
    if (patch.recipientUserIds) {
      patch.recipientUserIds = await checkedRecipients(
        tx,
        actor,
        patch.recipientUserIds,
        before.recipientUserIds,
      );
    }
    if (changedFields(patch, before).length === 0) return presentSchedule(before);
    const after = await updateReportSchedule(tx, actor.organizationId, id, version, patch);
    if (!after) throw versionConflict("The report schedule");
    await recordAudit(tx, actor, {
      action: "report_schedule.updated",
      entityType: "report_schedule",
      entityId: id,
      entityLabel: labelOf(after, await teamNameOf(tx, actor.organizationId, after.teamId)),
      before: audited(before),
      after: audited(after),
    });
    return presentSchedule(after);
  });
}

export async function deleteReportScheduleFor(deps: Deps, actor: Actor, id: string): Promise<ReportSchedule> {
  requireList(actor);
  return deps.db.transaction(async (tx) => {
    const before = await existing(tx, actor, id, await ledTeams(tx, actor));
    if (!(await deleteReportSchedule(tx, actor.organizationId, id))) throw notFound("That report schedule");
    await recordAudit(tx, actor, {
      action: "report_schedule.deleted",
      entityType: "report_schedule",
      entityId: id,
      entityLabel: labelOf(before, await teamNameOf(tx, actor.organizationId, before.teamId)),
      before: audited(before),
    });
    return presentSchedule(before);
  });
}

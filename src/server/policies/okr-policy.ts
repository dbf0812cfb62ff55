import type { Queryable } from "../../db/client.ts";
import { roleAtLeast } from "../../domain/roles.ts";
import { AppError } from "../../shared/errors.ts";
import type { Actor } from "../context.ts";
import { canWorkOnTeam } from "../repositories/okr-repository.ts";

/**
 * Who may change an Objective and its KRs (PRODUCT.md defaults): admins any; members
 * those of teams they belong to or lead (directly or above); a personal Objective its
 * owner. Viewers never.
 */
export async function mayEditObjective(
  q: Queryable,
  actor: Actor,
  objective: { teamId: string | null; ownerUserId: string | null },
): Promise<boolean> {
  if (roleAtLeast(actor.role, "admin")) return true;
  if (!roleAtLeast(actor.role, "member") || !actor.userId) return false;
  if (objective.teamId === null) return objective.ownerUserId === actor.userId;
  return canWorkOnTeam(q, actor.organizationId, objective.teamId, actor.userId);
}

export async function requireEditObjective(
  q: Queryable,
  actor: Actor,
  objective: { teamId: string | null; ownerUserId: string | null },
) {
  if (!(await mayEditObjective(q, actor, objective))) {
    throw new AppError(
      "forbidden",
      objective.teamId
        ? "Only members and leads of this Objective's team (and admins) can change it."
        : "Only the owner of a personal Objective (and admins) can change it.",
    );
  }
}

/**
 * Who may check in on a KR: its owner and contributors, and whoever may edit its
 * Objective (a lead checking in for someone on leave).
 */
export async function mayCheckIn(
  q: Queryable,
  actor: Actor,
  kr: { ownerUserId: string | null; contributorUserIds: string[] },
  objective: { teamId: string | null; ownerUserId: string | null },
): Promise<boolean> {
  if (!roleAtLeast(actor.role, "member")) return false;
  if (actor.userId && (kr.ownerUserId === actor.userId || kr.contributorUserIds.includes(actor.userId)))
    return true;
  return mayEditObjective(q, actor, objective);
}

/** Team-visible Objectives are readable by the team, its leads above, and admins. */
export async function mayReadObjectiveText(
  q: Queryable,
  actor: Actor,
  objective: { visibility: "organization" | "team"; teamId: string | null; ownerUserId: string | null },
): Promise<boolean> {
  if (objective.visibility === "organization") return true;
  if (roleAtLeast(actor.role, "admin")) return true;
  if (!actor.userId) return false;
  if (objective.ownerUserId === actor.userId) return true;
  return objective.teamId !== null && canWorkOnTeam(q, actor.organizationId, objective.teamId, actor.userId);
}

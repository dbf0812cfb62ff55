import { roleAtLeast } from "../../domain/roles.ts";
import { AppError } from "../../shared/errors.ts";
import type { Actor } from "../context.ts";

/**
 * Where the person stands towards an Objective's team, loaded by the caller: a member of
 * the team, or the lead of it or of a team above it.
 */
export type TeamStanding = { worksOnTeam: boolean };

/** For callers that need not ask: no team, or the answer cannot depend on it. */
export const OUTSIDE_TEAM: TeamStanding = { worksOnTeam: false };

/**
 * Whether the actor's place in the team tree can change an answer below: admins may do
 * everything anyway, and a service token has no person to place.
 */
export function teamStandingMatters(actor: Actor, objective: { teamId: string | null }): boolean {
  return objective.teamId !== null && actor.userId !== null && !roleAtLeast(actor.role, "admin");
}

/**
 * Who may change an Objective and its KRs (PRODUCT.md defaults): admins any; members
 * those of teams they belong to or lead (directly or above); a personal Objective its
 * owner. Viewers never.
 */
export function mayEditObjective(
  actor: Actor,
  objective: { teamId: string | null; ownerUserId: string | null },
  standing: TeamStanding,
): boolean {
  if (roleAtLeast(actor.role, "admin")) return true;
  if (!roleAtLeast(actor.role, "member") || !actor.userId) return false;
  if (objective.teamId === null) return objective.ownerUserId === actor.userId;
  return standing.worksOnTeam;
}

export function requireEditObjective(
  actor: Actor,
  objective: { teamId: string | null; ownerUserId: string | null },
  standing: TeamStanding,
): void {
  if (!mayEditObjective(actor, objective, standing)) {
    throw new AppError(
      "forbidden",
      objective.teamId
        ? "Only members and leads of this Objective's team (and admins) can change it."
        : "Only the owner of a personal Objective (and admins) can change it.",
    );
  }
}

/** Whether the person is the KR's owner or one of its contributors. */
export function isKeyResultPerson(
  actor: Actor,
  kr: { ownerUserId: string | null; contributorUserIds: string[] },
): boolean {
  return (
    actor.userId !== null && (kr.ownerUserId === actor.userId || kr.contributorUserIds.includes(actor.userId))
  );
}

/**
 * Who may check in on a KR: its owner and contributors, and whoever may edit its
 * Objective (a lead checking in for someone on leave).
 */
export function mayCheckIn(
  actor: Actor,
  kr: { ownerUserId: string | null; contributorUserIds: string[] },
  objective: { teamId: string | null; ownerUserId: string | null },
  standing: TeamStanding,
): boolean {
  if (!roleAtLeast(actor.role, "member")) return false;
  if (isKeyResultPerson(actor, kr)) return true;
  return mayEditObjective(actor, objective, standing);
}

/** Team-visible Objectives are readable by the team, its leads above, and admins. */
export function mayReadObjectiveText(
  actor: Actor,
  objective: { visibility: "organization" | "team"; teamId: string | null; ownerUserId: string | null },
  standing: TeamStanding,
): boolean {
  if (objective.visibility === "organization") return true;
  if (roleAtLeast(actor.role, "admin")) return true;
  if (!actor.userId) return false;
  if (objective.ownerUserId === actor.userId) return true;
  return objective.teamId !== null && standing.worksOnTeam;
}

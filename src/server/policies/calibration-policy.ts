import { may } from "../../domain/roles.ts";
import type { Actor } from "../context.ts";

/**
 * A person's confidence calibration is about how they judge their own work: it is shown
 * to them, to their manager (for the 1:1) and to the organisation's admins, nobody else.
 */
export function mayReadPersonCalibration(
  actor: Actor,
  person: { userId: string; managerUserId: string | null },
) {
  if (may(actor.role, "manage_people")) return true;
  return actor.userId !== null && (actor.userId === person.userId || actor.userId === person.managerUserId);
}

/** A team's calibration (its Objectives' KRs together): its leads, leads above it, and admins. */
export function mayReadTeamCalibration(actor: Actor, standing: { leadsTeamOrAbove: boolean }) {
  return may(actor.role, "manage_people") || standing.leadsTeamOrAbove;
}

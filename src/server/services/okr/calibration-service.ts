import { calibrate } from "../../../domain/okr/confidence-calibration.ts";
import { forbidden, notFound } from "../../../shared/errors.ts";
import type { ConfidenceCalibration } from "../../../shared/schemas/confidence-calibration.ts";
import type { Actor, Deps } from "../../context.ts";
import { mayReadPersonCalibration, mayReadTeamCalibration } from "../../policies/calibration-policy.ts";
import { authorize } from "../../policies/org-policy.ts";
import {
  gradedPredictionsOfOwner,
  gradedPredictionsOfTeam,
  membershipOf,
} from "../../repositories/calibration-repository.ts";
import { leadsTeamOrAbove } from "../../repositories/kpi-access-repository.ts";
import { findTeam } from "../../repositories/team-repository.ts";

type Rows = Array<{ finalScore: number | null; meanConfidence: number }>;
const predictions = (rows: Rows) =>
  rows
    .filter((r) => r.finalScore !== null)
    .map((r) => ({ finalScore: r.finalScore as number, meanConfidence: r.meanConfidence }));

/** How well a person's confidence predicted their KRs' final scores (self, manager, admins). */
export async function personCalibration(
  deps: Deps,
  actor: Actor,
  userId: string,
): Promise<ConfidenceCalibration> {
  authorize(actor, "read");
  const membership = await membershipOf(deps.db, actor.organizationId, userId);
  if (!membership) throw notFound("That person");
  if (!mayReadPersonCalibration(actor, { userId, managerUserId: membership.managerUserId })) {
    throw forbidden(
      "A person's confidence calibration is shown to them, their manager and the organisation's admins.",
    );
  }
  return calibrate(predictions(await gradedPredictionsOfOwner(deps.db, actor.organizationId, userId)));
}

/** The same for a team's own Objectives (its leads, leads above it, admins). */
export async function teamCalibration(
  deps: Deps,
  actor: Actor,
  teamId: string,
): Promise<ConfidenceCalibration> {
  authorize(actor, "read");
  const team = await findTeam(deps.db, actor.organizationId, teamId);
  if (!team) throw notFound("That team");
  const standing = {
    leadsTeamOrAbove:
      actor.userId !== null && (await leadsTeamOrAbove(deps.db, actor.organizationId, teamId, actor.userId)),
  };
  if (!mayReadTeamCalibration(actor, standing)) {
    throw forbidden("A team's confidence calibration is shown to its leads, the leads above it and admins.");
  }
  return calibrate(predictions(await gradedPredictionsOfTeam(deps.db, actor.organizationId, teamId)));
}

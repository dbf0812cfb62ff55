/** A team's OKR health on its page: the word of docs/okr-status.md, from its Objectives. */
import { teamHealth } from "../../../domain/okr/team-health.ts";
import { notFound } from "../../../shared/errors.ts";
import type { TeamHealthOut } from "../../../shared/schemas/okr-reviews.ts";
import type { Actor, Deps } from "../../context.ts";
import { authorize } from "../../policies/org-policy.ts";
import { findCycle } from "../../repositories/catalog-repository.ts";
import { selectObjectives } from "../../repositories/okr-repository.ts";
import { findTeam } from "../../repositories/team-repository.ts";
import { okrClock } from "./okr-presenter.ts";
import { presentObjectives } from "./present-objectives.ts";

/**
 * The team's health in a cycle from the statuses of its own Objectives there. Drafts
 * (not yet committed to) and archived Objectives do not count; team-visible ones do, as in
 * every roll-up, whoever asks.
 */
export async function teamHealthOf(
  deps: Deps,
  actor: Actor,
  teamId: string,
  cycleId: string,
): Promise<TeamHealthOut> {
  authorize(actor, "read");
  const [team, cycle] = await Promise.all([
    findTeam(deps.db, actor.organizationId, teamId),
    findCycle(deps.db, actor.organizationId, cycleId),
  ]);
  if (!team) throw notFound("That team");
  if (!cycle) throw notFound("That cycle");
  const rows = await selectObjectives(deps.db, actor.organizationId, {
    teamId,
    cycleId,
    liveOnly: true,
    states: ["active", "closed"],
  });
  const presented = await presentObjectives(deps.db, actor, okrClock(deps, actor), rows);
  // Drafts are left out above; the filter only tells the type so.
  const statuses = presented.map((o) => o.status).filter((s) => s !== "draft");
  const health = teamHealth(statuses);
  return { teamId, cycleId, ...health };
}

import type { z } from "zod";
import type { Queryable } from "../../../db/client.ts";
import type { StrategyMapSchema } from "../../../shared/schemas/strategy.ts";
import type { Actor, Deps } from "../../context.ts";
import { mayReadObjectiveText, teamStandingMatters } from "../../policies/okr-policy.ts";
import { storedStatusesOf } from "../../repositories/judgement-repository.ts";
import type { StrategyObjectiveRow } from "../../repositories/strategy-repository.ts";
import { teamsWorkedOnBy } from "../../repositories/strategy-repository.ts";
import { RESTRICTED_TITLE } from "../okr/okr-presenter.ts";
import { type JudgedCycle, refreshStatuses } from "../okr/stored-judgements.ts";

export type StrategyObjective = z.infer<typeof StrategyMapSchema>["objectives"][number];

/**
 * A cycle's Objectives with progress and status as Keel judges them everywhere: the stored
 * judgements (services/okr/stored-judgements.ts brings them up to today first, with the OKR
 * presenter's rules). Team-visible Objectives the reader may not read keep their numbers and
 * lose their text, as in every roll-up.
 */
export async function judgeStrategicObjectives(
  deps: Deps,
  actor: Actor,
  cycle: JudgedCycle,
  rows: StrategyObjectiveRow[],
): Promise<StrategyObjective[]> {
  await refreshStatuses(deps, actor, cycle);
  const [mayRead, judged] = await Promise.all([
    readingRights(deps.db, actor, rows),
    storedStatusesOf(deps.db, actor.organizationId, cycle.id),
  ]);
  return rows.map((o) => {
    const verdict = judged.get(o.id);
    const restricted = !mayRead(o);
    return {
      id: o.id,
      themeId: o.themeId,
      title: restricted ? RESTRICTED_TITLE : o.title,
      teamId: o.teamId,
      teamName: o.teamName,
      state: o.state,
      progress: verdict?.progress ?? null,
      status: (verdict?.status ??
        (o.state === "draft" ? "draft" : "not_started")) as StrategyObjective["status"],
      restricted,
    };
  });
}

/**
 * Whether the reader may read each Objective's text, by the OKR policy, with the teams the
 * reader works on read once (not once per team) and only when a team-visible Objective
 * makes it matter.
 */
async function readingRights(q: Queryable, actor: Actor, rows: StrategyObjectiveRow[]) {
  const needed =
    actor.userId !== null && rows.some((o) => o.visibility === "team" && teamStandingMatters(actor, o));
  const worked =
    needed && actor.userId ? await teamsWorkedOnBy(q, actor.organizationId, actor.userId) : new Set<string>();
  return (o: StrategyObjectiveRow) =>
    mayReadObjectiveText(actor, o, { worksOnTeam: o.teamId !== null && worked.has(o.teamId) });
}

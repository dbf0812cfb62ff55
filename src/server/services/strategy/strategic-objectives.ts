import type { z } from "zod";
import type { Queryable } from "../../../db/client.ts";
import type { StrategyMapSchema } from "../../../shared/schemas/strategy.ts";
import type { Actor } from "../../context.ts";
import { mayReadObjectiveText, teamStandingMatters } from "../../policies/okr-policy.ts";
import type { StrategyKeyResultRow, StrategyObjectiveRow } from "../../repositories/strategy-repository.ts";
import { teamsWorkedOnBy } from "../../repositories/strategy-repository.ts";
import {
  groupBy,
  judgeKeyResult,
  judgeObjective,
  type OkrClock,
  RESTRICTED_TITLE,
} from "../okr/okr-presenter.ts";

export type StrategyObjective = z.infer<typeof StrategyMapSchema>["objectives"][number];
type CycleDates = { startsOn: string; endsOn: string };

/**
 * A cycle's Objectives with progress and status as Keel judges them everywhere (the OKR
 * presenter's judgeKeyResult and judgeObjective), from the rows read set-wise for the
 * whole cycle. Team-visible Objectives the reader may not read keep their numbers and lose
 * their text, as in every roll-up.
 */
export async function judgeStrategicObjectives(
  q: Queryable,
  actor: Actor,
  clock: OkrClock,
  cycle: CycleDates,
  rows: StrategyObjectiveRow[],
  krRows: StrategyKeyResultRow[],
): Promise<StrategyObjective[]> {
  const mayRead = await readingRights(q, actor, rows);
  const krsByObjective = groupBy(krRows, (k) => k.objectiveId);
  return rows.map((o) => {
    const judged = (krsByObjective.get(o.id) ?? []).map((kr) => ({
      ...judgeKeyResult(kr, o.state, cycle, clock),
      weight: kr.weight,
      commitment: kr.commitment,
      activeFrom: kr.activeFrom,
    }));
    const verdict = judgeObjective(o.state, judged, cycle, clock);
    const restricted = !mayRead(o);
    return {
      id: o.id,
      themeId: o.themeId,
      title: restricted ? RESTRICTED_TITLE : o.title,
      teamId: o.teamId,
      teamName: o.teamName,
      state: o.state,
      progress: verdict.progress,
      status: verdict.status,
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

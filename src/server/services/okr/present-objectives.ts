import type { Queryable } from "../../../db/client.ts";
import type { Objective } from "../../../shared/schemas/okrs.ts";
import type { Actor } from "../../context.ts";
import { type ObjectiveRow, selectKeyResultsWithContributors } from "../../repositories/okr-repository.ts";
import { withHealthKpis } from "./health-kpi-service.ts";
import { presentedOpenFlags } from "./key-result-flag-service.ts";
import { kpisReadByKeyResults } from "./key-result-kpis.ts";
import { editabilityOf, mayCheckInOwn, readabilityOf } from "./okr-access.ts";
import { type OkrClock, presentObjectiveRows } from "./okr-presenter.ts";

/**
 * Objectives with their KRs, progress and status, as the API shows them: loads the KRs
 * and the reader's rights (team-visible text, editing, checking in), then presents
 * (okr-presenter.ts), with their health KPIs (health-kpi-service.ts).
 */
export async function presentObjectives(
  q: Queryable,
  actor: Actor,
  clock: OkrClock,
  rows: ObjectiveRow[],
  options: { includeArchivedKeyResults?: boolean } = {},
): Promise<Objective[]> {
  const ids = rows.map((r) => r.objective.id);
  const krRows = await selectKeyResultsWithContributors(q, actor.organizationId, ids);
  const mayRead = await readabilityOf(
    q,
    actor,
    rows.flatMap((r) => [r.objective, ...r.parents]),
  );
  const mayEdit = await editabilityOf(
    q,
    actor,
    rows.map((r) => r.objective),
  );
  const kpis = await kpisReadByKeyResults(
    q,
    actor,
    clock.today,
    krRows.map((k) => k.keyResult.kpiId),
  );
  const objectiveOf = new Map(rows.map((r) => [r.objective.id, r.objective]));
  const flags = await presentedOpenFlags(
    q,
    actor,
    krRows.map((k) => ({
      id: k.keyResult.id,
      ownerUserId: k.keyResult.ownerUserId,
      objective: objectiveOf.get(k.keyResult.objectiveId)!,
    })),
    mayRead,
  );
  const presented = presentObjectiveRows(
    clock,
    rows,
    krRows,
    { mayRead, mayEdit, mayCheckInOwn: mayCheckInOwn(actor) },
    { ...options, kpis, flags },
  );
  return withHealthKpis(q, actor, clock, presented);
}

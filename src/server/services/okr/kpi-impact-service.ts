import { addDays, daysBetween } from "../../../domain/dates.ts";
import { impactSentence, kpiImpact, type WindowImpact } from "../../../domain/okr/kpi-impact.ts";
import { notFound } from "../../../shared/errors.ts";
import type { ObjectiveKpiImpact } from "../../../shared/schemas/kpi-impact.ts";
import type { Actor, Deps } from "../../context.ts";
import { authorize } from "../../policies/org-policy.ts";
import { healthKpiIdsOf } from "../../repositories/health-kpi-repository.ts";
import { kpiIdsReadByObjective } from "../../repositories/kpi-impact-repository.ts";
import { kpisWithNames } from "../../repositories/kpi-repository.ts";
import { valuesSince } from "../../repositories/measurement-repository.ts";
import { findObjectiveRow } from "../../repositories/okr-repository.ts";

/**
 * For each health KPI of the Objective and each KPI its KRs read: the KPI's values during
 * its cycle and in a window after it, against the trend before the cycle. Days count from
 * the cycle's start; a value belongs to the day its period starts.
 */
export async function objectiveKpiImpact(
  deps: Deps,
  actor: Actor,
  objectiveId: string,
  lagCycles: number,
): Promise<ObjectiveKpiImpact> {
  authorize(actor, "read");
  const row = await findObjectiveRow(deps.db, actor.organizationId, objectiveId);
  if (!row) throw notFound("That Objective");
  const [health, read] = await Promise.all([
    healthKpiIdsOf(deps.db, actor.organizationId, [objectiveId]).then((m) => m.get(objectiveId) ?? []),
    kpiIdsReadByObjective(deps.db, actor.organizationId, objectiveId),
  ]);
  const ids = [...new Set([...health, ...read])];
  const { cycleStartsOn: startsOn, cycleEndsOn: endsOn } = row;
  const cycleEnd = daysBetween(startsOn, endsOn);
  const length = cycleEnd + 1;
  const [kpis, values] = await Promise.all([
    kpisWithNames(deps.db, actor.organizationId, ids),
    valuesSince(deps.db, actor.organizationId, ids, addDays(startsOn, -2 * length)),
  ]);
  const byId = new Map(kpis.map((k) => [k.kpi.id, k.kpi]));
  const dateOf = (day: number) => addDays(startsOn, day);

  return {
    objectiveId,
    lagCycles,
    kpis: ids.flatMap((kpiId) => {
      const kpi = byId.get(kpiId);
      if (!kpi) return [];
      const series = (values.get(kpiId) ?? []).map((v) => ({
        day: daysBetween(startsOn, v.periodStart),
        value: v.value,
      }));
      const impact = kpiImpact({
        values: series,
        direction: kpi.direction,
        cycleStart: 0,
        cycleEnd,
        lagCycles,
      });
      const shown = (window: "during" | "after", w: WindowImpact, from: number, to: number) => ({
        ...w,
        from: dateOf(from),
        to: dateOf(to),
        sentence: impactSentence(kpi.name, window, w, kpi.unit),
      });
      return [
        {
          kpiId,
          name: kpi.name,
          unit: kpi.unit,
          direction: kpi.direction,
          roles: [
            ...(health.includes(kpiId) ? (["health"] as const) : []),
            ...(read.includes(kpiId) ? (["key_result"] as const) : []),
          ],
          before: impact.before,
          during: shown("during", impact.during, 0, cycleEnd),
          after: shown("after", impact.after, impact.afterWindow[0], impact.afterWindow[1]),
        },
      ];
    }),
  };
}

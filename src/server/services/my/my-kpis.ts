/**
 * The KPIs a person owns, as cards (value, status, trend, a short sparkline), each with
 * the value they owe: the period that ended last, when it has none (docs/inbox.md).
 * Formula KPIs compute themselves and owe nothing; a KPI the person may not enter values
 * for (a viewer who still owns one) owes nothing either.
 */
import { todayIn } from "../../../domain/dates.ts";
import { periodLabel } from "../../../domain/kpi/periods.ts";
import { kpiValueDue, lastEndedPeriod } from "../../../domain/kpi/value-due.ts";
import type { KpiCard } from "../../../shared/schemas/kpis.ts";
import type { Actor, Deps } from "../../context.ts";
import { activeKpisOwnedBy } from "../../repositories/kpi-repository.ts";
import { valuesAt } from "../../repositories/measurement-repository.ts";
import { presentKpis } from "../kpi/kpi-cards.ts";
import { presentContext } from "../kpi/kpi-service.ts";

/** Twelve periods: enough for a sparkline on the home page. */
const HOME_POINTS = 12;

export type MyKpi = {
  kpi: KpiCard;
  valueDue: { periodStart: string; periodLabel: string; dueOn: string; overdue: boolean } | null;
};

export async function myKpis(deps: Deps, actor: Actor, userId: string): Promise<MyKpi[]> {
  const rows = await activeKpisOwnedBy(deps.db, actor.organizationId, userId);
  if (rows.length === 0) return [];
  const ctx = await presentContext(deps, deps.db, actor);
  const today = todayIn(ctx.timeZone, ctx.now);
  const cards = await presentKpis(deps.db, actor.organizationId, rows, ctx, HOME_POINTS);
  const fedByHand = (card: KpiCard) => card.formula === null && card.can.enterValues;
  const ended = new Map(
    cards.filter(fedByHand).map((c) => [c.id, lastEndedPeriod(today, c.frequency, ctx.periods)]),
  );
  const known = await valuesAt(
    deps.db,
    actor.organizationId,
    [...ended].map(([kpiId, periodStart]) => ({ kpiId, periodStart })),
  );
  const definedOn = new Map(rows.map((r) => [r.kpi.id, todayIn(ctx.timeZone, r.kpi.createdAt)]));
  return cards.map((card) => {
    const periodStart = ended.get(card.id);
    const due =
      periodStart === undefined
        ? null
        : kpiValueDue({
            today,
            frequency: card.frequency,
            periods: ctx.periods,
            definedOn: definedOn.get(card.id) ?? today,
            endedPeriodHasValue: known.has(`${card.id}|${periodStart}`),
          });
    return {
      kpi: card,
      valueDue: due && { ...due, periodLabel: periodLabel(due.periodStart, card.frequency, ctx.periods) },
    };
  });
}

/**
 * The KPI strip of the leadership home and the admin's choice of headline KPIs. Admins
 * choose the organisation's headline KPIs in an order; with none chosen the strip shows the
 * company's own KPIs (those of top-level teams) and every red KPI in scope.
 */
import type { z } from "zod";
import { todayIn } from "../../../domain/dates.ts";
import { currentStatus } from "../../../domain/kpi/status.ts";
import { AppError } from "../../../shared/errors.ts";
import type { KpiHeadlinesSchema, LeadershipKpiSchema } from "../../../shared/schemas/leadership.ts";
import type { Actor, Deps } from "../../context.ts";
import { authorize } from "../../policies/org-policy.ts";
import { recordAudit } from "../../repositories/audit-repository.ts";
import { kpisWithNames } from "../../repositories/kpi-repository.ts";
import {
  activeKpiIdsIn,
  activeKpisAmong,
  headlineKpis,
  kpiStatusFacts,
  replaceHeadlines,
} from "../../repositories/leadership-repository.ts";
import { presentKpis } from "../kpi/kpi-cards.ts";
import { DETAIL_POINTS } from "../kpi/kpi-presenter.ts";
import { presentContext } from "../kpi/kpi-service.ts";
import type { LeadershipScope } from "./leadership-scope.ts";

type StripKpi = z.infer<typeof LeadershipKpiSchema>;
type Headlines = z.infer<typeof KpiHeadlinesSchema>;

/** The strip: chosen headlines (of the theme, when one is asked for), else the default. */
export async function kpiStrip(
  deps: Deps,
  actor: Actor,
  scope: LeadershipScope,
): Promise<{ source: "chosen" | "default"; items: StripKpi[] }> {
  const chosen = (await headlineKpis(deps.db, actor.organizationId)).filter(
    (k) => k.state === "active" && (scope.themeId === null || k.themeId === scope.themeId),
  );
  const ctx = await presentContext(deps, deps.db, actor);
  const present = async (ids: string[]) => {
    const rows = await kpisWithNames(deps.db, actor.organizationId, ids);
    const order = new Map(ids.map((id, i) => [id, i]));
    rows.sort((a, b) => (order.get(a.kpi.id) ?? 0) - (order.get(b.kpi.id) ?? 0));
    return presentKpis(deps.db, actor.organizationId, rows, ctx, DETAIL_POINTS);
  };
  if (chosen.length > 0) {
    const cards = await present(chosen.map((k) => k.id));
    return { source: "chosen", items: cards.map((card) => ({ ...card, reason: "headline" })) };
  }
  const [company, inScope] = await Promise.all([
    activeKpiIdsIn(deps.db, actor.organizationId, scope.rootTeamIds, scope.themeId),
    activeKpiIdsIn(deps.db, actor.organizationId, scope.teamFilter, scope.themeId),
  ]);
  const companyIds = new Set(company.map((k) => k.id));
  const others = inScope.filter((k) => scope.teamIds.has(k.teamId) && !companyIds.has(k.id)).map((k) => k.id);
  // Only red ones of the others are shown: judge their current status with the card's own
  // rule (currentStatus) from the few values it reads, and present only those.
  const today = todayIn(ctx.timeZone, ctx.now);
  const red = (await kpiStatusFacts(deps.db, actor.organizationId, others, today))
    .filter(
      (k) =>
        currentStatus({
          measurements: k.measured,
          series: k.bands,
          direction: k.direction,
          frequency: k.frequency,
          today,
          opts: ctx.periods,
        }).status === "red",
    )
    .map((k) => k.id);
  const cards = await present([...company.map((k) => k.id), ...red]);
  // Code-point order with the id as tie-break: the same on every machine (no locale data needed).
  const key = (k: StripKpi) => `${k.name.toLowerCase()}\u0000${k.id}`;
  const byName = (a: StripKpi, b: StripKpi) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  const companyCards = cards
    .filter((c) => companyIds.has(c.id))
    .map((c): StripKpi => ({ ...c, reason: "company" }))
    .sort(byName);
  const redCards = cards
    .filter((c) => !companyIds.has(c.id) && c.current.status === "red")
    .map((c): StripKpi => ({ ...c, reason: "red" }))
    .sort(byName);
  return { source: "default", items: [...companyCards, ...redCards] };
}

/** The chosen headline KPIs, for the admin page; any member may read them. */
export async function getKpiHeadlines(deps: Deps, actor: Actor): Promise<Headlines> {
  authorize(actor, "read");
  const rows = await headlineKpis(deps.db, actor.organizationId);
  return {
    kpiIds: rows.map((r) => r.id),
    kpis: rows.map(({ id, key, name, teamName }) => ({ id, key, name, teamName })),
  };
}

/**
 * Sets the headline KPIs (admins): active KPIs of this organisation, each once, in order.
 * Another organisation's KPI is refused exactly like an unknown one. The same list is no
 * change (no audit event).
 */
export async function setKpiHeadlines(
  deps: Deps,
  actor: Actor,
  input: { kpiIds: string[] },
): Promise<Headlines> {
  authorize(actor, "manage_settings");
  return deps.db.transaction(async (tx) => {
    const known = await activeKpisAmong(tx, actor.organizationId, input.kpiIds);
    const issues = input.kpiIds
      .map((id, i) => ({ id, field: `kpiIds.${i}` }))
      .filter(({ id }) => !known.has(id))
      .map(({ field }) => ({ field, message: "is not an active KPI of this organisation" }));
    if (issues.length > 0) {
      throw new AppError("validation_failed", `${issues[0]?.field}: ${issues[0]?.message}`, { issues });
    }
    const before = await headlineKpis(tx, actor.organizationId);
    const beforeIds = before.map((r) => r.id);
    if (beforeIds.join(",") !== input.kpiIds.join(",")) {
      await replaceHeadlines(tx, actor.organizationId, input.kpiIds);
      const after = await headlineKpis(tx, actor.organizationId);
      await recordAudit(tx, actor, {
        action: "kpi_headlines.updated",
        entityType: "kpi_headlines",
        entityId: actor.organizationId,
        entityLabel: "Headline KPIs",
        before: { kpis: before.map(({ id, key, name }) => ({ id, key, name })) },
        after: { kpis: after.map(({ id, key, name }) => ({ id, key, name })) },
      });
    }
    const rows = await headlineKpis(tx, actor.organizationId);
    return {
      kpiIds: rows.map((r) => r.id),
      kpis: rows.map(({ id, key, name, teamName }) => ({ id, key, name, teamName })),
    };
  });
}

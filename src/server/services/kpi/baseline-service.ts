import { bandsInForce, validateBands } from "../../../domain/kpi/bands.ts";
import { baselineEffectiveFrom, proposedBaseline } from "../../../domain/kpi/baseline.ts";
import type { Bands, Direction, Frequency } from "../../../domain/kpi/types.ts";
import { AppError, fieldError, notFound } from "../../../shared/errors.ts";
import type { Actor, Deps } from "../../context.ts";
import { authorize } from "../../policies/org-policy.ts";
import { recordAudit } from "../../repositories/audit-repository.ts";
import { findCycle } from "../../repositories/catalog-repository.ts";
import {
  findPromotionForUpdate,
  openBaselineOffers,
  recordBaselineDecision,
  upsertBandEntry,
} from "../../repositories/kpi-promotion-repository.ts";
import { requeueForStatus } from "../../repositories/kpi-recompute-repository.ts";
import { bandsOf, findKpiForUpdate } from "../../repositories/kpi-repository.ts";
import { requireManageTeamKpis } from "./kpi-access.ts";
import { kpiPermissions } from "./kpi-permissions.ts";
import { recomputeAfterWrite } from "./recompute-service.ts";

type BandValues = Omit<Bands, "effectiveFrom">;

export type BaselineDecision =
  | { decision: "accepted"; bands?: BandValues | undefined; effectiveFrom?: string | undefined }
  | { decision: "declined"; note?: string | undefined };

/**
 * The baseline a met promotion offers: the entry of the KPI's band series in force at the
 * cycle's end, moved by achieved − old target (domain/kpi/baseline.ts), effective from
 * the KPI's first period after the cycle.
 */
function offerOf(
  series: readonly Bands[],
  kpi: { direction: Direction; frequency: Frequency },
  finalValue: number,
  cycleEndsOn: string,
  actor: Actor,
) {
  const old = bandsInForce(series, cycleEndsOn);
  const effectiveFrom = baselineEffectiveFrom(cycleEndsOn, kpi.frequency, {
    weekStart: actor.weekStart,
    fiscalYearStartMonth: actor.fiscalYearStartMonth,
  });
  return { old, proposed: { effectiveFrom, ...proposedBaseline(old, finalValue, kpi.direction) } };
}

/**
 * POST /kpis/{id}/promotions/{promotionId}/baseline: whoever may change the KPI's bands
 * accepts the achieved level as its new baseline (a new dated entry of the band series,
 * the offered numbers or the person's own) or declines it. Decided once; audited.
 */
export async function decideBaseline(
  deps: Deps,
  actor: Actor,
  kpiId: string,
  promotionId: string,
  input: BaselineDecision,
) {
  await deps.db.transaction(async (tx) => {
    const kpi = await findKpiForUpdate(tx, actor.organizationId, kpiId);
    if (!kpi) throw notFound("That KPI");
    await requireManageTeamKpis(tx, actor, kpi.teamId);
    const promotion = await findPromotionForUpdate(tx, actor.organizationId, kpiId, promotionId);
    if (!promotion) throw notFound("That promotion");
    if (promotion.baselineDecision) {
      throw new AppError("conflict", `The new baseline was already ${promotion.baselineDecision}.`);
    }
    if (promotion.outcome !== "met" || promotion.finalValue === null) {
      throw new AppError(
        "conflict",
        "Only a Key Result that met its target, in a closed cycle, offers the KPI a new baseline.",
      );
    }
    if (kpi.state === "archived")
      throw new AppError("conflict", `${kpi.name} is archived; restore it first.`);
    const cycle = await findCycle(tx, actor.organizationId, promotion.cycleId);
    const series = (await bandsOf(tx, actor.organizationId, [kpi.id])).get(kpi.id) ?? [];
    const offer = offerOf(series, kpi, promotion.finalValue, cycle!.endsOn, actor);
    let entry: Bands | null = null;
    if (input.decision === "accepted") {
      entry = {
        ...offer.proposed,
        ...(input.bands ?? {}),
        effectiveFrom: input.effectiveFrom ?? offer.proposed.effectiveFrom,
      };
      // Moved earlier, the new bar would re-judge the very periods the KR was measured in.
      if (entry.effectiveFrom <= cycle!.endsOn) {
        throw fieldError(
          "effectiveFrom",
          `the new baseline applies after ${cycle!.name} ends (${cycle!.endsOn}); pick a later date`,
        );
      }
      const issues = validateBands(kpi.direction, entry);
      if (issues.length > 0) {
        throw new AppError("validation_failed", `bands: ${issues[0]!.message}`, {
          issues: issues.map((i) => ({ field: `bands.${i.field}`, message: i.message })),
        });
      }
      await upsertBandEntry(tx, actor.organizationId, kpi.id, entry);
      await requeueForStatus(tx, actor.organizationId, kpi.id);
    }
    const decided = await recordBaselineDecision(tx, actor.organizationId, promotion.id, {
      baselineDecision: input.decision,
      userId: actor.userId,
      now: deps.now(),
      effectiveFrom: entry?.effectiveFrom ?? null,
    });
    if (!decided) throw new AppError("conflict", "The new baseline was decided at the same moment; reload.");
    await recordAudit(tx, actor, {
      action: `kpi_promotion.baseline_${input.decision}`,
      entityType: "kpi_promotion",
      entityId: promotion.id,
      entityLabel: kpi.name,
      before: { promotion, bands: series },
      after: {
        promotion: decided,
        bands: entry ? [...series.filter((b) => b.effectiveFrom !== entry.effectiveFrom), entry] : series,
        note: input.decision === "declined" ? (input.note ?? "") : undefined,
      },
    });
  });
  await recomputeAfterWrite(deps, actor.organizationId, [kpiId]);
}

/**
 * GET /baseline-offers: met promotions waiting for a baseline decision that concern me:
 * I own the KR or the KPI, or I may change the KPI's bands. Keel has no notifications
 * yet; the KPI page and the home page show these to both owners instead.
 */
export async function baselineOffers(deps: Deps, actor: Actor) {
  authorize(actor, "read");
  const q = deps.db;
  const rows = await openBaselineOffers(q, actor.organizationId);
  if (rows.length === 0) return { items: [] };
  const judge = await kpiPermissions(q, actor);
  const series = await bandsOf(
    q,
    actor.organizationId,
    rows.map((r) => r.kpi.id),
  );
  const items = [];
  for (const r of rows) {
    const canDecide = judge.forKpi(r.kpi).edit;
    const mine = r.kpi.ownerUserId === actor.userId || r.keyResultOwnerUserId === actor.userId;
    if (!canDecide && !mine) continue;
    const offer = offerOf(
      series.get(r.kpi.id) ?? [],
      r.kpi,
      r.promotion.finalValue ?? 0,
      r.cycleEndsOn,
      actor,
    );
    items.push({
      promotionId: r.promotion.id,
      kpiId: r.kpi.id,
      kpiKey: r.kpi.key,
      kpiName: r.kpi.name,
      kpiDirection: r.kpi.direction,
      cycleId: r.promotion.cycleId,
      cycleName: r.cycleName,
      keyResultId: r.promotion.keyResultId,
      keyResultTitle: r.keyResultTitle,
      objectiveId: r.objectiveId,
      finalValue: r.promotion.finalValue,
      oldTarget: offer.old?.target ?? null,
      old: offer.old,
      proposed: offer.proposed,
      canDecide,
    });
  }
  return { items };
}

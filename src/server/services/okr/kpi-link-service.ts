import type { Queryable } from "../../../db/client.ts";
import { AppError, fieldError } from "../../../shared/errors.ts";
import type { Actor } from "../../context.ts";
import { recordAudit } from "../../repositories/audit-repository.ts";
import {
  endPromotionsUnlinked,
  kpiValueFor,
  otherReadersInObjective,
  setKeyResultKpi,
  upsertPromotion,
} from "../../repositories/kpi-link-repository.ts";
import { promotionOfKeyResult } from "../../repositories/kpi-promotion-repository.ts";
import { findKpi, type KpiRow } from "../../repositories/kpi-repository.ts";
import type { KeyResultDraft } from "./objective-service.ts";

/**
 * A metric KR that reads a KPI: the checks a link passes and what making or removing one
 * writes (the KR's columns, its promotion row, audit events). The KR's current value then
 * follows the KPI through the recompute job (recompute-service.ts).
 */

export type KpiRead = "latest" | "cycle";
export type KpiLink = { kpiId?: string | null | undefined; kpiRead?: KpiRead | undefined };

const conflictOn = (field: string, message: string) =>
  new AppError("conflict", `${field}: ${message}`, { issues: [{ field, message }] });

/**
 * Checks that a KR may read this KPI: a metric KR, a KPI of the organisation (404
 * otherwise, as for any id of another organisation), still active, and not already read
 * by another KR of the same Objective (`taken`: KPI ids other KRs of this request claim).
 * Returns the KPI, or null when the KR reads none.
 */
export async function checkKpiLink(
  q: Queryable,
  actor: Actor,
  input: {
    kind: "metric" | "milestone" | "percentage";
    link: KpiLink;
    objectiveId: string | null;
    keyResultId: string | null;
    taken?: ReadonlySet<string>;
  },
  prefix: string,
): Promise<KpiRow | null> {
  const kpiId = input.link.kpiId;
  if (kpiId == null) return null;
  if (input.kind !== "metric") {
    throw fieldError(`${prefix}kpiId`, `a ${input.kind} KR cannot read a KPI; only metric KRs can`);
  }
  const kpi = await findKpi(q, actor.organizationId, kpiId);
  if (!kpi) {
    throw new AppError("not_found", `${prefix}kpiId: that KPI was not found.`, {
      issues: [{ field: `${prefix}kpiId`, message: "is not a KPI of this organisation" }],
    });
  }
  if (kpi.state === "archived") {
    throw conflictOn(`${prefix}kpiId`, `${kpi.name} is archived; restore it or pick an active KPI`);
  }
  const field = `${prefix}kpiId`;
  if (input.taken?.has(kpiId)) {
    throw conflictOn(field, `${kpi.name} is already read by another Key Result of this Objective`);
  }
  if (input.objectiveId) {
    const others = await otherReadersInObjective(
      q,
      actor.organizationId,
      input.objectiveId,
      kpiId,
      input.keyResultId,
    );
    if (others.length > 0) {
      throw conflictOn(field, `${kpi.name} is already read by "${others[0]!.title}" in this Objective`);
    }
  }
  return kpi;
}

/**
 * Points a KR at a KPI (or at none) and keeps its promotion in step: a new or different
 * KPI opens the promotion for the KR's cycle, an unlink or a move ends the old one as
 * "unlinked", and re-adding the KPI it was unlinked from reopens that promotion. The KR
 * takes the KPI's value at once.
 */
export async function applyKpiLink(
  q: Queryable,
  actor: Actor,
  now: Date,
  today: string,
  kr: { id: string; title: string; cycleId: string; previousKpiId: string | null },
  kpi: KpiRow | null,
  kpiRead: KpiRead,
): Promise<void> {
  const org = actor.organizationId;
  if (kr.previousKpiId && kr.previousKpiId !== kpi?.id) {
    for (const ended of await endPromotionsUnlinked(q, org, [kr.id], now)) {
      await recordAudit(q, actor, {
        action: "kpi_promotion.ended",
        entityType: "kpi_promotion",
        entityId: ended.id,
        entityLabel: kr.title,
        after: ended,
      });
    }
  }
  if (!kpi) {
    if (kr.previousKpiId) await setKeyResultKpi(q, org, [kr.id], { kpiId: null, kpiRead: null });
    return;
  }
  const value = await kpiValueFor(q, org, { kpiId: kpi.id, kpiRead, cycleId: kr.cycleId }, today);
  await setKeyResultKpi(q, org, [kr.id], {
    kpiId: kpi.id,
    kpiRead,
    ...(value === null ? {} : { currentValue: value }),
  });
  if (kr.previousKpiId !== kpi.id) {
    const before = await promotionOfKeyResult(q, org, kr.id, kpi.id);
    const promotion = await upsertPromotion(q, {
      organizationId: org,
      kpiId: kpi.id,
      cycleId: kr.cycleId,
      keyResultId: kr.id,
      userId: actor.userId,
    });
    // Re-adding a KPI the KR read before picks that KPI's promotion up again.
    const reopened = before !== undefined;
    await recordAudit(q, actor, {
      action: reopened ? "kpi_promotion.reopened" : "kpi_promotion.created",
      entityType: "kpi_promotion",
      entityId: promotion.id,
      entityLabel: `${kpi.name} → ${kr.title}`,
      ...(before ? { before } : {}),
      after: promotion,
    });
  }
}

/** A KR reading a KPI without a start value starts where the KPI stands (what it reads today). */
export async function withStartFromKpi(
  q: Queryable,
  actor: Actor,
  today: string,
  cycleId: string,
  kr: KeyResultDraft,
): Promise<KeyResultDraft> {
  if (kr.startValue != null || !kr.kpiId) return kr;
  const start = await kpiValueFor(
    q,
    actor.organizationId,
    {
      kpiId: kr.kpiId,
      kpiRead: kr.kpiRead ?? "latest",
      cycleId,
    },
    today,
  );
  return { ...kr, startValue: start };
}

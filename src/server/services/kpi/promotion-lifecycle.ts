import type { Queryable } from "../../../db/client.ts";
import type { Actor } from "../../context.ts";
import { recordAuditMany } from "../../repositories/audit-repository.ts";
import {
  endPromotionsOfCycle,
  reopenPromotionsOfCycle,
} from "../../repositories/kpi-promotion-repository.ts";

/**
 * A promotion lasts one cycle: closing the cycle ends each of its promotions as "met"
 * (the KR reached its target, in its direction) or "missed", with the KR's final value;
 * reopening the cycle lets the undecided ones run again. Called inside the cycle's
 * transaction; every promotion that changes is audited.
 */
export async function onCycleStateChangeForPromotions(
  q: Queryable,
  actor: Actor,
  cycleId: string,
  from: string,
  to: string,
  now: Date,
): Promise<void> {
  const changed =
    to === "closed"
      ? await endPromotionsOfCycle(q, actor.organizationId, cycleId, now)
      : from === "closed"
        ? await reopenPromotionsOfCycle(q, actor.organizationId, cycleId)
        : [];
  await recordAuditMany(
    q,
    actor,
    changed.map((p) => ({
      action: to === "closed" ? "kpi_promotion.ended" : "kpi_promotion.reopened",
      entityType: "kpi_promotion",
      entityId: p.id,
      entityLabel: p.outcome ?? "running",
      after: p,
    })),
  );
}

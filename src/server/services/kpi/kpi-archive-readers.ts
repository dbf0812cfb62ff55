import type { Queryable } from "../../../db/client.ts";
import { AppError } from "../../../shared/errors.ts";
import type { Actor, Deps } from "../../context.ts";
import { recordAuditMany } from "../../repositories/audit-repository.ts";
import { endPromotionsUnlinked, setKeyResultKpi } from "../../repositories/kpi-link-repository.ts";
import { keyResultsReadingKpi } from "../../repositories/kpi-promotion-repository.ts";
import type { KpiRow } from "../../repositories/kpi-repository.ts";
import { presentOne } from "../okr/objective-service.ts";
import { auditSnapshot } from "../okr/okr-presenter.ts";

/**
 * Archiving a KPI never silently breaks a Key Result that reads it: while KRs of cycles
 * not yet closed read it, the archive is refused (409 `kpi_read_by_key_results`, listing
 * them) unless the request says `keyResults: "unlink"`, which unlinks them (each keeps
 * its last value) and ends their promotions as "unlinked". KRs of closed cycles keep
 * their link: it is history.
 */
export async function settleKeyResultsReading(
  q: Queryable,
  actor: Actor,
  kpi: KpiRow,
  decision: "unlink" | undefined,
  deps: Deps,
): Promise<void> {
  const readers = await keyResultsReadingKpi(q, actor.organizationId, kpi.id, true);
  if (readers.length === 0) return;
  if (decision !== "unlink") {
    const list = readers.map((r) => ({
      keyResultId: r.keyResult.id,
      title: r.keyResult.title,
      objectiveId: r.objective.id,
      cycleId: r.cycle.id,
      cycleName: r.cycle.name,
    }));
    throw new AppError(
      "kpi_read_by_key_results",
      `${kpi.name} is read by ${readers.length} Key Result(s) of running cycles; send keyResults: "unlink" to unlink them as you archive it.`,
      {
        issues: [{ field: "keyResults", message: "say what becomes of the Key Results reading this KPI" }],
        keyResults: list,
      },
    );
  }
  const ids = readers.map((r) => r.keyResult.id);
  // Whole KR snapshots before and after, so the latest `after` is the KR as of then.
  const snapshots = async () => {
    const objectiveIds = [...new Set(readers.map((r) => r.objective.id))];
    const krs = new Map<string, unknown>();
    for (const objectiveId of objectiveIds) {
      for (const kr of (await presentOne(q, deps, actor, objectiveId)).keyResults)
        krs.set(kr.id, auditSnapshot(kr));
    }
    return krs;
  };
  const before = await snapshots();
  await setKeyResultKpi(q, actor.organizationId, ids, { kpiId: null, kpiRead: null });
  const ended = await endPromotionsUnlinked(q, actor.organizationId, ids, deps.now());
  const after = await snapshots();
  await recordAuditMany(q, actor, [
    ...readers.map((r) => ({
      action: "key_result.kpi_unlinked",
      entityType: "key_result",
      entityId: r.keyResult.id,
      entityLabel: r.keyResult.title,
      before: before.get(r.keyResult.id) ?? { kpiId: kpi.id, kpiRead: r.keyResult.kpiRead },
      after: after.get(r.keyResult.id) ?? { kpiId: null, kpiRead: null },
    })),
    ...ended.map((p) => ({
      action: "kpi_promotion.ended",
      entityType: "kpi_promotion",
      entityId: p.id,
      entityLabel: kpi.name,
      after: p,
    })),
  ]);
}

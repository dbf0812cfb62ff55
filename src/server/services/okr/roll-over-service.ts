import { rolloverKeyResult } from "../../../domain/okr/rollover.ts";
import { AppError, fieldError, notFound } from "../../../shared/errors.ts";
import type { Objective } from "../../../shared/schemas/okrs.ts";
import type { Actor, Deps } from "../../context.ts";
import { parentsOf, replaceParents } from "../../repositories/alignment-edges-repository.ts";
import { recordAudit } from "../../repositories/audit-repository.ts";
import { findCycle } from "../../repositories/catalog-repository.ts";
import {
  findLiveRollOver,
  insertKeyResult,
  insertObjective,
} from "../../repositories/okr-insert-repository.ts";
import {
  contributorsOf,
  findObjectiveRow,
  replaceContributors,
  selectKeyResults,
} from "../../repositories/okr-repository.ts";
import { presentOne } from "./objective-service.ts";
import { requireEditObjective } from "./okr-access.ts";
import { auditSnapshot, isMeasurableRow, keyResultInput } from "./okr-presenter.ts";

/**
 * Rolls an unfinished Objective into another cycle: a draft copy with its KRs (baseline =
 * last value), weights, owners, contributors and its links to parents that are still open.
 */
export async function rollOver(
  deps: Deps,
  actor: Actor,
  objectiveId: string,
  input: { cycleId: string },
): Promise<Objective> {
  return deps.db.transaction(async (tx) => {
    const row = await findObjectiveRow(tx, actor.organizationId, objectiveId);
    if (!row) throw notFound("That Objective");
    await requireEditObjective(tx, actor, row.objective);
    if (input.cycleId === row.objective.cycleId)
      throw fieldError("cycleId", "pick another cycle than the Objective's own");
    const target = await findCycle(tx, actor.organizationId, input.cycleId);
    if (!target) throw fieldError("cycleId", "is not a cycle of this organisation");
    if (target.state === "closed" || target.state === "grading") {
      throw fieldError("cycleId", `is ${target.state}; roll over into a cycle in planning or active`);
    }
    const o = row.objective;
    if (await findLiveRollOver(tx, actor.organizationId, o.id, input.cycleId)) {
      throw new AppError("already_exists", `"${o.title}" has already been rolled over into ${target.name}.`, {
        issues: [{ field: "cycleId", message: "already has this Objective's roll-over" }],
      });
    }
    const copyId = await insertObjective(tx, {
      organizationId: actor.organizationId,
      cycleId: input.cycleId,
      teamId: o.teamId,
      ownerUserId: o.ownerUserId,
      title: o.title,
      description: o.description,
      themeId: o.themeId,
      visibility: o.visibility,
      position: o.position,
      rolledOverFromId: o.id,
    });
    const krs = (await selectKeyResults(tx, actor.organizationId, [objectiveId])).filter(
      (k) => k.keyResult.archivedAt === null,
    );
    const contributors = await contributorsOf(
      tx,
      actor.organizationId,
      krs.map((k) => k.keyResult.id),
    );
    for (const { keyResult: kr } of krs) {
      const rolled = rolloverKeyResult(keyResultInput(kr));
      const next = rolled.keyResult;
      const newKr = await insertKeyResult(tx, {
        organizationId: actor.organizationId,
        objectiveId: copyId,
        title: kr.title,
        kind: kr.kind,
        ownerUserId: kr.ownerUserId,
        startValue: next.kind === "metric" ? next.start : null,
        targetValue: next.kind === "metric" ? next.target : null,
        currentValue: next.kind === "metric" ? next.start : next.kind === "percentage" ? next.current : null,
        done: next.kind === "milestone" ? next.done : false,
        unit: kr.unit,
        weight: kr.weight,
        commitment: kr.commitment,
        position: kr.position,
        rolledOverFromId: kr.id,
        // As copied it would run backwards (or not at all): activation waits for a new target.
        needsNewTarget: rolled.needsNewTarget && isMeasurableRow(kr),
      });
      await replaceContributors(tx, actor.organizationId, newKr.id, contributors.get(kr.id) ?? []);
    }
    const parents = await parentsOf(tx, actor.organizationId, [objectiveId]);
    const openParents = [];
    for (const p of parents) {
      const parentRow = await findObjectiveRow(tx, actor.organizationId, p.parentId);
      if (parentRow && parentRow.cycleState !== "closed")
        openParents.push({ objectiveId: p.parentId, weight: p.weight });
    }
    await replaceParents(tx, actor.organizationId, copyId, openParents);
    const created = await presentOne(tx, deps, actor, copyId);
    await recordAudit(tx, actor, {
      action: "objective.rolled_over",
      entityType: "objective",
      entityId: created.id,
      entityLabel: created.title,
      before: { rolledOverFrom: objectiveId },
      after: auditSnapshot(created),
    });
    return created;
  });
}

import { changedFields, sameValue } from "../../../domain/no-op.ts";
import { AppError, fieldError, notFound, versionConflict } from "../../../shared/errors.ts";
import type { Objective } from "../../../shared/schemas/okrs.ts";
import type { Actor, Deps } from "../../context.ts";
import { recordAudit } from "../../repositories/audit-repository.ts";
import {
  findKeyResult,
  replaceContributors,
  selectKeyResults,
  updateKeyResultRow,
} from "../../repositories/okr-repository.ts";
import { applyKpiLink, checkKpiLink, withStartFromKpi } from "./kpi-link-service.ts";
import {
  checkKeyResultDraft,
  insertKeyResultRow,
  type KeyResultDraft,
  objectiveForChange,
  presentOne,
} from "./objective-service.ts";
import { auditSnapshot, isMeasurableRow, okrClock } from "./okr-presenter.ts";

/** Adds a KR to an Objective; returns the Objective as it now is. */
export async function addKeyResult(
  deps: Deps,
  actor: Actor,
  objectiveId: string,
  input: KeyResultDraft,
): Promise<Objective> {
  return deps.db.transaction(async (tx) => {
    const row = await objectiveForChange(tx, actor, objectiveId);
    await checkKeyResultDraft(tx, actor, input, "");
    const kpi = await checkKpiLink(
      tx,
      actor,
      { kind: input.kind, link: input, objectiveId, keyResultId: null },
      "",
    );
    const today = okrClock(deps, actor).today;
    if (kpi) input = await withStartFromKpi(tx, actor, today, row.objective.cycleId, input);
    const existing = await selectKeyResults(tx, actor.organizationId, [objectiveId]);
    if (row.objective.state === "active" && input.kind === "metric") {
      if (input.startValue == null || input.targetValue == null || input.startValue === input.targetValue) {
        throw fieldError("targetValue", "the Objective is active: give a start and a target that differ");
      }
    }
    if (row.objective.state === "active" && !input.ownerUserId) {
      throw fieldError("ownerUserId", "the Objective is active: its Key Results need an owner");
    }
    // A KR added to a running Objective is paced from the day it was added.
    const activeFrom = row.objective.state === "active" ? okrClock(deps, actor).today : null;
    const kr = await insertKeyResultRow(tx, actor, objectiveId, input, existing.length, activeFrom);
    if (kpi) {
      const link = { id: kr.id, title: kr.title, cycleId: row.objective.cycleId, previousKpiId: null };
      await applyKpiLink(tx, actor, deps.now(), today, link, kpi, input.kpiRead ?? "latest");
    }
    const after = await presentOne(tx, deps, actor, objectiveId);
    await recordAudit(tx, actor, {
      action: "key_result.created",
      entityType: "key_result",
      entityId: kr.id,
      entityLabel: kr.title,
      after: auditSnapshot(after.keyResults.find((k) => k.id === kr.id)),
    });
    return after;
  });
}

export async function updateKeyResult(
  deps: Deps,
  actor: Actor,
  keyResultId: string,
  input: Partial<Omit<KeyResultDraft, "kind">> & {
    version: number;
    position?: number | undefined;
    archived?: boolean | undefined;
  },
): Promise<Objective> {
  return deps.db.transaction(async (tx) => {
    const kr = await findKeyResult(tx, actor.organizationId, keyResultId);
    if (!kr) throw notFound("That Key Result");
    const row = await objectiveForChange(tx, actor, kr.objectiveId);
    const { version, archived, contributorUserIds, kpiId, kpiRead, ...patch } = input;
    await checkKeyResultDraft(tx, actor, { ...patch, kind: kr.kind, contributorUserIds }, "");
    const nextKpiId = kpiId === undefined ? kr.kpiId : kpiId;
    const nextRead = nextKpiId ? (kpiRead ?? kr.kpiRead ?? "latest") : null;
    const linkChanges = nextKpiId !== kr.kpiId || (nextKpiId !== null && nextRead !== kr.kpiRead);
    const kpi = linkChanges
      ? await checkKpiLink(
          tx,
          actor,
          { kind: kr.kind, link: { kpiId: nextKpiId }, objectiveId: kr.objectiveId, keyResultId: kr.id },
          "",
        )
      : null;
    const next = { ...kr, ...patch };
    if (row.objective.state === "active" && archived !== true) {
      if (!isMeasurableRow(next))
        throw fieldError("targetValue", "an active Objective's KR needs a start and a target that differ");
      if (!next.ownerUserId) throw fieldError("ownerUserId", "an active Objective's KR needs an owner");
    }
    if (patch.weight !== undefined && row.objective.state === "active") {
      const others = (await selectKeyResults(tx, actor.organizationId, [kr.objectiveId])).filter(
        (k) => k.keyResult.id !== kr.id && k.keyResult.archivedAt === null,
      );
      if (patch.weight === 0 && others.every((k) => k.keyResult.weight === 0)) {
        throw fieldError("weight", "at least one Key Result of an Objective needs a weight above 0");
      }
    }
    const before = (await presentOne(tx, deps, actor, kr.objectiveId)).keyResults.find((k) => k.id === kr.id);
    if (version !== kr.version) throw versionConflict(`Key Result "${kr.title}"`);
    const archivedAt = archived === undefined ? undefined : archived ? (kr.archivedAt ?? deps.now()) : null;
    if (
      !linkChanges &&
      changedFields({ ...patch, archivedAt }, kr).length === 0 &&
      (contributorUserIds === undefined ||
        sameValue([...contributorUserIds].sort(), [...(before?.contributorUserIds ?? [])].sort()))
    ) {
      // Nothing changes: no version, no audit entry.
      return presentOne(tx, deps, actor, kr.objectiveId);
    }
    const updated = await updateKeyResultRow(tx, actor.organizationId, keyResultId, version, {
      ...patch,
      // A metric KR that has not been checked in yet follows its start value.
      ...(patch.startValue !== undefined && kr.lastCheckInAt === null && kr.kind === "metric" && !nextKpiId
        ? { currentValue: patch.startValue }
        : {}),
      ...(archived === undefined ? {} : { archivedAt: archived ? (kr.archivedAt ?? deps.now()) : null }),
      // A roll-over that had passed its target is re-targeted by setting a new target.
      ...(kr.needsNewTarget && patch.targetValue != null && patch.targetValue !== kr.targetValue
        ? { needsNewTarget: false }
        : {}),
    });
    if (!updated) throw versionConflict(`Key Result "${kr.title}"`);
    if (contributorUserIds)
      await replaceContributors(tx, actor.organizationId, keyResultId, contributorUserIds);
    if (linkChanges) {
      const link = { id: kr.id, title: kr.title, cycleId: row.objective.cycleId, previousKpiId: kr.kpiId };
      await applyKpiLink(tx, actor, deps.now(), okrClock(deps, actor).today, link, kpi, nextRead ?? "latest");
    }
    const objective = await presentOne(tx, deps, actor, kr.objectiveId);
    const after = objective.keyResults.find((k) => k.id === kr.id);
    await recordAudit(tx, actor, {
      action:
        archived !== undefined && archived !== (kr.archivedAt !== null)
          ? archived
            ? "key_result.archived"
            : "key_result.restored"
          : "key_result.updated",
      entityType: "key_result",
      entityId: keyResultId,
      entityLabel: after?.title ?? kr.title,
      before: auditSnapshot(before),
      after: auditSnapshot(after),
    });
    return objective;
  });
}

export function assertNotArchived(kr: { archivedAt: Date | null; title: string }) {
  if (kr.archivedAt)
    throw new AppError("conflict", `Key Result "${kr.title}" is archived; restore it first.`);
}

import type { Queryable } from "../../../db/client.ts";
import { todayIn } from "../../../domain/dates.ts";
import { AppError, fieldError, notFound } from "../../../shared/errors.ts";
import type { Actor, Deps } from "../../context.ts";
import { authorize } from "../../policies/org-policy.ts";
import { recordAudit } from "../../repositories/audit-repository.ts";
import { findCycle, listCycles } from "../../repositories/catalog-repository.ts";
import { kpiValueFor } from "../../repositories/kpi-link-repository.ts";
import { driversOf, promotionOfKeyResult } from "../../repositories/kpi-promotion-repository.ts";
import type { KpiRow } from "../../repositories/kpi-repository.ts";
import { findObjectiveRow, selectKeyResults } from "../../repositories/okr-repository.ts";
import { findTeam } from "../../repositories/team-repository.ts";
import { applyKpiLink, checkKpiLink, type KpiRead } from "../okr/kpi-link-service.ts";
import { createObjectiveIn, insertKeyResultRow, presentOne } from "../okr/objective-service.ts";
import { requireEditObjective } from "../okr/okr-access.ts";
import { auditSnapshot } from "../okr/okr-presenter.ts";
import { isPromotable, kpiOrNotFound, previousCycleOf } from "./promotion-read-service.ts";

type KeyResultOfPromotion = {
  title: string;
  targetValue: number;
  kpiRead: KpiRead;
  ownerUserId?: string | null | undefined;
};

export type PromoteInput = {
  cycleId: string;
  objectiveId?: string | undefined;
  newObjective?: { title: string; problemStatement: string; teamId?: string | null | undefined } | undefined;
  keyResult: KeyResultOfPromotion;
  drivers: Array<{ kpiId: string; title: string; targetValue: number; kpiRead: KpiRead }>;
};

/**
 * "Make it a Key Result": the KPI becomes a KR for one cycle, in an Objective the person
 * may edit or in a new one drafted from a problem statement (what stands between the
 * KPI's value today and the value it needs). The KR starts where the KPI stands (read
 * "latest") or at its aggregate over the previous cycle (read "cycle"); ticked drivers
 * become extra KRs reading them. One transaction: all of it, or nothing.
 */
export async function promoteKpi(deps: Deps, actor: Actor, kpiId: string, input: PromoteInput) {
  authorize(actor, "read");
  return deps.db.transaction(async (tx) => {
    const kpi = await kpiOrNotFound(tx, actor, kpiId);
    const today = todayIn(actor.timeZone, deps.now());
    const cycle = await findCycle(tx, actor.organizationId, input.cycleId);
    if (!cycle) throw fieldError("cycleId", "is not a cycle of this organisation");
    if (input.objectiveId && input.newObjective) {
      throw fieldError("objectiveId", "give an existing Objective or a new one, not both");
    }
    if (!input.objectiveId && !input.newObjective) {
      throw fieldError("objectiveId", "choose an Objective of the cycle, or draft a new one (newObjective)");
    }
    const objectiveId = input.objectiveId
      ? await existingObjective(tx, actor, input.objectiveId, cycle.id)
      : null;
    if (input.newObjective && !input.newObjective.problemStatement) {
      throw fieldError(
        "newObjective.problemStatement",
        "say what stands between the KPI's value today and the value it needs: it becomes the Objective's description",
      );
    }
    if (!isPromotable(cycle)) {
      throw new AppError(
        "conflict",
        `${cycle.name} is ${cycle.state}: promote into a planning or active cycle.`,
      );
    }
    if (kpi.state === "archived") {
      throw new AppError("conflict", `${kpi.name} is archived; restore it before making it a Key Result.`);
    }
    const drivers = await checkDrivers(tx, actor, kpi, input.drivers);
    const link = { kind: "metric" as const, objectiveId, keyResultId: null };
    const taken = new Set<string>();
    const main = await checkKpiLink(tx, actor, { ...link, link: { kpiId: kpi.id }, taken }, "");
    taken.add(kpi.id);
    for (const [i, d] of drivers.entries()) {
      await checkKpiLink(tx, actor, { ...link, link: { kpiId: d.id }, taken }, `drivers.${i}.`);
      taken.add(d.id);
    }
    const id = objectiveId ?? (await newObjective(tx, deps, actor, kpi, cycle.id, input.newObjective!));
    const previous = previousCycleOf(await listCycles(tx, actor.organizationId), cycle);
    const startOf = async (kpiOf: string, read: KpiRead) =>
      read === "cycle"
        ? previous
          ? kpiValueFor(
              tx,
              actor.organizationId,
              { kpiId: kpiOf, kpiRead: "cycle", cycleId: previous.id },
              today,
            )
          : null
        : kpiValueFor(
            tx,
            actor.organizationId,
            { kpiId: kpiOf, kpiRead: "latest", cycleId: cycle.id },
            today,
          );
    const objective = await findObjectiveRow(tx, actor.organizationId, id);
    let position = (await selectKeyResults(tx, actor.organizationId, [id])).length;
    const activeFrom = objective?.objective.state === "active" ? today : null;
    const results: Array<{ keyResultId: string }> = [];
    const all = [
      { kpi: main!, ...input.keyResult },
      ...drivers.map((d, i) => ({ kpi: d, ...input.drivers[i]!, ownerUserId: input.keyResult.ownerUserId })),
    ];
    for (const [i, kr] of all.entries()) {
      const startValue = await startOf(kr.kpi.id, kr.kpiRead);
      const field = i === 0 ? "keyResult" : `drivers.${i - 1}`;
      if (activeFrom && (startValue === null || startValue === kr.targetValue)) {
        throw fieldError(
          `${field}.targetValue`,
          startValue === null
            ? `the Objective is active and ${kr.kpi.name} has no value to start from: enter one first`
            : `the target equals where ${kr.kpi.name} starts (${startValue}): a Key Result changes something`,
        );
      }
      const row = await insertKeyResultRow(
        tx,
        actor,
        id,
        {
          title: kr.title,
          kind: "metric",
          ownerUserId: kr.ownerUserId === undefined ? actor.userId : kr.ownerUserId,
          startValue,
          targetValue: kr.targetValue,
        },
        position++,
        activeFrom,
      );
      const linked = { id: row.id, title: row.title, cycleId: cycle.id, previousKpiId: null };
      await applyKpiLink(tx, actor, deps.now(), today, linked, kr.kpi, kr.kpiRead);
      results.push({ keyResultId: row.id });
    }
    // Whole KR snapshots as the API shows them, so the latest `after` is the KR as of then.
    const presented = await presentOne(tx, deps, actor, id);
    for (const { keyResultId } of results) {
      const kr = presented.keyResults.find((k) => k.id === keyResultId)!;
      await recordAudit(tx, actor, {
        action: "key_result.created",
        entityType: "key_result",
        entityId: kr.id,
        entityLabel: kr.title,
        after: auditSnapshot(kr),
      });
    }
    const promotionId = (await promotionOfKeyResult(
      tx,
      actor.organizationId,
      results[0]!.keyResultId,
      kpi.id,
    ))!.id;
    await recordAudit(tx, actor, {
      action: "kpi.promoted",
      entityType: "kpi",
      entityId: kpi.id,
      entityLabel: kpi.name,
      after: { cycleId: cycle.id, objectiveId: id, keyResultIds: results.map((r) => r.keyResultId) },
    });
    return { objectiveId: id, keyResultId: results[0]!.keyResultId, promotionId };
  });
}

async function existingObjective(q: Queryable, actor: Actor, objectiveId: string, cycleId: string) {
  const row = await findObjectiveRow(q, actor.organizationId, objectiveId);
  if (!row) throw notFound("That Objective");
  await requireEditObjective(q, actor, row.objective);
  if (row.objective.archivedAt) throw new AppError("conflict", `"${row.objective.title}" is archived.`);
  if (row.objective.cycleId !== cycleId) {
    throw new AppError("conflict", `objectiveId: "${row.objective.title}" belongs to another cycle.`, {
      issues: [{ field: "objectiveId", message: "belongs to another cycle than cycleId" }],
    });
  }
  if (row.objective.state === "closed") throw new AppError("conflict", `"${row.objective.title}" is closed.`);
  return row.objective.id;
}

async function newObjective(
  q: Queryable,
  deps: Deps,
  actor: Actor,
  kpi: KpiRow,
  cycleId: string,
  draft: NonNullable<PromoteInput["newObjective"]>,
): Promise<string> {
  let teamId = draft.teamId;
  if (teamId === undefined) {
    const team = await findTeam(q, actor.organizationId, kpi.teamId);
    teamId = team && team.methodology !== "kpi" && !team.archivedAt ? team.id : null;
  }
  const created = await createObjectiveIn(q, deps, actor, {
    cycleId,
    teamId,
    ownerUserId: teamId ? actor.userId : null,
    title: draft.title,
    description: draft.problemStatement,
    themeId: kpi.themeId,
    visibility: "organization",
    keyResults: [],
  });
  return created.id;
}

/** Ticked drivers must be active KPIs that drive this one (kpi_drivers). */
async function checkDrivers(q: Queryable, actor: Actor, kpi: KpiRow, drivers: PromoteInput["drivers"]) {
  if (drivers.length === 0) return [];
  const known = new Map((await driversOf(q, actor.organizationId, kpi.id)).map((d) => [d.id, d]));
  const out: KpiRow[] = [];
  for (const [i, d] of drivers.entries()) {
    const driver = known.get(d.kpiId);
    if (!driver) throw fieldError(`drivers.${i}.kpiId`, `is not a driver of ${kpi.name}`);
    const row = await kpiOrNotFound(q, actor, d.kpiId);
    out.push(row);
  }
  return out;
}

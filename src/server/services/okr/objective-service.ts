import type { Queryable } from "../../../db/client.ts";
import { changedFields } from "../../../domain/no-op.ts";
import { AppError, fieldError, notFound, versionConflict } from "../../../shared/errors.ts";
import type { Objective } from "../../../shared/schemas/okrs.ts";
import type { Actor, Deps } from "../../context.ts";
import { decodeCursor, toPage } from "../../lib/pagination.ts";
import { authorize } from "../../policies/org-policy.ts";
import { recordAudit } from "../../repositories/audit-repository.ts";
import { findCycle, findTheme } from "../../repositories/catalog-repository.ts";
import { healthKpiIdsOf, replaceHealthKpis } from "../../repositories/health-kpi-repository.ts";
import { insertKeyResult, insertObjective } from "../../repositories/okr-insert-repository.ts";
import {
  findObjectiveRow,
  markKeyResultsActive,
  type ObjectiveFilter,
  replaceContributors,
  selectKeyResults,
  selectObjectives,
  updateObjectiveRow,
} from "../../repositories/okr-repository.ts";
import { findTeam, isActiveMember } from "../../repositories/team-repository.ts";
import { checkHealthKpiIds, sameIds } from "./health-kpi-service.ts";
import { applyKpiLink, checkKpiLink, type KpiRead, withStartFromKpi } from "./kpi-link-service.ts";
import { requireFindingsAcknowledged } from "./lint-dismissal-service.ts";
import { requireEditObjective } from "./okr-access.ts";
import { auditSnapshot, isMeasurableRow, okrClock } from "./okr-presenter.ts";
import { presentObjectives } from "./present-objectives.ts";

export type KeyResultDraft = {
  title: string;
  kind: "metric" | "milestone" | "percentage";
  ownerUserId?: string | null | undefined;
  contributorUserIds?: string[] | undefined;
  startValue?: number | null | undefined;
  targetValue?: number | null | undefined;
  unit?: string | undefined;
  weight?: number | undefined;
  commitment?: "committed" | "aspirational" | undefined;
  kpiId?: string | null | undefined;
  kpiRead?: KpiRead | undefined;
};

export async function presentOne(q: Queryable, deps: Deps, actor: Actor, id: string): Promise<Objective> {
  const row = await findObjectiveRow(q, actor.organizationId, id);
  if (!row) throw notFound("That Objective");
  const [objective] = await presentObjectives(q, actor, okrClock(deps, actor), [row], {
    includeArchivedKeyResults: true,
  });
  return objective!;
}

export async function listObjectives(
  deps: Deps,
  actor: Actor,
  query: {
    q?: string | undefined;
    cycleId?: string | undefined;
    teamId?: string | undefined;
    ownerUserId?: string | undefined;
    includeArchived: boolean;
    cursor?: string | undefined;
    limit: number;
  },
) {
  authorize(actor, "read");
  const cursor = decodeCursor(query.cursor, "rankedTimestamp");
  const [position = "0", createdAt = ""] = cursor?.k.split("~") ?? [];
  const filter: ObjectiveFilter = { liveOnly: !query.includeArchived };
  if (query.cycleId) filter.cycleId = query.cycleId;
  if (query.teamId) filter.teamId = query.teamId;
  if (query.ownerUserId) filter.ownerUserId = query.ownerUserId;
  if (query.q) filter.titleContains = query.q;
  const rows = await selectObjectives(deps.db, actor.organizationId, filter, {
    after: cursor ? { position: Number(position), createdAt, id: cursor.id } : undefined,
    limit: query.limit,
  });
  const page = toPage(rows, query.limit, (r) => ({
    k: `${r.objective.position}~${r.objective.createdAt.toISOString()}`,
    id: r.objective.id,
  }));
  const clock = okrClock(deps, actor);
  return { items: await presentObjectives(deps.db, actor, clock, page.items), nextCursor: page.nextCursor };
}

export async function getObjective(deps: Deps, actor: Actor, id: string) {
  authorize(actor, "read");
  return presentOne(deps.db, deps, actor, id);
}

async function checkMember(q: Queryable, actor: Actor, userId: string | null | undefined, field: string) {
  if (userId && !(await isActiveMember(q, actor.organizationId, userId))) {
    throw fieldError(field, "is not an active member of this organisation");
  }
}

/** Field checks shared by creating and editing a KR; drafts may be incomplete. */
export async function checkKeyResultDraft(
  q: Queryable,
  actor: Actor,
  kr: Partial<KeyResultDraft>,
  prefix: string,
) {
  await checkMember(q, actor, kr.ownerUserId, `${prefix}ownerUserId`);
  for (const [i, id] of (kr.contributorUserIds ?? []).entries()) {
    await checkMember(q, actor, id, `${prefix}contributorUserIds.${i}`);
  }
  if (kr.kind && kr.kind !== "metric" && (kr.startValue != null || kr.targetValue != null)) {
    throw fieldError(`${prefix}targetValue`, `a ${kr.kind} KR has no start or target value`);
  }
}

export async function insertKeyResultRow(
  q: Queryable,
  actor: Actor,
  objectiveId: string,
  kr: KeyResultDraft,
  position: number,
  /** The day it becomes active, when added to an active Objective. */
  activeFrom: string | null = null,
) {
  const row = await insertKeyResult(q, {
    organizationId: actor.organizationId,
    objectiveId,
    activeFrom,
    title: kr.title,
    kind: kr.kind,
    ownerUserId: kr.ownerUserId ?? null,
    startValue: kr.kind === "metric" ? (kr.startValue ?? null) : null,
    targetValue: kr.kind === "metric" ? (kr.targetValue ?? null) : null,
    // A percentage KR starts at 0 %, a metric at its start value.
    currentValue: kr.kind === "metric" ? (kr.startValue ?? null) : kr.kind === "percentage" ? 0 : null,
    unit: kr.kind === "percentage" ? "%" : (kr.unit ?? ""),
    weight: kr.weight ?? 1,
    commitment: kr.commitment ?? "aspirational",
    position,
  });
  if (kr.contributorUserIds?.length) {
    await replaceContributors(q, actor.organizationId, row.id, kr.contributorUserIds);
  }
  return row;
}

async function checkPlacement(
  q: Queryable,
  actor: Actor,
  p: { cycleId?: string; teamId?: string | null; themeId?: string | null },
) {
  if (p.cycleId) {
    const cycle = await findCycle(q, actor.organizationId, p.cycleId);
    if (!cycle) throw fieldError("cycleId", "is not a cycle of this organisation");
    if (cycle.state === "closed") throw fieldError("cycleId", "is closed; reopen it or pick another cycle");
  }
  if (p.teamId) {
    const team = await findTeam(q, actor.organizationId, p.teamId);
    if (!team) throw fieldError("teamId", "is not a team of this organisation");
    if (team.archivedAt) throw fieldError("teamId", "is archived");
    if (team.methodology === "kpi") {
      throw fieldError("teamId", `${team.name} runs KPIs only; change its methodology to set OKRs`);
    }
  }
  if (p.themeId && !(await findTheme(q, actor.organizationId, p.themeId))) {
    throw fieldError("themeId", "is not a theme of this organisation");
  }
}

export type NewObjective = {
  cycleId: string;
  teamId: string | null;
  ownerUserId: string | null;
  title: string;
  description: string;
  themeId: string | null;
  visibility: "organization" | "team";
  keyResults: KeyResultDraft[];
  healthKpiIds?: string[] | undefined;
};

export async function createObjective(deps: Deps, actor: Actor, input: NewObjective): Promise<Objective> {
  return deps.db.transaction((tx) => createObjectiveIn(tx, deps, actor, input));
}

/** Creates an Objective with its KRs inside the caller's transaction (promotions use it too). */
export async function createObjectiveIn(
  tx: Queryable,
  deps: Deps,
  actor: Actor,
  input: NewObjective,
): Promise<Objective> {
  authorize(actor, "read");
  if (input.teamId === null && input.ownerUserId === null) {
    input.ownerUserId = actor.userId;
  }
  {
    await checkPlacement(tx, actor, input);
    await checkMember(tx, actor, input.ownerUserId, "ownerUserId");
    await requireEditObjective(tx, actor, { teamId: input.teamId, ownerUserId: input.ownerUserId });
    const taken = new Set<string>();
    const links = [];
    for (const [i, kr] of input.keyResults.entries()) {
      await checkKeyResultDraft(tx, actor, kr, `keyResults.${i}.`);
      const kpi = await checkKpiLink(
        tx,
        actor,
        { kind: kr.kind, link: kr, objectiveId: null, keyResultId: null, taken },
        `keyResults.${i}.`,
      );
      if (kpi) taken.add(kpi.id);
      links.push(kpi);
    }
    const today = okrClock(deps, actor).today;
    const healthKpiIds = input.healthKpiIds ?? [];
    await checkHealthKpiIds(tx, actor, healthKpiIds);
    const id = await insertObjective(tx, {
      organizationId: actor.organizationId,
      cycleId: input.cycleId,
      teamId: input.teamId,
      ownerUserId: input.ownerUserId,
      title: input.title,
      description: input.description,
      themeId: input.themeId,
      visibility: input.visibility,
    });
    for (const [i, kr] of input.keyResults.entries()) {
      const kpi = links[i] ?? null;
      const draft = kpi ? await withStartFromKpi(tx, actor, today, input.cycleId, kr) : kr;
      const row = await insertKeyResultRow(tx, actor, id, draft, i);
      if (kpi) {
        const link = { id: row.id, title: row.title, cycleId: input.cycleId, previousKpiId: null };
        await applyKpiLink(tx, actor, deps.now(), today, link, kpi, kr.kpiRead ?? "latest");
      }
    }
    await replaceHealthKpis(tx, actor.organizationId, id, healthKpiIds);
    const created = await presentOne(tx, deps, actor, id);
    await recordAudit(tx, actor, {
      action: "objective.created",
      entityType: "objective",
      entityId: created.id,
      entityLabel: created.title,
      after: auditSnapshot(created),
    });
    return created;
  }
}

/**
 * Activation needs an owner, at least one KR, and a measurable target on every KR, none
 * of them a roll-over still waiting for a new target.
 */
async function checkActivation(q: Queryable, actor: Actor, objectiveId: string, ownerUserId: string | null) {
  if (!ownerUserId) throw fieldError("ownerUserId", "an active Objective needs an owner");
  const krs = (await selectKeyResults(q, actor.organizationId, [objectiveId])).filter(
    (k) => k.keyResult.archivedAt === null,
  );
  if (krs.length === 0) throw fieldError("state", "add at least one Key Result before activating");
  for (const { keyResult } of krs) {
    if (!keyResult.ownerUserId) throw fieldError("state", `Key Result "${keyResult.title}" needs an owner`);
    if (keyResult.needsNewTarget) {
      throw fieldError(
        "state",
        `Key Result "${keyResult.title}" already reached its target of ${keyResult.targetValue} last cycle: edit it and set a new target before activating`,
      );
    }
    if (!isMeasurableRow(keyResult)) {
      throw fieldError("state", `Key Result "${keyResult.title}" needs a start and a target that differ`);
    }
  }
  if (krs.every((k) => k.keyResult.weight === 0)) {
    throw fieldError("state", "at least one Key Result needs a weight above 0");
  }
}

export async function updateObjective(
  deps: Deps,
  actor: Actor,
  id: string,
  input: {
    version: number;
    title?: string | undefined;
    description?: string | undefined;
    teamId?: string | null | undefined;
    ownerUserId?: string | null | undefined;
    themeId?: string | null | undefined;
    visibility?: "organization" | "team" | undefined;
    position?: number | undefined;
    state?: "draft" | "active" | undefined;
    archived?: boolean | undefined;
    healthKpiIds?: string[] | undefined;
    acknowledgeFindings?: boolean | undefined;
  },
): Promise<Objective> {
  return deps.db.transaction(async (tx) => {
    const row = await findObjectiveRow(tx, actor.organizationId, id);
    if (!row) throw notFound("That Objective");
    const o = row.objective;
    await requireEditObjective(tx, actor, o);
    if (row.cycleState === "closed" || o.state === "closed") {
      throw new AppError(
        "conflict",
        "This Objective's cycle is closed and frozen. An admin can reopen the cycle.",
      );
    }
    const { version, archived, healthKpiIds, acknowledgeFindings, ...patch } = input;
    await checkPlacement(tx, actor, { teamId: patch.teamId, themeId: patch.themeId });
    await checkMember(tx, actor, patch.ownerUserId, "ownerUserId");
    if (patch.teamId !== undefined && patch.teamId !== o.teamId) {
      await requireEditObjective(tx, actor, {
        teamId: patch.teamId,
        ownerUserId: patch.ownerUserId ?? o.ownerUserId,
      });
    }
    const nextState = patch.state ?? o.state;
    if (nextState === "active") {
      await checkActivation(
        tx,
        actor,
        id,
        patch.ownerUserId === undefined ? o.ownerUserId : patch.ownerUserId,
      );
    }
    const update = {
      ...patch,
      ...(archived === undefined ? {} : { archivedAt: archived ? (o.archivedAt ?? deps.now()) : null }),
    };
    if (version !== o.version) throw versionConflict(`Objective "${o.title}"`);
    const before = await presentOne(tx, deps, actor, id);
    const current = (await healthKpiIdsOf(tx, actor.organizationId, [id])).get(id) ?? [];
    const healthChanged = healthKpiIds !== undefined && !sameIds(healthKpiIds, current);
    if (healthChanged) await checkHealthKpiIds(tx, actor, healthKpiIds, current);
    // Nothing changes: no version, no audit entry.
    if (changedFields(update, o).length === 0 && !healthChanged) return before;
    if (healthChanged) await replaceHealthKpis(tx, actor.organizationId, id, healthKpiIds);
    const updated = await updateObjectiveRow(tx, actor.organizationId, id, version, update);
    if (!updated) throw versionConflict(`Objective "${o.title}"`);
    if (nextState === "active" && o.state !== "active") {
      // Linted as it will be once active: this request's edits included.
      await requireFindingsAcknowledged(tx, actor, { objectiveIds: [id] }, acknowledgeFindings === true, {
        type: "objective",
        id,
        label: patch.title ?? o.title,
      });
      await markKeyResultsActive(tx, actor.organizationId, id, okrClock(deps, actor).today);
    }
    const after = await presentOne(tx, deps, actor, id);
    const action =
      patch.state && patch.state !== o.state
        ? `objective.${patch.state === "active" ? "activated" : "moved_to_draft"}`
        : archived !== undefined && archived !== (o.archivedAt !== null)
          ? archived
            ? "objective.archived"
            : "objective.restored"
          : "objective.updated";
    await recordAudit(tx, actor, {
      action,
      entityType: "objective",
      entityId: id,
      entityLabel: after.title,
      before: auditSnapshot(before),
      after: auditSnapshot(after),
    });
    return after;
  });
}

/** Loads an Objective for a change, refusing closed cycles and people without rights. */
export async function objectiveForChange(q: Queryable, actor: Actor, id: string) {
  const row = await findObjectiveRow(q, actor.organizationId, id);
  if (!row) throw notFound("That Objective");
  await requireEditObjective(q, actor, row.objective);
  if (row.cycleState === "closed" || row.objective.state === "closed") {
    throw new AppError(
      "conflict",
      "This Objective's cycle is closed and frozen. An admin can reopen the cycle.",
    );
  }
  return row;
}

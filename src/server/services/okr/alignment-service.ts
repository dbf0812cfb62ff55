import {
  alignedProgressAll,
  validateContributionWeights,
  wouldCreateAlignmentLoop,
} from "../../../domain/okr/alignment.ts";
import { fieldError, notFound, versionConflict } from "../../../shared/errors.ts";
import type { AlignmentKeyResult, AlignmentNode } from "../../../shared/schemas/okr-reviews.ts";
import type { Objective } from "../../../shared/schemas/okrs.ts";
import type { Actor, Deps } from "../../context.ts";
import { authorize } from "../../policies/org-policy.ts";
import { allAlignments, replaceParents } from "../../repositories/alignment-edges-repository.ts";
import { alignmentObjectives } from "../../repositories/alignment-repository.ts";
import { recordAudit } from "../../repositories/audit-repository.ts";
import { findCycle } from "../../repositories/catalog-repository.ts";
import { bumpObjectiveVersion, findObjectiveRow } from "../../repositories/okr-repository.ts";
import { healthAlertsOf } from "./health-kpi-service.ts";
import { objectiveForChange, presentOne } from "./objective-service.ts";
import { readabilityCache } from "./okr-access.ts";
import {
  auditSnapshot,
  groupBy,
  judgeKeyResult,
  judgeObjective,
  okrClock,
  RESTRICTED_KEY_RESULT_TITLE,
  RESTRICTED_TITLE,
} from "./okr-presenter.ts";

/**
 * Sets what an Objective contributes to (replacing the previous links). Parents may be in
 * other teams and cycles; weights sum to at most 1; no loops.
 */
export async function setParents(
  deps: Deps,
  actor: Actor,
  objectiveId: string,
  input: { version: number; parents: Array<{ objectiveId: string; weight: number }> },
): Promise<Objective> {
  return deps.db.transaction(async (tx) => {
    await objectiveForChange(tx, actor, objectiveId);
    const problem = validateContributionWeights(
      input.parents.map((p) => ({ parentId: p.objectiveId, weight: p.weight })),
    );
    if (problem) throw fieldError("parents", problem);
    const edges = await allAlignments(tx, actor.organizationId);
    const parentsOf = new Map<string, string[]>();
    for (const e of edges) {
      if (e.childId === objectiveId) continue; // being replaced
      parentsOf.set(e.childId, [...(parentsOf.get(e.childId) ?? []), e.parentId]);
    }
    for (const [i, p] of input.parents.entries()) {
      const parent = await findObjectiveRow(tx, actor.organizationId, p.objectiveId);
      if (!parent) throw fieldError(`parents.${i}.objectiveId`, "is not an Objective of this organisation");
      if (p.objectiveId === objectiveId)
        throw fieldError(`parents.${i}.objectiveId`, "an Objective cannot contribute to itself");
      if (wouldCreateAlignmentLoop(objectiveId, p.objectiveId, parentsOf)) {
        throw fieldError(
          `parents.${i}.objectiveId`,
          `"${parent.objective.title}" already contributes to this Objective, directly or not: that would be a loop`,
        );
      }
    }
    const before = await presentOne(tx, deps, actor, objectiveId);
    if (!(await bumpObjectiveVersion(tx, actor.organizationId, objectiveId, input.version))) {
      throw versionConflict(`Objective "${before.title}"`);
    }
    await replaceParents(tx, actor.organizationId, objectiveId, input.parents);
    const after = await presentOne(tx, deps, actor, objectiveId);
    await recordAudit(tx, actor, {
      action: "objective.aligned",
      entityType: "objective",
      entityId: objectiveId,
      entityLabel: after.title,
      // Whole snapshots: the latest `after` is the Objective as of then (docs/as-of.md).
      before: auditSnapshot(before),
      after: auditSnapshot(after),
    });
    return after;
  });
}

/**
 * The alignment tree of a cycle: Objectives that contribute to nothing shown are roots
 * (company Objectives first), their contributors beneath, and on every node its live KRs
 * in brief (see `AlignmentKeyResultSchema`). With `teamId`, only that team's Objectives
 * and what contributes to them, directly or not (a division's tree); a team Objective
 * below another of the team's is shown there, not again as a root.
 */
export async function alignmentTree(
  deps: Deps,
  actor: Actor,
  query: { cycleId: string; teamId?: string | undefined },
): Promise<{ roots: AlignmentNode[] }> {
  authorize(actor, "read");
  const cycle = await findCycle(deps.db, actor.organizationId, query.cycleId);
  if (!cycle) throw notFound("That cycle");
  const rows = await alignmentObjectives(deps.db, actor.organizationId, query.cycleId, query.teamId);
  const shown = new Set(rows.map((r) => r.id));
  const contributions: Array<{ childId: string; parentId: string; weight: number }> = [];
  for (const r of rows) {
    for (const [i, parentId] of r.parentIds.entries()) {
      if (shown.has(parentId)) contributions.push({ childId: r.id, parentId, weight: r.parentWeights[i]! });
    }
  }
  const childrenOf = groupBy(contributions, (c) => c.parentId);
  const hasParent = new Set(contributions.map((c) => c.childId));

  const clock = okrClock(deps, actor);
  const alerts = await healthAlertsOf(
    deps.db,
    actor,
    clock,
    rows.map((r) => r.id),
  );
  const dates = { startsOn: cycle.startsOn, endsOn: cycle.endsOn };
  const readable = readabilityCache(deps.db, actor);
  // Objects are built field by field: spreading thousands of parsed rows is what made
  // this loop slow (object spread takes V8's generic path).
  const nodes = new Map<string, Omit<AlignmentNode, "children" | "contributionWeight">>();
  for (const o of rows) {
    const hideText = !(await readable(o));
    const keyResults: AlignmentKeyResult[] = [];
    const weighed: Parameters<typeof judgeObjective>[1][number][] = [];
    for (const k of o.keyResults) {
      const { progress, status } = judgeKeyResult(
        {
          kind: k.kind,
          startValue: k.startValue,
          targetValue: k.targetValue,
          currentValue: k.currentValue,
          done: k.done,
          lastConfidence: k.lastConfidence,
          lastCheckInAt: k.lastCheckInAtMs === null ? null : new Date(k.lastCheckInAtMs),
          createdAt: new Date(k.createdAtMs),
          activeFrom: k.activeFrom,
        },
        o.state,
        dates,
        clock,
      );
      weighed.push({
        progress,
        status,
        weight: k.weight,
        commitment: k.commitment,
        activeFrom: k.activeFrom,
      });
      keyResults.push({
        id: k.id,
        title: hideText ? RESTRICTED_KEY_RESULT_TITLE : k.title,
        kind: k.kind,
        startValue: k.startValue,
        targetValue: k.targetValue,
        currentValue: k.currentValue,
        done: k.done,
        unit: k.unit,
        progress,
        status,
      });
    }
    const judged = judgeObjective(o.state, weighed, dates, clock);
    nodes.set(o.id, {
      id: o.id,
      teamId: o.teamId,
      teamName: o.teamName,
      ownerName: o.ownerName,
      title: hideText ? RESTRICTED_TITLE : o.title,
      state: o.state,
      progress: judged.progress,
      expectedProgress: judged.expectedProgress,
      status: judged.status,
      restricted: hideText,
      alignedProgress: null,
      healthAlert: alerts.get(o.id) ?? null,
      keyResults,
    });
  }
  const aligned = alignedProgressAll({
    contributions,
    ownProgress: new Map([...nodes.values()].map((n) => [n.id, n.progress])),
  });
  for (const node of nodes.values()) node.alignedProgress = aligned.get(node.id) ?? null;

  // An Objective under two parents appears under both (sharing its KR list); `seen`
  // guards against loops.
  const build = (id: string, weight: number | null, seen: ReadonlySet<string>): AlignmentNode => {
    const n = nodes.get(id)!;
    const nextSeen = new Set(seen).add(id);
    return {
      id: n.id,
      teamId: n.teamId,
      teamName: n.teamName,
      ownerName: n.ownerName,
      title: n.title,
      state: n.state,
      progress: n.progress,
      expectedProgress: n.expectedProgress,
      status: n.status,
      restricted: n.restricted,
      alignedProgress: n.alignedProgress,
      contributionWeight: weight,
      healthAlert: n.healthAlert,
      keyResults: n.keyResults,
      children: (childrenOf.get(id) ?? [])
        .filter((c) => !nextSeen.has(c.childId))
        .map((c) => build(c.childId, c.weight, nextSeen)),
    };
  };
  return { roots: rows.filter((r) => !hasParent.has(r.id)).map((r) => build(r.id, null, new Set())) };
}

import { eq, isNull } from "drizzle-orm";
import { objectives } from "../../../db/schema.ts";
import {
  alignedProgressAll,
  validateContributionWeights,
  wouldCreateAlignmentLoop,
} from "../../../domain/okr/alignment.ts";
import { fieldError, notFound, versionConflict } from "../../../shared/errors.ts";
import type { Objective } from "../../../shared/schemas/okrs.ts";
import type { Actor, Deps } from "../../context.ts";
import { authorize } from "../../policies/org-policy.ts";
import { recordAudit } from "../../repositories/audit-repository.ts";
import { findCycle } from "../../repositories/catalog-repository.ts";
import {
  allAlignments,
  bumpObjectiveVersion,
  findObjectiveRow,
  replaceParents,
  selectObjectives,
} from "../../repositories/okr-repository.ts";
import { objectiveForChange, presentOne } from "./objective-service.ts";
import { okrClock, presentObjectives } from "./okr-presenter.ts";

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
      before: { parents: before.parents },
      after: { parents: after.parents },
    });
    return after;
  });
}

export type AlignmentNode = Objective & {
  alignedProgress: number | null;
  children: AlignmentNode[];
  contributionWeight: number | null;
};

/**
 * The alignment tree of a cycle: Objectives that contribute to nothing in the cycle are
 * roots (company Objectives first), their contributors beneath, KRs on every node.
 * Optionally limited to the subtree of a team's Objectives (a division's tree).
 */
export async function alignmentTree(
  deps: Deps,
  actor: Actor,
  query: { cycleId: string; teamId?: string | undefined },
) {
  authorize(actor, "read");
  if (!(await findCycle(deps.db, actor.organizationId, query.cycleId))) throw notFound("That cycle");
  const rows = await selectObjectives(deps.db, actor.organizationId, [
    eq(objectives.cycleId, query.cycleId),
    isNull(objectives.archivedAt),
  ]);
  const inCycle = new Set(rows.map((r) => r.objective.id));
  const edges = (await allAlignments(deps.db, actor.organizationId)).filter(
    (e) => inCycle.has(e.childId) && inCycle.has(e.parentId),
  );
  const childrenOf = new Map<string, Array<{ id: string; weight: number }>>();
  for (const e of edges)
    childrenOf.set(e.parentId, [...(childrenOf.get(e.parentId) ?? []), { id: e.childId, weight: e.weight }]);
  const hasParent = new Set(edges.map((e) => e.childId));

  // For one team (a division), only its Objectives and what contributes to them, directly or
  // not, are presented: presenting the whole cycle would cost seconds at 20,000 Objectives.
  let rootIds = rows.map((r) => r.objective.id).filter((id) => !hasParent.has(id));
  let shown = inCycle;
  if (query.teamId) {
    const teamIds = rows.filter((r) => r.objective.teamId === query.teamId).map((r) => r.objective.id);
    // A team Objective that sits below another of the team's is shown there, not again as a root.
    const below = new Set<string>();
    const walk = (id: string) => {
      for (const c of childrenOf.get(id) ?? []) {
        if (below.has(c.id)) continue;
        below.add(c.id);
        walk(c.id);
      }
    };
    for (const id of teamIds) walk(id);
    rootIds = teamIds.filter((id) => !below.has(id));
    shown = new Set([...teamIds, ...below]);
  }
  const clock = okrClock(deps, actor);
  const presented = await presentObjectives(
    deps.db,
    actor,
    clock,
    rows.filter((r) => shown.has(r.objective.id)),
  );
  const byId = new Map(presented.map((o) => [o.id, o]));
  const aligned = alignedProgressAll({
    contributions: edges.filter((e) => shown.has(e.childId) && shown.has(e.parentId)),
    ownProgress: new Map(presented.map((o) => [o.id, o.progress])),
  });
  const build = (id: string, weight: number | null, seen: Set<string>): AlignmentNode => {
    const o = byId.get(id)!;
    const nextSeen = new Set(seen).add(id);
    return {
      ...o,
      contributionWeight: weight,
      alignedProgress: aligned.get(id) ?? null,
      children: (childrenOf.get(id) ?? [])
        .filter((c) => !nextSeen.has(c.id) && byId.has(c.id))
        .map((c) => build(c.id, c.weight, nextSeen)),
    };
  };
  const roots = rootIds.map((id) => byId.get(id)!).filter(Boolean);
  return { roots: roots.map((o) => build(o.id, null, new Set())) };
}

/**
 * Alignment: Objectives contributing to parent Objectives (across teams too), each
 * link with a contribution weight. An Objective's own progress comes from its KRs; its
 * aligned progress, shown in the alignment view, from the Objectives that contribute.
 */
import { atMost, clamp01, EPSILON, roundTo } from "./numbers.ts";
import { PROGRESS_DECIMALS } from "./progress.ts";

/** `childId` contributes `weight` (0 < weight ≤ 1) of itself to `parentId`. */
export type Contribution = { childId: string; parentId: string; weight: number };

/**
 * Checks one child's contributions across all its parents. Returns an error message, or
 * null when they are fine: each weight must be > 0 and ≤ 1, each parent named once, and
 * the weights must add up to at most 1, so no progress is counted twice
 * (0.6 + 0.4 is fine; 0.7 + 0.5 = 1.2 is refused).
 */
export function validateContributionWeights(
  contributions: ReadonlyArray<{ parentId: string; weight: number }>,
): string | null {
  const parents = new Set<string>();
  let sum = 0;
  for (const { parentId, weight } of contributions) {
    if (!Number.isFinite(weight) || weight <= 0 || weight > 1) {
      return `Each contribution weight must be more than 0 and at most 1; the one to ${parentId} is ${weight}.`;
    }
    if (parents.has(parentId)) return `An Objective contributes to ${parentId} only once.`;
    parents.add(parentId);
    sum += weight;
  }
  // Tolerance: 0.34 + 0.56 + 0.1 sums to 1.0000000000000002 in floating point.
  if (!atMost(sum, 1)) {
    return `Contribution weights add up to ${roundTo(sum, 4)}; across all parents they may add up to at most 1, so no progress is counted twice.`;
  }
  return null;
}

/** The alignment graph and each Objective's own progress. */
export type AlignmentGraph = {
  contributions: readonly Contribution[];
  /** Own progress (from its KRs) per Objective id; null or missing = not computable. */
  ownProgress: ReadonlyMap<string, number | null>;
};

/**
 * Aligned progress of every Objective that has contributors (see `alignedProgress`).
 * Computes each Objective once, so a whole organisation's tree costs one pass.
 */
export function alignedProgressAll(graph: AlignmentGraph): Map<string, number | null> {
  const { aligned, parentIds } = alignedCalculator(graph);
  const all = new Map<string, number | null>();
  for (const parentId of parentIds) all.set(parentId, aligned(parentId));
  return all;
}

/**
 * Aligned progress of an Objective = contribution-weighted mean of the Objectives that
 * contribute to it, recursively: a contributor that itself has contributors counts with
 * its aligned progress (falling back to its own when none of its contributors has
 * progress), any other contributor with its own progress, clamped to [0, 1].
 * Contributors without progress are left out. Null when the Objective has no
 * contributors, or none with progress: show its own progress instead.
 */
export function alignedProgress(objectiveId: string, graph: AlignmentGraph): number | null {
  return alignedCalculator(graph).aligned(objectiveId);
}

function alignedCalculator(graph: AlignmentGraph): {
  aligned: (id: string) => number | null;
  parentIds: Iterable<string>;
} {
  const childrenOf = new Map<string, Array<{ childId: string; weight: number }>>();
  for (const { childId, parentId, weight } of graph.contributions) {
    // Invalid weights are refused on write; if one got through, leave it out.
    if (!Number.isFinite(weight) || weight <= EPSILON) continue;
    const list = childrenOf.get(parentId) ?? [];
    list.push({ childId, weight: Math.min(weight, 1) });
    childrenOf.set(parentId, list);
  }

  const memo = new Map<string, number | null>();
  const onPath = new Set<string>();
  const own = (id: string): number | null => {
    const progress = graph.ownProgress.get(id);
    return progress === undefined || progress === null || !Number.isFinite(progress)
      ? null
      : clamp01(progress);
  };
  const aligned = (id: string): number | null => {
    if (memo.has(id)) return memo.get(id) ?? null;
    onPath.add(id);
    let weighted = 0;
    let weightSum = 0;
    for (const { childId, weight } of childrenOf.get(id) ?? []) {
      // A loop can only come from corrupt data (links are checked on write): skip the edge.
      if (onPath.has(childId)) continue;
      const value = childrenOf.has(childId) ? (aligned(childId) ?? own(childId)) : own(childId);
      if (value === null) continue;
      weighted += weight * value;
      weightSum += weight;
    }
    onPath.delete(id);
    const result = weightSum === 0 ? null : clamp01(roundTo(weighted / weightSum, PROGRESS_DECIMALS));
    memo.set(id, result);
    return result;
  };
  return { aligned, parentIds: childrenOf.keys() };
}

/**
 * Whether linking `childId` to contribute to `parentId` would make a loop: true when
 * the parent is the child itself or already contributes to it, directly or through
 * others. `parentsOf` gives each Objective's current parents (a child may have several).
 */
export function wouldCreateAlignmentLoop(
  childId: string,
  parentId: string,
  parentsOf: ReadonlyMap<string, readonly string[]>,
): boolean {
  // Walk up from the proposed parent; reaching the child means the child is above it.
  const queue = [parentId];
  const seen = new Set<string>();
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    if (next === childId) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    for (const above of parentsOf.get(next) ?? []) queue.push(above);
  }
  return false;
}

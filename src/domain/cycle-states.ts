/**
 * The life of a cycle: planning → active → grading → closed. Stepping back is allowed
 * (active → planning, grading → active); reopening a closed cycle goes back to grading,
 * is for admins only and must say why (it is audited).
 */
export type CycleState = "planning" | "active" | "grading" | "closed";

const forward: Record<CycleState, CycleState[]> = {
  planning: ["active"],
  active: ["grading", "planning"],
  grading: ["closed", "active"],
  closed: ["grading"],
};

export function canMoveCycle(from: CycleState, to: CycleState): boolean {
  return forward[from].includes(to);
}

export function isReopen(from: CycleState, to: CycleState): boolean {
  return from === "closed" && to === "grading";
}

export function allowedNextStates(from: CycleState): CycleState[] {
  return forward[from];
}

/** The rules of a strategy map's cause → effect edges that need no I/O. */

export type NodeRef = { kind: "theme" | "objective"; id: string };

/** A stable key for an edge's two ends: one edge per cause and effect. */
export function edgeKey(from: NodeRef, to: NodeRef): string {
  return `${from.kind}:${from.id}>${to.kind}:${to.id}`;
}

/** A node cannot cause itself; loops through other nodes (feedback) are allowed. */
export function isSelfLoop(from: NodeRef, to: NodeRef): boolean {
  return from.kind === to.kind && from.id === to.id;
}

/** An edge is drawn on a map when both its ends are there. */
export function edgesAmong<E extends { from: NodeRef; to: NodeRef }>(
  edges: readonly E[],
  present: ReadonlySet<string>,
): E[] {
  const key = (n: NodeRef) => `${n.kind}:${n.id}`;
  return edges.filter((e) => present.has(key(e.from)) && present.has(key(e.to)));
}

export function nodeKey(n: NodeRef): string {
  return `${n.kind}:${n.id}`;
}

/** Whether the person leads a live team anywhere in the tree: leads get the leadership home. */
export function leadsAnyTeam(
  roots: ReadonlyArray<{ leadUserId: string | null; archived?: boolean; children: unknown[] }>,
  userId: string,
): boolean {
  type Node = (typeof roots)[number];
  const stack: Node[] = [...roots];
  while (stack.length > 0) {
    const team = stack.pop()!;
    if (team.leadUserId === userId && !team.archived) return true;
    stack.push(...(team.children as Node[]));
  }
  return false;
}

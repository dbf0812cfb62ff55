/**
 * The KPI tree: which formula KPIs read which others. A cycle would make a value depend
 * on itself, so one is refused when a formula is saved; and when a value changes, the
 * KPIs computed from it are recomputed inputs-first, so each reads fresh values.
 *
 * Graphs map a KPI key to the keys its formula reads; a key that is not in the map (or
 * maps to an empty list) is a measured KPI.
 */
export type FormulaGraph = ReadonlyMap<string, readonly string[]>;

/**
 * A dependency cycle, as the path that closes it (["a", "b", "a"]: a reads b, b reads
 * a; ["a", "a"]: a reads itself), or null when there is none. The search runs in the
 * map's order, so the same graph always reports the same cycle. Walks without recursion,
 * so a deep tree cannot overflow the stack.
 */
export function findFormulaCycle(graph: FormulaGraph): string[] | null {
  const done = new Set<string>();
  const onPath = new Set<string>();
  for (const root of graph.keys()) {
    if (done.has(root)) continue;
    const path: string[] = [root];
    const next: number[] = [0];
    onPath.add(root);
    while (path.length > 0) {
      const depth = path.length - 1;
      const key = path[depth]!;
      const inputs = graph.get(key) ?? [];
      const i = next[depth]!;
      if (i < inputs.length) {
        next[depth] = i + 1;
        const input = inputs[i]!;
        if (onPath.has(input)) return [...path.slice(path.indexOf(input)), input];
        if (!done.has(input)) {
          path.push(input);
          next.push(0);
          onPath.add(input);
        }
      } else {
        path.pop();
        next.pop();
        onPath.delete(key);
        done.add(key);
      }
    }
  }
  return null;
}

/**
 * Every KPI whose formula reads, directly or through other formulas, one of the `changed`
 * keys, in an order where each comes after all its inputs: recomputing them in this
 * order leaves every value as a from-scratch evaluation would. The changed keys
 * themselves are left out unless another changed key feeds them (then they are
 * recomputed too, after it). Ties keep the graph's order, so the result is repeatable.
 * Throws on a cycle among them: cycles are refused when formulas are saved, so one here
 * is a bug.
 */
export function dependentsInOrder(graph: FormulaGraph, changed: Iterable<string>): string[] {
  const readers = new Map<string, string[]>();
  for (const [key, inputs] of graph) {
    for (const input of new Set(inputs)) {
      const list = readers.get(input);
      if (list) list.push(key);
      else readers.set(input, [key]);
    }
  }

  const affected = new Set<string>();
  const queue = [...new Set(changed)];
  while (queue.length > 0) {
    for (const reader of readers.get(queue.pop()!) ?? []) {
      if (affected.has(reader)) continue;
      affected.add(reader);
      queue.push(reader);
    }
  }

  // Kahn's algorithm over the affected KPIs, counting only inputs that are recomputed too.
  const pending = new Map<string, number>();
  const ready: string[] = [];
  for (const key of graph.keys()) {
    if (!affected.has(key)) continue;
    let count = 0;
    for (const input of new Set(graph.get(key))) if (affected.has(input)) count++;
    pending.set(key, count);
    if (count === 0) ready.push(key);
  }
  const order: string[] = [];
  for (let i = 0; i < ready.length; i++) {
    const key = ready[i]!;
    order.push(key);
    for (const reader of readers.get(key) ?? []) {
      const count = pending.get(reader);
      if (count === undefined) continue;
      pending.set(reader, count - 1);
      if (count === 1) ready.push(reader);
    }
  }
  if (order.length < affected.size) {
    const cycle = findFormulaCycle(graph);
    throw new Error(`KPI formulas form a cycle: ${cycle ? cycle.join(" → ") : "(not found)"}`);
  }
  return order;
}

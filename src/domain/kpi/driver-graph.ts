/**
 * Driver trees: KPIs that move another KPI without arithmetic ("customer satisfaction ←
 * turnaround time, first-contact resolution"). Unlike formulas nothing is computed along
 * these edges, but a loop would still make no sense (A drives B drives A) and would send
 * every tree walk round in circles, so one is refused when drivers are saved.
 *
 * Graphs map a KPI id to the ids of the KPIs that drive it, in their order.
 */
export type DriverGraph = ReadonlyMap<string, readonly string[]>;

/** At most this many drivers per KPI: a tree people can still read at a glance. */
export const MAX_DRIVERS = 12;

export type DriverListProblem =
  | { kind: "self"; id: string }
  | { kind: "duplicate"; id: string }
  | { kind: "too_many"; count: number };

/**
 * What is wrong with a KPI's new driver list on its own (before anything is looked up):
 * the KPI naming itself, a KPI named twice, more than MAX_DRIVERS.
 */
export function driverListProblems(kpiId: string, driverIds: readonly string[]): DriverListProblem[] {
  const problems: DriverListProblem[] = [];
  if (driverIds.length > MAX_DRIVERS) problems.push({ kind: "too_many", count: driverIds.length });
  if (driverIds.includes(kpiId)) problems.push({ kind: "self", id: kpiId });
  const seen = new Set<string>();
  for (const id of driverIds) {
    if (seen.has(id) && id !== kpiId) problems.push({ kind: "duplicate", id });
    seen.add(id);
  }
  return problems;
}

/**
 * The loop that giving `kpiId` these drivers would close, as the path from the KPI down
 * its drivers back to itself ([a, b, a]: b drives a and a drives b), or null when there
 * is none. Only loops through `kpiId` can be new: the rest of the graph was checked when
 * it was saved. Breadth-first, so the shortest loop is reported; without recursion, so a
 * deep tree cannot overflow the stack.
 */
export function driverLoop(graph: DriverGraph, kpiId: string, driverIds: readonly string[]): string[] | null {
  const cameFrom = new Map<string, string>();
  const queue: string[] = [];
  for (const id of driverIds) {
    if (id === kpiId) return [kpiId, kpiId];
    if (!cameFrom.has(id)) {
      cameFrom.set(id, kpiId);
      queue.push(id);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const current = queue[i] as string;
    for (const next of graph.get(current) ?? []) {
      if (next === kpiId) {
        const path = [kpiId];
        for (let at: string | undefined = current; at !== undefined && at !== kpiId; at = cameFrom.get(at)) {
          path.push(at);
        }
        // path is [kpi, current, …, first driver]: read from the KPI downwards it is reversed.
        return [kpiId, ...path.slice(1).reverse(), kpiId];
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, current);
        queue.push(next);
      }
    }
  }
  return null;
}

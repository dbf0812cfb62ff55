import { todayIn } from "../../../domain/dates.ts";
import { defaultStrategyCycle } from "../../../domain/strategy/strategy-cycle.ts";
import { notFound } from "../../../shared/errors.ts";
import type { Actor, Deps } from "../../context.ts";
import { listCycles } from "../../repositories/catalog-repository.ts";

/** The cycle asked for (404 when it is not this organisation's), else the default one. */
export async function chosenCycle(deps: Deps, actor: Actor, cycleId: string | undefined) {
  const cycles = await listCycles(deps.db, actor.organizationId);
  const cycle = cycleId
    ? cycles.find((c) => c.id === cycleId)
    : defaultStrategyCycle(cycles, todayIn(actor.timeZone, deps.now()));
  if (cycleId && !cycle) throw notFound("That cycle");
  return cycle ?? null;
}

export function cycleRef(cycle: Awaited<ReturnType<typeof chosenCycle>>) {
  if (!cycle) return null;
  const { id, name, kind, startsOn, endsOn, state } = cycle;
  return { id, name, kind, startsOn, endsOn, state };
}

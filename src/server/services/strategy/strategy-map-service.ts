import { may } from "../../../domain/roles.ts";
import { edgesAmong, nodeKey } from "../../../domain/strategy/strategy-edges.ts";
import type { StrategyMap } from "../../../shared/schemas/strategy.ts";
import type { Actor, Deps } from "../../context.ts";
import { authorize } from "../../policies/org-policy.ts";
import { listThemes } from "../../repositories/catalog-repository.ts";
import { listStrategyEdges, strategyObjectiveRows } from "../../repositories/strategy-repository.ts";
import { judgeStrategicObjectives } from "./strategic-objectives.ts";
import { chosenCycle, cycleRef } from "./strategy-cycle.ts";
import { presentEdge } from "./strategy-edge-service.ts";

export type StrategyTheme = StrategyMap["themes"][number];

export function presentStrategyTheme(row: Awaited<ReturnType<typeof listThemes>>[number]): StrategyTheme {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    perspective: row.perspective,
    position: row.position,
  };
}

/**
 * The strategy map of a cycle: the active themes as lanes, the cycle's live Objectives
 * that carry one of them, and the edges whose two ends are both shown (an edge to an
 * Objective of another cycle or an archived node stays stored and reappears with it).
 */
export async function strategyMap(
  deps: Deps,
  actor: Actor,
  cycleId: string | undefined,
): Promise<StrategyMap> {
  authorize(actor, "read");
  const cycle = await chosenCycle(deps, actor, cycleId);
  const [themeRows, edgeRows, objectiveRows] = await Promise.all([
    listThemes(deps.db, actor.organizationId),
    listStrategyEdges(deps.db, actor.organizationId),
    cycle ? strategyObjectiveRows(deps.db, actor.organizationId, cycle.id, { themedOnly: true }) : [],
  ]);
  const themes = themeRows.filter((t) => t.archivedAt === null).map(presentStrategyTheme);
  const laneIds = new Set(themes.map((t) => t.id));
  const onLanes = objectiveRows.filter((o) => o.themeId !== null && laneIds.has(o.themeId));
  const objectives = cycle ? await judgeStrategicObjectives(deps, actor, cycle, onLanes) : [];
  const present = new Set([
    ...themes.map((t) => nodeKey({ kind: "theme", id: t.id })),
    ...objectives.map((o) => nodeKey({ kind: "objective", id: o.id })),
  ]);
  return {
    cycle: cycleRef(cycle),
    themes,
    objectives,
    edges: edgesAmong(edgeRows.map(presentEdge), present),
    can: { edit: may(actor.role, "manage_themes") },
  };
}

import type { Queryable } from "../../../db/client.ts";
import { isSelfLoop } from "../../../domain/strategy/strategy-edges.ts";
import { AppError, fieldError, notFound } from "../../../shared/errors.ts";
import type { StrategyEdge, StrategyNodeRef } from "../../../shared/schemas/strategy.ts";
import type { Actor, Deps } from "../../context.ts";
import { authorize } from "../../policies/org-policy.ts";
import { recordAudit } from "../../repositories/audit-repository.ts";
import { findTheme } from "../../repositories/catalog-repository.ts";
import {
  deleteStrategyEdge,
  findObjectiveEnd,
  findStrategyEdge,
  findStrategyEdgeByEnds,
  insertStrategyEdge,
  type StrategyEdgeRow,
  updateStrategyEdgeLabel,
} from "../../repositories/strategy-repository.ts";

export function presentEdge(row: StrategyEdgeRow): StrategyEdge {
  return {
    id: row.id,
    from: { kind: row.fromKind, id: row.fromId },
    to: { kind: row.toKind, id: row.toId },
    label: row.label,
    createdAt: row.createdAt.toISOString(),
  };
}

type End = "from" | "to";

/**
 * One end of a new edge: it must be this organisation's (404 otherwise, as for any id
 * that is not ours), live, and an Objective must carry a theme, or the map could not
 * show the edge. Returns the end's name for the audit label.
 */
async function checkEnd(q: Queryable, actor: Actor, end: End, node: StrategyNodeRef): Promise<string> {
  if (node.kind === "theme") {
    const theme = await findTheme(q, actor.organizationId, node.id);
    if (!theme) throw endError("not_found", end, "That theme was not found.");
    if (theme.archivedAt)
      throw endError("conflict", end, `Theme "${theme.name}" is archived; restore it first.`);
    return theme.name;
  }
  const objective = await findObjectiveEnd(q, actor.organizationId, node.id);
  if (!objective) throw endError("not_found", end, "That Objective was not found.");
  if (objective.archivedAt)
    throw endError("conflict", end, `Objective "${objective.title}" is archived; restore it first.`);
  if (!objective.themeId)
    throw endError("conflict", end, `Objective "${objective.title}" has no theme; give it one first.`);
  return objective.title;
}

function endError(code: "not_found" | "conflict", end: End, message: string) {
  return new AppError(code, `${end}: ${message}`, { issues: [{ field: `${end}.id`, message }] });
}

/** Adds a cause → effect edge (admins). Feedback loops through other nodes are allowed. */
export async function createStrategyEdge(
  deps: Deps,
  actor: Actor,
  input: { from: StrategyNodeRef; to: StrategyNodeRef; label: string },
): Promise<StrategyEdge> {
  authorize(actor, "manage_themes");
  if (isSelfLoop(input.from, input.to))
    throw fieldError("to", "must differ from from: a node cannot cause itself");
  return deps.db.transaction(async (tx) => {
    const fromName = await checkEnd(tx, actor, "from", input.from);
    const toName = await checkEnd(tx, actor, "to", input.to);
    if (await findStrategyEdgeByEnds(tx, actor.organizationId, input.from, input.to)) {
      throw new AppError("conflict", `"${fromName}" → "${toName}" is already on the map.`, {
        issues: [{ field: "to", message: "this edge exists already" }],
      });
    }
    const row = await insertStrategyEdge(tx, {
      organizationId: actor.organizationId,
      fromKind: input.from.kind,
      fromId: input.from.id,
      toKind: input.to.kind,
      toId: input.to.id,
      label: input.label,
      createdByUserId: actor.userId,
    });
    const edge = presentEdge(row);
    await recordAudit(tx, actor, {
      action: "strategy_edge.created",
      entityType: "strategy_edge",
      entityId: edge.id,
      entityLabel: `${fromName} → ${toName}`,
      after: edge,
    });
    return edge;
  });
}

/** Relabels an edge (admins); the same label again writes nothing. */
export async function relabelStrategyEdge(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { label?: string | undefined },
): Promise<StrategyEdge> {
  authorize(actor, "manage_themes");
  return deps.db.transaction(async (tx) => {
    const before = await findStrategyEdge(tx, actor.organizationId, id);
    if (!before) throw notFound("That edge");
    if (input.label === undefined || before.label === input.label) return presentEdge(before);
    const after = await updateStrategyEdgeLabel(tx, actor.organizationId, id, input.label);
    if (!after) throw notFound("That edge");
    await recordAudit(tx, actor, {
      action: "strategy_edge.updated",
      entityType: "strategy_edge",
      entityId: id,
      before: presentEdge(before),
      after: presentEdge(after),
    });
    return presentEdge(after);
  });
}

/** One edge of the strategy map (everyone in the organisation reads the map). */
export async function strategyEdge(deps: Deps, actor: Actor, id: string): Promise<StrategyEdge> {
  authorize(actor, "read");
  const row = await findStrategyEdge(deps.db, actor.organizationId, id);
  if (!row) throw notFound("That edge");
  return presentEdge(row);
}

/** Removes an edge (admins); the audit log keeps what it was. */
export async function removeStrategyEdge(deps: Deps, actor: Actor, id: string): Promise<{ ok: true }> {
  authorize(actor, "manage_themes");
  await deps.db.transaction(async (tx) => {
    const before = await findStrategyEdge(tx, actor.organizationId, id);
    if (!before) throw notFound("That edge");
    await deleteStrategyEdge(tx, actor.organizationId, id);
    await recordAudit(tx, actor, {
      action: "strategy_edge.deleted",
      entityType: "strategy_edge",
      entityId: id,
      before: presentEdge(before),
    });
  });
  return { ok: true };
}

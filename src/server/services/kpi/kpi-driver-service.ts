/**
 * Driver trees: which KPIs move a KPI without arithmetic. Setting a KPI's drivers is a
 * definition change (the KPI's editors only, audited with the list before and after);
 * reading the tree is for everyone who reads KPIs.
 */
import type { Queryable } from "../../../db/client.ts";
import { type DriverListProblem, driverListProblems, driverLoop } from "../../../domain/kpi/driver-graph.ts";
import { AppError, type FieldIssue, notFound } from "../../../shared/errors.ts";
import type { TeamScope } from "../../../shared/schemas/common.ts";
import type {
  KpiDriverEdge,
  KpiDriverNode,
  KpiDriverTree,
  SetKpiDriversInput,
  TeamDriverTree,
} from "../../../shared/schemas/kpi-drivers.ts";
import type { Actor, Deps } from "../../context.ts";
import { recordAudit } from "../../repositories/audit-repository.ts";
import {
  type DriverEdgeRow,
  driverGraph,
  driversOf,
  edgesAt,
  lockDriverGraph,
  replaceDrivers,
  teamDriverEdges,
} from "../../repositories/kpi-driver-repository.ts";
import { findKpiForUpdate, findKpiWithNames, kpisWithNames } from "../../repositories/kpi-repository.ts";
import { findTeam } from "../../repositories/team-repository.ts";
import { requireManageTeamKpis } from "./kpi-access.ts";
import { presentKpis } from "./kpi-cards.ts";
import { presentContext } from "./kpi-service.ts";

const FIELD = "driverKpiIds";

function listProblemMessage(p: DriverListProblem): string {
  if (p.kind === "self") return "a KPI cannot drive itself; leave it out of its own drivers";
  if (p.kind === "duplicate") return `names the KPI ${p.id} more than once`;
  return `has ${p.count} KPIs; at most 12 drivers keep a tree readable`;
}

/** Replaces the KPI's drivers (ordered); refuses loops, unknown, archived and repeated KPIs. */
export async function setKpiDrivers(
  deps: Deps,
  actor: Actor,
  kpiId: string,
  input: SetKpiDriversInput,
): Promise<KpiDriverTree> {
  await deps.db.transaction(async (tx) => {
    const kpi = await findKpiForUpdate(tx, actor.organizationId, kpiId);
    if (!kpi) throw notFound("That KPI");
    await requireManageTeamKpis(tx, actor, kpi.teamId);
    const wanted = input.driverKpiIds;
    const problems = driverListProblems(kpi.id, wanted);
    if (problems.length > 0)
      throw invalid(problems.map((p) => ({ field: FIELD, message: listProblemMessage(p) })));
    const found = new Map(
      (await kpisWithNames(tx, actor.organizationId, wanted)).map((row) => [row.kpi.id, row.kpi]),
    );
    const issues: FieldIssue[] = [];
    const unknown = wanted.filter((id) => !found.has(id));
    if (unknown.length > 0) {
      issues.push({ field: FIELD, message: `no such KPI in this organisation: ${unknown.join(", ")}` });
    }
    const archived = wanted.filter((id) => found.get(id)?.state === "archived");
    if (archived.length > 0) {
      const keys = archived.map((id) => found.get(id)?.key).join(", ");
      issues.push({
        field: FIELD,
        message: `archived KPIs cannot drive others (${keys}); restore them first`,
      });
    }
    if (kpi.state === "archived" && wanted.length > 0) {
      issues.push({ field: FIELD, message: `${kpi.key} is archived; restore it before naming its drivers` });
    }
    if (issues.length > 0) throw invalid(issues);

    const before = await driversOf(tx, actor.organizationId, kpi.id);
    const beforeIds = before.map((e) => e.driverKpiId);
    if (beforeIds.length === wanted.length && beforeIds.every((id, i) => id === wanted[i])) return;

    // Two edits checked at once could each pass and together close a loop: they take turns.
    await lockDriverGraph(tx, actor.organizationId);
    const loop = driverLoop(await driverGraph(tx, actor.organizationId), kpi.id, wanted);
    if (loop) {
      const keys = await keysOf(tx, actor, loop, found);
      const path = loop.map((id) => keys.get(id) ?? id).join(" ← ");
      throw new AppError("conflict", `${FIELD}: drivers would go round in a loop: ${path}`, {
        issues: [{ field: FIELD, message: `would close a loop: ${path}` }],
        loop: loop.map((id) => ({ id, key: keys.get(id) ?? null })),
      });
    }
    await replaceDrivers(tx, actor.organizationId, kpi.id, wanted);
    const names = new Map(
      (await kpisWithNames(tx, actor.organizationId, [...new Set([...beforeIds, ...wanted])])).map((r) => [
        r.kpi.id,
        r.kpi.key,
      ]),
    );
    const snapshot = (ids: readonly string[]) => ({
      drivers: ids.map((id) => ({ id, key: names.get(id) ?? null })),
    });
    await recordAudit(tx, actor, {
      action: "kpi.drivers_changed",
      entityType: "kpi",
      entityId: kpi.id,
      entityLabel: kpi.name,
      before: snapshot(beforeIds),
      after: snapshot(wanted),
    });
  });
  return kpiDriverTree(deps, actor, kpiId);
}

function invalid(issues: FieldIssue[]) {
  return new AppError("validation_failed", issues.map((i) => `${i.field}: ${i.message}`).join("; "), {
    issues,
  });
}

async function keysOf(
  q: Queryable,
  actor: Actor,
  ids: readonly string[],
  known: ReadonlyMap<string, { key: string }>,
): Promise<Map<string, string>> {
  const missing = ids.filter((id) => !known.has(id));
  const rows = await kpisWithNames(q, actor.organizationId, [...new Set(missing)]);
  const keys = new Map<string, string>([...known].map(([id, k]) => [id, k.key]));
  for (const row of rows) keys.set(row.kpi.id, row.kpi.key);
  return keys;
}

/** The KPI with its drivers down `depth` levels and what it drives up `depth` levels. */
export async function kpiDriverTree(
  deps: Deps,
  actor: Actor,
  kpiId: string,
  depth = 4,
): Promise<KpiDriverTree> {
  const root = await findKpiWithNames(deps.db, actor.organizationId, kpiId);
  if (!root) throw notFound("That KPI");
  const edges = new Map<string, DriverEdgeRow>();
  for (const side of ["driven", "driver"] as const) {
    const seen = new Set([root.kpi.id]);
    let frontier = [root.kpi.id];
    for (let level = 0; level < depth && frontier.length > 0; level++) {
      const next: string[] = [];
      for (const edge of await edgesAt(deps.db, actor.organizationId, frontier, side)) {
        edges.set(`${edge.kpiId}|${edge.driverKpiId}`, edge);
        const other = side === "driven" ? edge.driverKpiId : edge.kpiId;
        if (!seen.has(other)) {
          seen.add(other);
          next.push(other);
        }
      }
      frontier = next;
    }
  }
  const list = [...edges.values()];
  const { nodes, ctx } = await presentNodes(deps, actor, [root.kpi.id, ...list.flatMap(endsOf)]);
  return {
    rootId: root.kpi.id,
    depth,
    nodes,
    edges: list.map(toEdge),
    can: { editDrivers: ctx.permissions.forKpi(root.kpi).edit },
  };
}

/** The driver edges with an end on the team's KPIs (or its subtree's), with their neighbours. */
export async function teamDriverTree(
  deps: Deps,
  actor: Actor,
  teamId: string,
  scope: TeamScope,
): Promise<TeamDriverTree> {
  const team = await findTeam(deps.db, actor.organizationId, teamId);
  if (!team) throw notFound("That team");
  const { edges, teamKpiIds } = await teamDriverEdges(
    deps.db,
    actor.organizationId,
    teamId,
    scope === "subtree",
  );
  const { nodes } = await presentNodes(deps, actor, edges.flatMap(endsOf));
  return { team: { id: team.id, name: team.name }, scope, teamKpiIds, nodes, edges: edges.map(toEdge) };
}

const endsOf = (e: DriverEdgeRow) => [e.kpiId, e.driverKpiId];
const toEdge = (e: DriverEdgeRow): KpiDriverEdge => ({
  kpiId: e.kpiId,
  driverKpiId: e.driverKpiId,
  position: e.position,
});

/** Nodes as their KPI cards show them: the status comes from the same code as the board's. */
async function presentNodes(deps: Deps, actor: Actor, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  const rows = await kpisWithNames(deps.db, actor.organizationId, unique);
  const ctx = await presentContext(deps, deps.db, actor);
  const cards = await presentKpis(deps.db, actor.organizationId, rows, ctx);
  const byId = new Map(cards.map((c) => [c.id, c]));
  const nodes: KpiDriverNode[] = [];
  for (const id of unique) {
    const card = byId.get(id);
    if (!card) continue;
    nodes.push({
      id: card.id,
      key: card.key,
      name: card.name,
      teamId: card.teamId,
      teamName: card.teamName,
      state: card.state,
      unit: card.unit,
      decimals: card.decimals,
      currency: card.currency,
      periodStart: card.current.periodStart,
      value: card.current.value,
      status: card.current.status,
    });
  }
  return { nodes, ctx };
}

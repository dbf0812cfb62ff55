import type { Queryable } from "../../../db/client.ts";
import { todayIn } from "../../../domain/dates.ts";
import { currentStatus, floorBreached } from "../../../domain/kpi/status.ts";
import type { PeriodOptions } from "../../../domain/kpi/types.ts";
import { changedFields } from "../../../domain/no-op.ts";
import { AppError, fieldError, notFound, versionConflict } from "../../../shared/errors.ts";
import type { TeamScope } from "../../../shared/schemas/common.ts";
import type { KpiFloor } from "../../../shared/schemas/escalations.ts";
import type { Actor, Deps } from "../../context.ts";
import { authorize } from "../../policies/org-policy.ts";
import { recordAudit } from "../../repositories/audit-repository.ts";
import { findCycle } from "../../repositories/catalog-repository.ts";
import { kpiBrief } from "../../repositories/escalation-repository.ts";
import {
  activeFloorRows,
  deleteFloor,
  type FloorRow,
  findFloor,
  insertFloor,
  listFloors,
  teamIsWithin,
  updateFloor,
} from "../../repositories/floor-repository.ts";
import { requeueForStatus } from "../../repositories/kpi-recompute-repository.ts";
import { bandsOf } from "../../repositories/kpi-repository.ts";
import { recentMeasurements } from "../../repositories/measurement-repository.ts";
import { findOrganizationById } from "../../repositories/organization-repository.ts";
import { findTeam, isActiveMember } from "../../repositories/team-repository.ts";
import { requireManageTeamKpis } from "./kpi-access.ts";
import { recomputeAfterWrite } from "./recompute-service.ts";

/**
 * The KPI floor: for a team and a cycle, the KPIs that must not fall while the cycle
 * runs, each with an owner and the threshold at which an escalation opens. Set up in
 * cycle planning and adjustable while the cycle is active; frozen once it is graded.
 */

/** Today and the calendar settings, in the organisation's time zone. */
async function clockOf(q: Queryable, deps: Deps, organizationId: string) {
  const org = await findOrganizationById(q, organizationId);
  const opts: PeriodOptions = {
    weekStart: org?.weekStart ?? 1,
    fiscalYearStartMonth: org?.fiscalYearStartMonth ?? 1,
  };
  return { today: todayIn(org?.timeZone ?? "UTC", deps.now()), opts };
}

/**
 * Floors with their KPI's current value and status, and whether that value breaks the
 * floor. A missing value (no_data) breaks nothing: it is flagged by its status instead.
 */
async function presentFloors(
  q: Queryable,
  deps: Deps,
  organizationId: string,
  rows: FloorRow[],
): Promise<KpiFloor[]> {
  if (rows.length === 0) return [];
  const { today, opts } = await clockOf(q, deps, organizationId);
  const kpiIds = [...new Set(rows.map((r) => r.kpi.id))];
  // Two per KPI: the newest may lie in a period that has not started (entered early).
  const latest = await recentMeasurements(q, organizationId, kpiIds, 2);
  const bands = await bandsOf(q, organizationId, kpiIds);
  return rows.map(({ floor, kpi, ownerName }) => {
    const current = currentStatus({
      measurements: latest.get(kpi.id) ?? [],
      series: bands.get(kpi.id) ?? [],
      direction: kpi.direction,
      frequency: kpi.frequency,
      today,
      opts,
    });
    return {
      id: floor.id,
      teamId: floor.teamId,
      cycleId: floor.cycleId,
      kpi: {
        id: kpi.id,
        key: kpi.key,
        name: kpi.name,
        teamId: kpi.teamId,
        teamName: kpi.teamName,
        unit: kpi.unit,
        decimals: kpi.decimals,
        currency: kpi.currency,
        direction: kpi.direction,
        value: current.value,
        periodStart: current.periodStart,
        status: current.status,
      },
      ownerUserId: floor.ownerUserId,
      ownerName,
      threshold: floor.threshold,
      breached: current.value !== null && floorBreached(current.value, kpi.direction, floor.threshold),
      version: floor.version,
    };
  });
}

async function presentFloor(q: Queryable, deps: Deps, organizationId: string, id: string) {
  const row = await findFloor(q, organizationId, id);
  return row ? (await presentFloors(q, deps, organizationId, [row]))[0] : undefined;
}

/** Floors change in planning and while the cycle runs; grading and closing freeze them. */
function frozenBecause(cycle: { name: string; state: string }): string | null {
  if (cycle.state === "planning" || cycle.state === "active") return null;
  return `Cycle "${cycle.name}" is ${cycle.state === "closed" ? "closed" : "being graded"}: its KPI floor is frozen. Floors are set up while a cycle is planned or running.`;
}

/** A team's floors for a cycle: with the floors of the teams below it unless `scope` is team. */
export async function listFloorsFor(
  deps: Deps,
  actor: Actor,
  query: { teamId: string; cycleId: string; scope?: TeamScope | undefined },
) {
  authorize(actor, "read");
  const rows = await listFloors(
    deps.db,
    actor.organizationId,
    query.teamId,
    query.cycleId,
    query.scope ?? "subtree",
  );
  return { items: await presentFloors(deps.db, deps, actor.organizationId, rows) };
}

export async function getFloor(deps: Deps, actor: Actor, id: string): Promise<KpiFloor> {
  authorize(actor, "read");
  const floor = await presentFloor(deps.db, deps, actor.organizationId, id);
  if (!floor) throw notFound("That KPI floor");
  return floor;
}

async function requireActiveOwner(q: Queryable, organizationId: string, userId: string) {
  if (!(await isActiveMember(q, organizationId, userId))) {
    throw fieldError("ownerUserId", "is not an active member of this organisation");
  }
}

export async function createFloor(
  deps: Deps,
  actor: Actor,
  input: { teamId: string; cycleId: string; kpiId: string; ownerUserId: string; threshold: number },
): Promise<KpiFloor> {
  authorize(actor, "read");
  const created = await deps.db.transaction(async (tx) => {
    const org = actor.organizationId;
    const team = await findTeam(tx, org, input.teamId);
    if (!team) throw fieldError("teamId", "is not a team of this organisation");
    await requireManageTeamKpis(tx, actor, team.id);
    if (team.archivedAt) throw fieldError("teamId", `${team.name} is archived`);
    const cycle = await findCycle(tx, org, input.cycleId);
    if (!cycle) throw fieldError("cycleId", "is not a cycle of this organisation");
    const frozen = frozenBecause(cycle);
    if (frozen) throw fieldError("cycleId", frozen);
    const kpi = await kpiBrief(tx, org, input.kpiId);
    if (!kpi) throw fieldError("kpiId", "is not a KPI of this organisation");
    if (kpi.state !== "active") throw fieldError("kpiId", `"${kpi.name}" is archived; restore it first`);
    // The floor is the team's: its own KPIs and its sub-teams', for admins too.
    if (kpi.teamId !== team.id && !(await teamIsWithin(tx, org, kpi.teamId, team.id))) {
      const owning = await findTeam(tx, org, kpi.teamId);
      throw fieldError(
        "kpiId",
        `"${kpi.name}" belongs to ${owning?.name ?? "another team"}, which is not ${team.name} or a team under it`,
      );
    }
    await requireActiveOwner(tx, org, input.ownerUserId);
    const inserted = await insertFloor(tx, { organizationId: org, ...input, createdAt: deps.now() });
    if (!inserted) {
      const message = `"${kpi.name}" (${kpi.key}) is already on ${team.name}'s floor for ${cycle.name}; change that floor instead.`;
      throw new AppError("already_exists", message, {
        issues: [{ field: "kpiId", message: "is already on this team's floor for this cycle" }],
        kpiId: kpi.id,
      });
    }
    // A value already through the new floor escalates now, not at the next value.
    await requeueForStatus(tx, org, input.kpiId);
    const floor = (await presentFloor(tx, deps, org, inserted.id))!;
    await recordAudit(tx, actor, {
      action: "kpi_floor.created",
      entityType: "kpi_floor",
      entityId: floor.id,
      entityLabel: `${team.name}: ${kpi.name}`,
      after: floor,
    });
    return floor;
  });
  await recomputeAfterWrite(deps, actor.organizationId, [input.kpiId]);
  return created;
}

/** Loads a floor for a change by `actor`: the team's KPI managers only, and not once frozen. */
async function floorForChange(q: Queryable, actor: Actor, id: string) {
  authorize(actor, "read");
  const row = await findFloor(q, actor.organizationId, id);
  if (!row) throw notFound("That KPI floor");
  await requireManageTeamKpis(q, actor, row.floor.teamId);
  const cycle = await findCycle(q, actor.organizationId, row.floor.cycleId);
  const frozen = cycle ? frozenBecause(cycle) : null;
  if (frozen) throw new AppError("conflict", frozen);
  return row;
}

export async function updateFloorFor(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { version: number; ownerUserId?: string | undefined; threshold?: number | undefined },
): Promise<KpiFloor> {
  let kpiId = "";
  const updated = await deps.db.transaction(async (tx) => {
    const org = actor.organizationId;
    const row = await floorForChange(tx, actor, id);
    kpiId = row.kpi.id;
    if (input.ownerUserId !== undefined) await requireActiveOwner(tx, org, input.ownerUserId);
    const before = (await presentFloors(tx, deps, org, [row]))[0]!;
    if (before.version !== input.version) throw versionConflict(`The floor for "${row.kpi.name}"`);
    // Nothing changes: no version, no audit entry.
    if (changedFields({ ownerUserId: input.ownerUserId, threshold: input.threshold }, before).length === 0) {
      return before;
    }
    const patch = {
      ...(input.ownerUserId !== undefined ? { ownerUserId: input.ownerUserId } : {}),
      ...(input.threshold !== undefined ? { threshold: input.threshold } : {}),
      updatedAt: deps.now(),
    };
    if (!(await updateFloor(tx, org, id, input.version, patch))) {
      throw versionConflict(`The floor for "${row.kpi.name}"`);
    }
    await requeueForStatus(tx, org, row.kpi.id);
    const after = (await presentFloor(tx, deps, org, id))!;
    await recordAudit(tx, actor, {
      action: "kpi_floor.updated",
      entityType: "kpi_floor",
      entityId: id,
      entityLabel: row.kpi.name,
      before,
      after,
    });
    return after;
  });
  await recomputeAfterWrite(deps, actor.organizationId, [kpiId]);
  return updated;
}

/** Takes a KPI off the floor; answers the floor as it was. */
export async function deleteFloorFor(deps: Deps, actor: Actor, id: string): Promise<KpiFloor> {
  return deps.db.transaction(async (tx) => {
    const org = actor.organizationId;
    const row = await floorForChange(tx, actor, id);
    const before = (await presentFloors(tx, deps, org, [row]))[0]!;
    if (!(await deleteFloor(tx, org, id))) throw notFound("That KPI floor");
    await recordAudit(tx, actor, {
      action: "kpi_floor.deleted",
      entityType: "kpi_floor",
      entityId: id,
      entityLabel: row.kpi.name,
      before,
    });
    return before;
  });
}

/**
 * Floors of these KPIs that are in force today: `today` (a date in the organisation's
 * time zone) falls between their cycle's first and last day and the cycle is not closed,
 * whatever else its state (a cycle left in planning past its start still has a floor).
 * The recompute checks new values against them.
 */
export async function activeFloorsOf(
  q: Queryable,
  organizationId: string,
  kpiIds: string[],
  today: string,
): Promise<
  Array<{
    id: string;
    kpiId: string;
    teamId: string;
    cycleId: string;
    threshold: number;
    ownerUserId: string;
  }>
> {
  return activeFloorRows(q, organizationId, kpiIds, today);
}

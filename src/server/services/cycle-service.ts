import { canMoveCycle, isReopen } from "../../domain/cycle-states.ts";
import { todayIn } from "../../domain/dates.ts";
import { fiscalYearCycles, isPast } from "../../domain/fiscal-cycles.ts";
import { changedFields } from "../../domain/no-op.ts";
import { AppError, fieldError, notFound, versionConflict } from "../../shared/errors.ts";
import type { ListQuery } from "../../shared/schemas/common.ts";
import type { Cycle } from "../../shared/schemas/cycles.ts";
import type { Actor, Deps } from "../context.ts";
import { publishOrgEvent } from "../events/org-events.ts";
import { pageFilter, toPage } from "../lib/pagination.ts";
import { authorize } from "../policies/org-policy.ts";
import { recordAudit } from "../repositories/audit-repository.ts";
import {
  findCycle,
  insertCycles,
  listCycles,
  pageCycles,
  updateCycle,
} from "../repositories/catalog-repository.ts";
import { findOrganizationById } from "../repositories/organization-repository.ts";
import { onCycleStateChangeForPromotions } from "./kpi/promotion-lifecycle.ts";
import { onCycleStateChange } from "./okr/grading-service.ts";
import { requireFindingsAcknowledged } from "./okr/lint-dismissal-service.ts";

type CycleRow = NonNullable<Awaited<ReturnType<typeof findCycle>>>;

export function presentCycle(row: CycleRow): Cycle {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    state: row.state,
    version: row.version,
  };
}

export async function listCyclesFor(deps: Deps, actor: Actor, query: ListQuery) {
  authorize(actor, "read");
  const rows = await pageCycles(deps.db, actor.organizationId, pageFilter(query, "datePair"));
  const page = toPage(rows, query.limit, (r) => ({ k: `${r.startsOn}~${r.endsOn}`, id: r.id }));
  return { items: page.items.map(presentCycle), nextCursor: page.nextCursor };
}

export async function getCycle(deps: Deps, actor: Actor, id: string) {
  authorize(actor, "read");
  const row = await findCycle(deps.db, actor.organizationId, id);
  if (!row) throw notFound("That cycle");
  return presentCycle(row);
}

function checkDates(startsOn: string, endsOn: string) {
  if (endsOn < startsOn) throw fieldError("endsOn", "must be on or after startsOn");
  const days = (Date.parse(endsOn) - Date.parse(startsOn)) / 86_400_000;
  if (days > 800) throw fieldError("endsOn", "a cycle may last at most about two years");
}

export async function createCustomCycle(
  deps: Deps,
  actor: Actor,
  input: { name: string; startsOn: string; endsOn: string },
): Promise<Cycle> {
  authorize(actor, "manage_cycles");
  checkDates(input.startsOn, input.endsOn);
  return deps.db.transaction(async (tx) => {
    const [row] = await insertCycles(tx, [
      { organizationId: actor.organizationId, kind: "custom", ...input },
    ]);
    const cycle = presentCycle(row!);
    await recordAudit(tx, actor, {
      action: "cycle.created",
      entityType: "cycle",
      entityId: cycle.id,
      entityLabel: cycle.name,
      after: cycle,
    });
    return cycle;
  });
}

/**
 * Creates a fiscal year and its quarters; cycles that already exist (same dates) are
 * skipped, and so are those that ended before today unless `includePast` asks for them.
 */
export async function generateFiscalYear(deps: Deps, actor: Actor, fiscalYear: number, includePast = false) {
  authorize(actor, "manage_cycles");
  return deps.db.transaction(async (tx) => {
    const org = await findOrganizationById(tx, actor.organizationId);
    const existing = await listCycles(tx, actor.organizationId);
    const today = todayIn(actor.timeZone, deps.now());
    const wanted = fiscalYearCycles(fiscalYear, org!.fiscalYearStartMonth).filter(
      (c) =>
        (includePast || !isPast(c, today)) &&
        !existing.some((e) => e.kind === c.kind && e.startsOn === c.startsOn && e.endsOn === c.endsOn),
    );
    const rows = await insertCycles(
      tx,
      wanted.map((c) => ({ ...c, organizationId: actor.organizationId })),
    );
    for (const row of rows) {
      await recordAudit(tx, actor, {
        action: "cycle.created",
        entityType: "cycle",
        entityId: row.id,
        entityLabel: row.name,
        after: presentCycle(row),
      });
    }
    return { items: rows.map(presentCycle), nextCursor: null };
  });
}

export async function updateCycleFor(
  deps: Deps,
  actor: Actor,
  id: string,
  input: {
    version: number;
    name?: string | undefined;
    startsOn?: string | undefined;
    endsOn?: string | undefined;
    state?: Cycle["state"] | undefined;
    reason?: string | undefined;
    acknowledgeFindings?: boolean | undefined;
  },
): Promise<Cycle> {
  authorize(actor, "manage_cycles");
  return deps.db.transaction(async (tx) => {
    const before = await findCycle(tx, actor.organizationId, id);
    if (!before) throw notFound("That cycle");
    const { version, reason, acknowledgeFindings, ...patch } = input;
    if (before.state === "closed" && (patch.name || patch.startsOn || patch.endsOn)) {
      throw new AppError("conflict", "A closed cycle is frozen. Reopen it (back to grading) to change it.");
    }
    checkDates(patch.startsOn ?? before.startsOn, patch.endsOn ?? before.endsOn);
    if (patch.state && patch.state !== before.state) {
      if (!canMoveCycle(before.state, patch.state)) {
        throw fieldError("state", `cannot go from ${before.state} to ${patch.state}`);
      }
      if (isReopen(before.state, patch.state) && !reason) {
        throw fieldError("reason", "say why the closed cycle is being reopened (it is audited)");
      }
    }
    if (version !== before.version) throw versionConflict(`Cycle "${before.name}"`);
    // Nothing changes: no version, no audit entry.
    if (changedFields(patch, before).length === 0) return presentCycle(before);
    const after = await updateCycle(tx, actor.organizationId, id, version, patch);
    if (!after) throw versionConflict(`Cycle "${before.name}"`);
    if (patch.state === "active" && before.state === "planning") {
      // Starting a cycle asks about its Objectives' open linter warnings.
      await requireFindingsAcknowledged(
        tx,
        actor,
        { cycleId: id, teamId: null },
        acknowledgeFindings === true,
        {
          type: "cycle",
          id,
          label: after.name,
        },
      );
    }
    if (patch.state && patch.state !== before.state) {
      // Closing needs every KR scored and freezes the cycle's Objectives; reopening thaws them.
      await onCycleStateChange(tx, actor.organizationId, id, before.state, patch.state);
      await onCycleStateChangeForPromotions(tx, actor, id, before.state, patch.state, deps.now());
    }
    const action =
      patch.state && patch.state !== before.state
        ? isReopen(before.state, patch.state)
          ? "cycle.reopened"
          : `cycle.${patch.state === "active" ? "activated" : patch.state === "closed" ? "closed" : `moved_to_${patch.state}`}`
        : "cycle.updated";
    await recordAudit(tx, actor, {
      action,
      entityType: "cycle",
      entityId: id,
      entityLabel: after.name,
      before: presentCycle(before),
      after: presentCycle(after),
      reason: reason ?? null,
    });
    if (action === "cycle.closed") {
      await publishOrgEvent(tx, {
        type: "cycle.closed",
        organizationId: actor.organizationId,
        subject: { kind: "cycle", id },
        ids: { cycleId: id },
        text: `${actor.label} closed the cycle "${after.name}": its Objectives and scores are now final.`,
        data: { cycleName: after.name },
        at: deps.now(),
      });
    }
    return presentCycle(after);
  });
}

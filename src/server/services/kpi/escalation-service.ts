import type { Queryable } from "../../../db/client.ts";
import { roleAtLeast } from "../../../domain/roles.ts";
import { AppError, notFound, versionConflict } from "../../../shared/errors.ts";
import type { Escalation } from "../../../shared/schemas/escalations.ts";
import type { Actor, Deps } from "../../context.ts";
import { decodeCursor, toPage } from "../../lib/pagination.ts";
import { systemActor } from "../../lib/system-actor.ts";
import { authorize } from "../../policies/org-policy.ts";
import { recordAudit } from "../../repositories/audit-repository.ts";
import {
  activeAdmins,
  activeAmong,
  type EscalationState,
  insertEntry,
  insertEscalationIfNone,
  insertRecipients,
  kpiBrief,
  listEscalations,
  type RecipientRole,
  unresolvedOf,
  updateUnresolvedEscalation,
} from "../../repositories/escalation-repository.ts";
import { findFloor } from "../../repositories/floor-repository.ts";
import { nearestLead } from "../../repositories/kpi-access-repository.ts";
import { findOrganizationById } from "../../repositories/organization-repository.ts";
import { actingCheck, forReader, type Presented, present, presentOne } from "./escalation-presenter.ts";

/**
 * Escalations: a KPI turned red or fell through a floor, and the people who must act
 * are told once (not every minute). Keel opens and auto-closes them from the recompute
 * (openEscalation, autoResolveEscalation); people acknowledge, annotate and resolve them.
 */

/** Loads an escalation for a change by `actor`, refusing who may not act on it. */
async function forChange(q: Queryable, actor: Actor, id: string): Promise<Presented> {
  authorize(actor, "read");
  const e = await presentOne(q, actor.organizationId, id);
  if (!e) throw notFound("That escalation");
  if (!(await actingCheck(q, actor)(e))) {
    const why = !roleAtLeast(actor.role, "member")
      ? "Viewers can read escalations but not act on them."
      : !actor.userId
        ? "Escalations are answered by people: sign in, or use a personal API token."
        : `Only the people this escalation went to, the leads of ${e.kpi.teamName} (or of a team above it) and admins can act on it.`;
    throw new AppError("forbidden", why);
  }
  return e;
}

function describeResolved(e: Presented): string {
  const by = e.resolvedByName ? `by ${e.resolvedByName}` : "by itself when the KPI was back to green";
  return `This escalation was already resolved ${by}${e.resolvedAt ? ` on ${e.resolvedAt.slice(0, 10)}` : ""}. If "${e.kpi.name}" turns red again, a new one opens.`;
}

export async function listEscalationsFor(
  deps: Deps,
  actor: Actor,
  query: {
    state: "unresolved" | "open" | "acknowledged" | "resolved" | "all";
    teamId?: string | undefined;
    kpiId?: string | undefined;
    mine?: "true" | "false" | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  authorize(actor, "read");
  const mine = query.mine === "true";
  // A service token has no inbox: nothing is ever sent to it.
  if (mine && !actor.userId) return { items: [], nextCursor: null };
  const rows = await listEscalations(deps.db, actor.organizationId, {
    state: query.state,
    teamId: query.teamId,
    kpiId: query.kpiId,
    recipientUserId: mine ? (actor.userId ?? undefined) : undefined,
    after: decodeCursor(query.cursor, "timestamp"),
    limit: query.limit,
  });
  const page = toPage(rows, query.limit, (r) => ({
    k: r.escalation.openedAt.toISOString(),
    id: r.escalation.id,
  }));
  const items = await present(deps.db, actor.organizationId, page.items);
  return { items: await forReader(deps.db, actor, items), nextCursor: page.nextCursor };
}

export async function getEscalation(deps: Deps, actor: Actor, id: string): Promise<Escalation> {
  authorize(actor, "read");
  const e = await presentOne(deps.db, actor.organizationId, id);
  if (!e) throw notFound("That escalation");
  return (await forReader(deps.db, actor, [e]))[0]!;
}

/**
 * A state change by a person: only from `from` states and at the version they loaded.
 * Writes the timeline entry and the audit event in the same transaction.
 */
async function changeState(
  deps: Deps,
  actor: Actor,
  id: string,
  change: {
    version: number;
    from: EscalationState[];
    refuse: (e: Presented) => string | null;
    patch: (now: Date) => Parameters<typeof updateUnresolvedEscalation>[4];
    entry: { kind: "acknowledged" | "resolved"; text: string };
    action: string;
  },
): Promise<Escalation> {
  return deps.db.transaction(async (tx) => {
    const before = await forChange(tx, actor, id);
    const refusal = change.refuse(before);
    if (refusal) throw new AppError("conflict", refusal);
    const now = deps.now();
    const updated = await updateUnresolvedEscalation(
      tx,
      actor.organizationId,
      id,
      { version: change.version, states: change.from },
      change.patch(now),
    );
    if (!updated) throw versionConflict(`The escalation of "${before.kpi.name}"`);
    await insertEntry(tx, {
      organizationId: actor.organizationId,
      escalationId: id,
      kind: change.entry.kind,
      authorUserId: actor.userId,
      text: change.entry.text,
      createdAt: now,
    });
    const after = (await presentOne(tx, actor.organizationId, id))!;
    await recordAudit(tx, actor, {
      action: change.action,
      entityType: "escalation",
      entityId: id,
      entityLabel: before.kpi.name,
      before,
      after,
    });
    return (await forReader(tx, actor, [after]))[0]!;
  });
}

/** Someone is on it: open → acknowledged, with an optional note. */
export function acknowledgeEscalation(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { version: number; note: string },
): Promise<Escalation> {
  return changeState(deps, actor, id, {
    version: input.version,
    from: ["open"],
    refuse: (e) =>
      e.state === "resolved"
        ? describeResolved(e)
        : e.state === "acknowledged"
          ? `${e.acknowledgedByName ?? "Someone"} already acknowledged this escalation${e.acknowledgedAt ? ` on ${e.acknowledgedAt.slice(0, 10)}` : ""}. Add a note or resolve it instead.`
          : null,
    patch: (now) => ({ state: "acknowledged", acknowledgedAt: now, acknowledgedByUserId: actor.userId }),
    entry: { kind: "acknowledged", text: input.note },
    action: "escalation.acknowledged",
  });
}

/** Closes it with what was done; from open or acknowledged. */
export function resolveEscalation(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { version: number; resolution: string },
): Promise<Escalation> {
  return changeState(deps, actor, id, {
    version: input.version,
    from: ["open", "acknowledged"],
    refuse: (e) => (e.state === "resolved" ? describeResolved(e) : null),
    patch: (now) => ({
      state: "resolved",
      resolvedAt: now,
      resolvedByUserId: actor.userId,
      resolution: input.resolution,
    }),
    entry: { kind: "resolved", text: input.resolution },
    action: "escalation.resolved",
  });
}

/**
 * A note or an action on the timeline. It does not change the escalation's version: a
 * note written while someone else resolves must not make their resolution stale.
 */
export async function addEscalationEntry(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { kind: "note" | "action"; text: string },
): Promise<Escalation> {
  return deps.db.transaction(async (tx) => {
    const before = await forChange(tx, actor, id);
    if (before.state === "resolved") throw new AppError("conflict", describeResolved(before));
    await insertEntry(tx, {
      organizationId: actor.organizationId,
      escalationId: id,
      kind: input.kind,
      authorUserId: actor.userId,
      text: input.text,
      createdAt: deps.now(),
    });
    const after = (await presentOne(tx, actor.organizationId, id))!;
    await recordAudit(tx, actor, {
      action: input.kind === "action" ? "escalation.action_added" : "escalation.note_added",
      entityType: "escalation",
      entityId: id,
      entityLabel: before.kpi.name,
      before,
      after,
    });
    return (await forReader(tx, actor, [after]))[0]!;
  });
}

// ——— What the recompute calls (inside its transaction) ———

/**
 * Who an escalation goes to: the KPI's owner, the team's lead or else the nearest lead
 * above, and for a floor the floor's owner; when no team up the tree has an active lead,
 * the organisation's active admins and owners. Deactivated people are skipped. One
 * person is listed once, under the first role that applies.
 */
async function recipientsFor(
  q: Queryable,
  organizationId: string,
  kpi: { teamId: string; ownerUserId: string },
  floorOwnerUserId: string | null,
): Promise<Array<{ userId: string; role: RecipientRole }>> {
  const lead = await nearestLead(q, organizationId, kpi.teamId);
  const candidates: Array<{ userId: string; role: RecipientRole }> = [
    { userId: kpi.ownerUserId, role: "owner" },
  ];
  if (lead) candidates.push({ userId: lead, role: "lead" });
  if (floorOwnerUserId) candidates.push({ userId: floorOwnerUserId, role: "floor_owner" });
  const active = await activeAmong(
    q,
    organizationId,
    candidates.map((c) => c.userId),
  );
  if (!lead || !active.has(lead)) {
    for (const userId of await activeAdmins(q, organizationId)) {
      candidates.push({ userId, role: "admin" });
      active.add(userId);
    }
  }
  const seen = new Set<string>();
  return candidates.filter((c) => active.has(c.userId) && !seen.has(c.userId) && seen.add(c.userId));
}

async function keelActor(q: Queryable, organizationId: string) {
  const org = await findOrganizationById(q, organizationId);
  if (!org) throw new Error(`organisation ${organizationId} not found`);
  return systemActor(org, "kpi-recompute");
}

/**
 * Opens an escalation for a KPI that turned red or fell through a floor, with its
 * recipients, an `opened` entry and the audit event (by "Keel"). Null when the KPI
 * already has an unresolved one: it opens once, not on every recompute.
 */
export async function openEscalation(
  q: Queryable,
  input: {
    organizationId: string;
    kpiId: string;
    reason: "red" | "floor";
    floorId: string | null;
    periodStart: string;
    value: number;
    now: Date;
  },
): Promise<string | null> {
  const { organizationId } = input;
  const kpi = await kpiBrief(q, organizationId, input.kpiId);
  if (!kpi) return null;
  const floor =
    input.reason === "floor" && input.floorId ? await findFloor(q, organizationId, input.floorId) : undefined;
  const id = await insertEscalationIfNone(q, {
    organizationId,
    kpiId: input.kpiId,
    reason: input.reason,
    floorId: input.floorId,
    periodStart: input.periodStart,
    value: input.value,
    openedAt: input.now,
  });
  if (!id) return null;
  await insertRecipients(
    q,
    organizationId,
    id,
    await recipientsFor(q, organizationId, kpi, floor?.floor.ownerUserId ?? null),
  );
  const what =
    input.reason === "floor"
      ? `fell through its floor${floor ? ` of ${floor.floor.threshold}` : ""}`
      : "turned red";
  await insertEntry(q, {
    organizationId,
    escalationId: id,
    kind: "opened",
    authorUserId: null,
    text: `"${kpi.name}" ${what}: ${input.value} for the period starting ${input.periodStart}.`,
    createdAt: input.now,
  });
  await recordAudit(q, await keelActor(q, organizationId), {
    action: "escalation.opened",
    entityType: "escalation",
    entityId: id,
    entityLabel: kpi.name,
    after: await presentOne(q, organizationId, id),
  });
  return id;
}

/**
 * Closes an escalation by itself once its KPI has been green for `greenPeriods` periods
 * in a row: resolved by nobody, with the reason as its resolution. Does nothing when it
 * is already resolved (someone resolved it in the meantime).
 */
export async function autoResolveEscalation(
  q: Queryable,
  input: { organizationId: string; escalationId: string; greenPeriods: number; now: Date },
): Promise<void> {
  const { organizationId, escalationId } = input;
  const before = await presentOne(q, organizationId, escalationId);
  if (!before || before.state === "resolved") return;
  const resolution = `Back to green for ${input.greenPeriods} period${input.greenPeriods === 1 ? "" : "s"} in a row`;
  const updated = await updateUnresolvedEscalation(
    q,
    organizationId,
    escalationId,
    { version: null, states: ["open", "acknowledged"] },
    { state: "resolved", resolvedAt: input.now, resolvedByUserId: null, resolution },
  );
  if (!updated) return;
  await insertEntry(q, {
    organizationId,
    escalationId,
    kind: "resolved",
    authorUserId: null,
    text: resolution,
    createdAt: input.now,
  });
  await recordAudit(q, await keelActor(q, organizationId), {
    action: "escalation.resolved",
    entityType: "escalation",
    entityId: escalationId,
    entityLabel: before.kpi.name,
    before,
    after: await presentOne(q, organizationId, escalationId),
  });
}

/** The unresolved escalation of each KPI that has one (KPI cards, the board, KPI detail). */
export async function unresolvedEscalationsOf(
  q: Queryable,
  organizationId: string,
  kpiIds: string[],
): Promise<
  Map<string, { id: string; state: "open" | "acknowledged"; reason: "red" | "floor"; openedAt: Date }>
> {
  const rows = await unresolvedOf(q, organizationId, kpiIds);
  return new Map(
    rows.map((r) => [
      r.kpiId,
      { id: r.id, state: r.state as "open" | "acknowledged", reason: r.reason, openedAt: r.openedAt },
    ]),
  );
}

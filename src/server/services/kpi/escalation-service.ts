import type { Queryable } from "../../../db/client.ts";
import { roleAtLeast } from "../../../domain/roles.ts";
import { AppError, notFound, versionConflict } from "../../../shared/errors.ts";
import type { TeamScope } from "../../../shared/schemas/common.ts";
import type { Escalation } from "../../../shared/schemas/escalations.ts";
import type { Actor, Deps } from "../../context.ts";
import { escalationEvent } from "../../events/kpi-events.ts";
import { publishOrgEvent } from "../../events/org-events.ts";
import { decodeCursor, toPage } from "../../lib/pagination.ts";
import { authorize } from "../../policies/org-policy.ts";
import { recordAudit } from "../../repositories/audit-repository.ts";
import {
  type EscalationState,
  insertEntry,
  listEscalations,
  updateUnresolvedEscalation,
} from "../../repositories/escalation-repository.ts";
import type { Presented } from "./escalation-presenter.ts";
import { actingCheck, forReader, present, presentOne } from "./presented-escalations.ts";

/**
 * Escalations: a KPI turned red or fell through a floor, and the people who must act
 * are told once (not every minute). Keel opens and closes them by itself
 * (escalation-automation.ts, re-exported below); people acknowledge, annotate and
 * resolve them here.
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
  const by = e.resolvedByName
    ? `by ${e.resolvedByName}`
    : `by Keel${e.resolution ? ` (${e.resolution.replace(/\.$/, "")})` : ""}`;
  return `This escalation was already resolved ${by}${e.resolvedAt ? ` on ${e.resolvedAt.slice(0, 10)}` : ""}. If "${e.kpi.name}" turns red or falls through a floor again, a new one opens.`;
}

export async function listEscalationsFor(
  deps: Deps,
  actor: Actor,
  query: {
    state: "unresolved" | "open" | "acknowledged" | "resolved" | "all";
    teamId?: string | undefined;
    scope?: TeamScope | undefined;
    kpiId?: string | undefined;
    mine?: "true" | "false" | undefined;
    inMyScope?: "true" | "false" | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  authorize(actor, "read");
  const mine = query.mine === "true";
  // A service token has no inbox: nothing is ever sent to it.
  if (mine && !actor.userId) return { items: [], nextCursor: null };
  // "In my scope": admins and owners answer for everything; a lead for the teams they
  // lead and all below; anyone else (and a service token below admin) for nothing.
  const everything = roleAtLeast(actor.role, "admin");
  const inMyScope = query.inMyScope === "true" && !everything;
  if (inMyScope && !actor.userId) return { items: [], nextCursor: null };
  const rows = await listEscalations(deps.db, actor.organizationId, {
    state: query.state,
    teamId: query.teamId,
    scope: query.scope,
    kpiId: query.kpiId,
    ledByUserId: inMyScope ? (actor.userId ?? undefined) : undefined,
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
    const type = change.action as "escalation.acknowledged" | "escalation.resolved";
    const verb = type === "escalation.acknowledged" ? "acknowledged" : "resolved";
    const text = `${actor.label} ${verb} the escalation of "${before.kpi.name}"${change.entry.text ? `: ${change.entry.text}` : "."}`;
    await publishOrgEvent(tx, escalationEvent(type, actor.organizationId, after, text, now));
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

// What Keel does by itself (open, close after a good run, close with an archived KPI).
export {
  autoResolveEscalation,
  openEscalation,
  resolveEscalationsOfArchivedKpi,
  unresolvedEscalationsOf,
} from "./escalation-automation.ts";

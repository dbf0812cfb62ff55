import type { Queryable } from "../../../db/client.ts";
import {
  type EscalationRecipient,
  escalationRecipients,
  fallsBackToAdmins,
} from "../../../domain/kpi/escalation-routing.ts";
import { formatKpiValue } from "../../../shared/kpi-format.ts";
import type { Actor, Deps } from "../../context.ts";
import { escalationEvent } from "../../events/kpi-events.ts";
import { publishOrgEvent } from "../../events/org-events.ts";
import { systemActor } from "../../lib/system-actor.ts";
import { recordAudit } from "../../repositories/audit-repository.ts";
import {
  activeAdmins,
  activeAmong,
  insertEntry,
  insertEscalationIfNone,
  insertRecipients,
  kpiBriefForEscalation,
  unresolvedOf,
  updateUnresolvedEscalation,
} from "../../repositories/escalation-repository.ts";
import { findFloor } from "../../repositories/floor-repository.ts";
import { nearestLead } from "../../repositories/kpi-access-repository.ts";
import { findOrganizationById } from "../../repositories/organization-repository.ts";
import { queueEscalationNotices } from "../email/escalation-mail.ts";
import { presentOne } from "./presented-escalations.ts";

/**
 * The steps Keel takes on escalations by itself, inside the caller's transaction: the
 * recompute opens them and closes them after a good run; archiving a KPI closes its
 * escalation with it. What people do with escalations is in escalation-service.ts.
 */

/**
 * Loads what decides who an escalation goes to and applies the rule
 * (domain/kpi/escalation-routing.ts). The admins are read only when the rule needs them.
 */
async function recipientsFor(
  q: Queryable,
  organizationId: string,
  kpi: { teamId: string; ownerUserId: string },
  floorOwnerUserId: string | null,
): Promise<EscalationRecipient[]> {
  const nearestLeadUserId = await nearestLead(q, organizationId, kpi.teamId);
  const involved = [kpi.ownerUserId, nearestLeadUserId, floorOwnerUserId].filter(
    (id): id is string => id !== null,
  );
  const activeUserIds = await activeAmong(q, organizationId, involved);
  const adminUserIds = fallsBackToAdmins({ nearestLeadUserId, activeUserIds })
    ? await activeAdmins(q, organizationId)
    : [];
  return escalationRecipients({
    kpiOwnerUserId: kpi.ownerUserId,
    nearestLeadUserId,
    floorOwnerUserId,
    activeUserIds,
    adminUserIds,
  });
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
  /** Given: the people it routes to are mailed (docs/email.md); the demo's seed leaves it out. */
  mail?: Deps,
): Promise<string | null> {
  const { organizationId } = input;
  const kpi = await kpiBriefForEscalation(q, organizationId, input.kpiId);
  // Archived meanwhile: its escalations were closed with it, and it takes no values.
  if (kpi?.state !== "active") return null;
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
  const recipients = await recipientsFor(q, organizationId, kpi, floor?.floor.ownerUserId ?? null);
  await insertRecipients(q, organizationId, id, recipients);
  // Written once and kept: formatted by the KPI's unit, in Keel's own (English) words, and
  // never rounded (a record says what the value was, whatever the display decimals).
  const value = (n: number) =>
    formatKpiValue(n, { ...kpi, decimals: Math.max(kpi.decimals, decimalPlaces(n)) }, "en");
  const what =
    input.reason === "floor"
      ? `fell through its floor${floor ? ` of ${value(floor.floor.threshold)}` : ""}`
      : "turned red";
  const text = `"${kpi.name}" ${what}: ${value(input.value)} for the period starting ${input.periodStart}.`;
  await insertEntry(q, {
    organizationId,
    escalationId: id,
    kind: "opened",
    authorUserId: null,
    text,
    createdAt: input.now,
  });
  const org = await findOrganizationById(q, organizationId);
  if (!org) throw new Error(`organisation ${organizationId} not found`);
  const actor = systemActor(org, "kpi-recompute");
  // A demo organisation's people have made-up addresses: nobody to mail.
  if (mail && !org.isDemo) {
    await queueEscalationNotices(mail, q, {
      organization: { id: organizationId, slug: actor.orgSlug, name: actor.orgName },
      escalationId: id,
      kpiName: kpi.name,
      what: text,
      recipients,
    });
  }
  const opened = await presentOne(q, organizationId, id);
  await recordAudit(q, actor, {
    action: "escalation.opened",
    entityType: "escalation",
    entityId: id,
    entityLabel: kpi.name,
    after: opened,
  });
  if (opened) {
    const text = `Escalation opened: "${kpi.name}" ${what}: ${value(input.value)} for the period starting ${input.periodStart}.`;
    await publishOrgEvent(q, escalationEvent("escalation.opened", organizationId, opened, text, input.now));
  }
  return id;
}

/**
 * Closes an escalation by itself: a red one once its KPI has been green for `periods`
 * periods in a row, a floor one (`heldFloor`) once its values have held the floor that
 * long. Resolved by nobody, with the reason as its resolution. Does nothing when it is
 * already resolved (someone resolved it in the meantime).
 */
export async function autoResolveEscalation(
  q: Queryable,
  input: {
    organizationId: string;
    escalationId: string;
    periods: number;
    /** Set for a floor escalation: the threshold of the floor it fell through, if that floor still exists. */
    heldFloor?: { threshold: number | null } | null | undefined;
    now: Date;
  },
): Promise<void> {
  const { organizationId, escalationId } = input;
  const run = `${input.periods} period${input.periods === 1 ? "" : "s"} in a row`;
  const resolution = input.heldFloor
    ? `Held its floor${input.heldFloor.threshold === null ? "" : ` of ${input.heldFloor.threshold}`} for ${run}`
    : `Back to green for ${run}`;
  await closeUnresolved(q, await keelActor(q, organizationId), {
    organizationId,
    escalationId,
    resolvedByUserId: null,
    resolution,
    now: input.now,
  });
}

/** Resolves an unresolved escalation with a `resolved` entry written by Keel, audited as `actor`. */
async function closeUnresolved(
  q: Queryable,
  actor: Actor,
  input: {
    organizationId: string;
    escalationId: string;
    resolvedByUserId: string | null;
    resolution: string;
    now: Date;
  },
): Promise<void> {
  const { organizationId, escalationId } = input;
  const before = await presentOne(q, organizationId, escalationId);
  if (!before || before.state === "resolved") return;
  const updated = await updateUnresolvedEscalation(
    q,
    organizationId,
    escalationId,
    { version: null, states: ["open", "acknowledged"] },
    {
      state: "resolved",
      resolvedAt: input.now,
      resolvedByUserId: input.resolvedByUserId,
      resolution: input.resolution,
    },
  );
  if (!updated) return;
  await insertEntry(q, {
    organizationId,
    escalationId,
    kind: "resolved",
    authorUserId: null,
    text: input.resolution,
    createdAt: input.now,
  });
  await recordAudit(q, actor, {
    action: "escalation.resolved",
    entityType: "escalation",
    entityId: escalationId,
    entityLabel: before.kpi.name,
    before,
    after: await presentOne(q, organizationId, escalationId),
  });
  const text = `Escalation of "${before.kpi.name}" resolved: ${input.resolution}.`;
  await publishOrgEvent(
    q,
    escalationEvent("escalation.resolved", organizationId, { ...before, state: "resolved" }, text, input.now),
  );
}

/**
 * A KPI being archived takes its unresolved escalation with it: an archived KPI gets no
 * values, so nothing would ever close it. Runs in the archiving transaction, which holds
 * the KPI's row, so an escalation opening at the same moment either commits first and
 * is resolved here or waits and then sees the KPI archived (kpiBriefForEscalation). The
 * resolution is signed by the person archiving (none for a service token), the timeline
 * entry is Keel's, and the audit event is the archiving actor's.
 */
export async function resolveEscalationsOfArchivedKpi(
  q: Queryable,
  actor: Actor,
  kpi: { id: string; name: string },
  now: Date,
): Promise<void> {
  for (const row of await unresolvedOf(q, actor.organizationId, [kpi.id])) {
    await closeUnresolved(q, actor, {
      organizationId: actor.organizationId,
      escalationId: row.id,
      resolvedByUserId: actor.userId,
      resolution: `Closed because "${kpi.name}" was archived by ${actor.label}: an archived KPI takes no new values, so nothing is left to escalate.`,
      now,
    });
  }
}

/** The unresolved escalation of each KPI that has one (KPI cards, the board, KPI detail). */
export async function unresolvedEscalationsOf(
  q: Queryable,
  organizationId: string,
  kpiIds: string[],
): Promise<
  Map<
    string,
    {
      id: string;
      state: "open" | "acknowledged";
      reason: "red" | "floor";
      floorId: string | null;
      openedAt: Date;
    }
  >
> {
  const rows = await unresolvedOf(q, organizationId, kpiIds);
  return new Map(
    rows.map((r) => [
      r.kpiId,
      {
        id: r.id,
        state: r.state as "open" | "acknowledged",
        reason: r.reason,
        floorId: r.floorId,
        openedAt: r.openedAt,
      },
    ]),
  );
}

/** Digits after the point in a number's shortest form (at most 6, what formatting allows). */
function decimalPlaces(n: number): number {
  const [, fraction = ""] = String(n).split(".");
  return Math.min(6, fraction.length);
}

import { and, asc, desc, eq, inArray, ne, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "../../db/client.ts";
import {
  escalationEntries,
  escalationRecipients,
  escalations,
  kpis,
  memberships,
  teams,
  users,
} from "../../db/schema.ts";
import type { TeamScope } from "../../shared/schemas/common.ts";
import type { NameCursor } from "../lib/pagination.ts";
import { uuidArray } from "./sql-arrays.ts";
import { ledSubtreeTeamIds, subtreeTeamIds } from "./team-repository.ts";
import { updateAtVersion } from "./versioned-update.ts";

/** Escalations, their recipients and timelines; every query scoped by organisation. */

export type EscalationState = "open" | "acknowledged" | "resolved";
export type RecipientRole = "owner" | "lead" | "admin" | "floor_owner";
export type EntryKind = "opened" | "note" | "action" | "acknowledged" | "resolved";

const acknowledger = alias(users, "acknowledger");
const resolver = alias(users, "resolver");

function selectEscalations(q: Queryable, organizationId: string, where: SQL[]) {
  return q
    .select({
      escalation: escalations,
      kpiKey: kpis.key,
      kpiName: kpis.name,
      kpiUnit: kpis.unit,
      kpiDecimals: kpis.decimals,
      kpiCurrency: kpis.currency,
      teamId: kpis.teamId,
      teamName: teams.name,
      acknowledgedByName: acknowledger.name,
      resolvedByName: resolver.name,
    })
    .from(escalations)
    .innerJoin(kpis, and(eq(kpis.organizationId, escalations.organizationId), eq(kpis.id, escalations.kpiId)))
    .innerJoin(teams, and(eq(teams.organizationId, kpis.organizationId), eq(teams.id, kpis.teamId)))
    .leftJoin(acknowledger, eq(acknowledger.id, escalations.acknowledgedByUserId))
    .leftJoin(resolver, eq(resolver.id, escalations.resolvedByUserId))
    .where(and(eq(escalations.organizationId, organizationId), ...where));
}

export type EscalationRow = Awaited<ReturnType<typeof selectEscalations>>[number];
export type RecipientRow = Awaited<ReturnType<typeof recipientsOf>>[number];
export type EntryRow = Awaited<ReturnType<typeof entriesOf>>[number];

export function findEscalation(q: Queryable, organizationId: string, id: string) {
  return selectEscalations(q, organizationId, [eq(escalations.id, id)]).then((r) => r[0]);
}

export type EscalationFilter = {
  state: "unresolved" | "open" | "acknowledged" | "resolved" | "all";
  teamId?: string | undefined;
  /** With `teamId`: the team and every team below it (subtree), or the team alone. */
  scope?: TeamScope | undefined;
  kpiId?: string | undefined;
  /** Only escalations sent to this person (the inbox). */
  recipientUserId?: string | undefined;
  /** Only escalations of KPIs in the teams this person leads and the teams below them. */
  ledByUserId?: string | undefined;
  /** Only escalations that were unresolved at some moment of this span (a report's cycle). */
  during?: { from: Date; to: Date } | undefined;
  after?: NameCursor | undefined;
  limit: number;
};

/**
 * One page, newest first. Cursors carry the opening time in milliseconds (JavaScript's
 * precision), so rows are ordered and compared at that precision, then by id.
 */
export function listEscalations(q: Queryable, organizationId: string, f: EscalationFilter) {
  const where: SQL[] = [];
  if (f.state === "unresolved") where.push(ne(escalations.state, "resolved"));
  else if (f.state !== "all") where.push(eq(escalations.state, f.state));
  if (f.teamId) {
    where.push(
      f.scope === "team"
        ? eq(kpis.teamId, f.teamId)
        : sql`${kpis.teamId} in ${subtreeTeamIds(organizationId, f.teamId)}`,
    );
  }
  if (f.ledByUserId) where.push(sql`${kpis.teamId} in ${ledSubtreeTeamIds(organizationId, f.ledByUserId)}`);
  if (f.kpiId) where.push(eq(escalations.kpiId, f.kpiId));
  if (f.during) {
    where.push(
      sql`${escalations.openedAt} < ${f.during.to.toISOString()}::timestamptz and (${escalations.resolvedAt} is null or ${escalations.resolvedAt} >= ${f.during.from.toISOString()}::timestamptz)`,
    );
  }
  if (f.recipientUserId) {
    where.push(sql`exists (select 1 from ${escalationRecipients} r
      where r.organization_id = ${escalations.organizationId} and r.escalation_id = ${escalations.id}
        and r.user_id = ${f.recipientUserId})`);
  }
  if (f.after) {
    where.push(
      sql`(date_trunc('milliseconds', ${escalations.openedAt}), ${escalations.id}) < (${f.after.k}::timestamptz, ${f.after.id}::uuid)`,
    );
  }
  return selectEscalations(q, organizationId, where)
    .orderBy(sql`date_trunc('milliseconds', ${escalations.openedAt}) desc`, desc(escalations.id))
    .limit(f.limit + 1);
}

export async function recipientsOf(q: Queryable, organizationId: string, escalationIds: string[]) {
  if (escalationIds.length === 0) return [];
  return q
    .select({
      escalationId: escalationRecipients.escalationId,
      userId: escalationRecipients.userId,
      role: escalationRecipients.role,
      name: users.name,
    })
    .from(escalationRecipients)
    .innerJoin(users, eq(users.id, escalationRecipients.userId))
    .where(
      and(
        eq(escalationRecipients.organizationId, organizationId),
        inArray(escalationRecipients.escalationId, escalationIds),
      ),
    )
    .orderBy(asc(escalationRecipients.escalationId), sql`lower(${users.name}) collate "C"`);
}

export async function entriesOf(q: Queryable, organizationId: string, escalationIds: string[]) {
  if (escalationIds.length === 0) return [];
  return q
    .select({
      escalationId: escalationEntries.escalationId,
      id: escalationEntries.id,
      kind: escalationEntries.kind,
      text: escalationEntries.text,
      createdAt: escalationEntries.createdAt,
      authorName: users.name,
    })
    .from(escalationEntries)
    .leftJoin(users, eq(users.id, escalationEntries.authorUserId))
    .where(
      and(
        eq(escalationEntries.organizationId, organizationId),
        inArray(escalationEntries.escalationId, escalationIds),
      ),
    )
    .orderBy(asc(escalationEntries.createdAt), asc(escalationEntries.id));
}

/**
 * Opens an escalation unless the KPI already has an unresolved one: the partial unique
 * index decides, so two recomputes racing on one KPI open it once. Null when one exists.
 */
export async function insertEscalationIfNone(
  q: Queryable,
  v: {
    organizationId: string;
    kpiId: string;
    reason: "red" | "floor";
    floorId: string | null;
    periodStart: string;
    value: number;
    openedAt: Date;
  },
): Promise<string | null> {
  const rows = await q
    .insert(escalations)
    .values({ ...v, state: "open" })
    .onConflictDoNothing({
      target: [escalations.organizationId, escalations.kpiId],
      where: sql`state <> 'resolved'`,
    })
    .returning({ id: escalations.id });
  return rows[0]?.id ?? null;
}

export async function insertRecipients(
  q: Queryable,
  organizationId: string,
  escalationId: string,
  recipients: Array<{ userId: string; role: RecipientRole }>,
) {
  if (recipients.length === 0) return;
  await q
    .insert(escalationRecipients)
    .values(recipients.map((r) => ({ organizationId, escalationId, ...r })))
    .onConflictDoNothing();
}

export async function insertEntry(
  q: Queryable,
  v: {
    organizationId: string;
    escalationId: string;
    kind: EntryKind;
    authorUserId: string | null;
    text: string;
    createdAt: Date;
  },
) {
  await q.insert(escalationEntries).values(v);
}

/**
 * Moves an unresolved escalation on. With a version, only if it is still that version
 * (optimistic locking for people); without one (Keel closing it), whatever its version.
 * Undefined when nothing matched.
 */
export async function updateUnresolvedEscalation(
  q: Queryable,
  organizationId: string,
  id: string,
  expect: { version: number | null; states: EscalationState[] },
  patch: Partial<typeof escalations.$inferInsert>,
) {
  const key = [
    eq(escalations.organizationId, organizationId),
    eq(escalations.id, id),
    inArray(escalations.state, expect.states),
  ];
  const [row] = await updateAtVersion(q, escalations, key, expect.version, patch).returning({
    id: escalations.id,
  });
  return row;
}

/** The unresolved escalation of each of these KPIs (at most one each, by the unique index). */
export function unresolvedOf(q: Queryable, organizationId: string, kpiIds: string[]) {
  if (kpiIds.length === 0) return Promise.resolve([]);
  return q
    .select({
      id: escalations.id,
      kpiId: escalations.kpiId,
      state: escalations.state,
      reason: escalations.reason,
      floorId: escalations.floorId,
      openedAt: escalations.openedAt,
    })
    .from(escalations)
    .where(
      and(
        eq(escalations.organizationId, organizationId),
        sql`${escalations.kpiId} = any(${uuidArray(kpiIds)})`,
        ne(escalations.state, "resolved"),
      ),
    );
}

const kpiBriefColumns = {
  id: kpis.id,
  key: kpis.key,
  name: kpis.name,
  teamId: kpis.teamId,
  ownerUserId: kpis.ownerUserId,
  direction: kpis.direction,
  state: kpis.state,
  unit: kpis.unit,
  decimals: kpis.decimals,
  currency: kpis.currency,
};

/**
 * The KPI an escalation is about to open for, read with a key-share lock: it waits for
 * an archive in progress (which holds the row for update) and then sees the KPI
 * archived, and an archive that comes later waits for this opening to commit and then
 * resolves it. Key share is what the escalation's foreign key takes anyway, so this
 * adds no new lock conflict, only takes it before the state is read.
 */
export function kpiBriefForEscalation(q: Queryable, organizationId: string, kpiId: string) {
  return q
    .select(kpiBriefColumns)
    .from(kpis)
    .where(and(eq(kpis.organizationId, organizationId), eq(kpis.id, kpiId)))
    .for("key share")
    .then((r) => r[0]);
}

/** What escalations and floors need to know about a KPI. */
export function kpiBrief(q: Queryable, organizationId: string, kpiId: string) {
  return q
    .select(kpiBriefColumns)
    .from(kpis)
    .where(and(eq(kpis.organizationId, organizationId), eq(kpis.id, kpiId)))
    .then((r) => r[0]);
}

/** Which of these people are active members of the organisation. */
export async function activeAmong(q: Queryable, organizationId: string, userIds: string[]) {
  if (userIds.length === 0) return new Set<string>();
  const rows = await q
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        inArray(memberships.userId, userIds),
        eq(memberships.status, "active"),
      ),
    );
  return new Set(rows.map((r) => r.userId));
}

/** Active admins and owners: who hears about an escalation when no team up the tree has a lead. */
export async function activeAdmins(q: Queryable, organizationId: string): Promise<string[]> {
  const rows = await q
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        inArray(memberships.role, ["owner", "admin"]),
        eq(memberships.status, "active"),
      ),
    )
    .orderBy(asc(memberships.userId));
  return rows.map((r) => r.userId);
}

/**
 * Periods whose value already had an escalation that people resolved, per KPI: a
 * re-check of the same red value (new bands, a correction elsewhere) must not reopen it.
 */
export async function resolvedPeriodsOf(
  q: Queryable,
  organizationId: string,
  kpiIds: readonly string[],
): Promise<Map<string, Set<string>>> {
  const result = new Map<string, Set<string>>();
  if (kpiIds.length === 0) return result;
  const rows = await q
    .select({ kpiId: escalations.kpiId, periodStart: escalations.periodStart })
    .from(escalations)
    .where(
      and(
        eq(escalations.organizationId, organizationId),
        eq(escalations.state, "resolved"),
        sql`${escalations.kpiId} = any(${uuidArray(kpiIds)})`,
      ),
    );
  for (const row of rows) {
    const set = result.get(row.kpiId) ?? new Set<string>();
    set.add(row.periodStart);
    result.set(row.kpiId, set);
  }
  return result;
}

import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type Queryable, rowsOf } from "../../db/client.ts";
import { oneOnOneAgendas, oneOnOneItems, users } from "../../db/schema.ts";
import { uuidArray } from "./sql-arrays.ts";

/** 1:1 agendas and their items (one_on_one_agendas, one_on_one_items); scoped by organisation. */

export type AgendaRow = typeof oneOnOneAgendas.$inferSelect;
export type ItemRow = typeof oneOnOneItems.$inferSelect;
type Pair = { managerUserId: string; reportUserId: string };

const ofPair = (organizationId: string, pair: Pair) =>
  and(
    eq(oneOnOneAgendas.organizationId, organizationId),
    eq(oneOnOneAgendas.managerUserId, pair.managerUserId),
    eq(oneOnOneAgendas.reportUserId, pair.reportUserId),
  );

/** The person's active manager, when that manager is an active member too. */
export async function currentManagerOf(q: Queryable, organizationId: string, userId: string) {
  const [row] = rowsOf<{ managerUserId: string | null }>(
    await q.execute(sql`select m.manager_user_id as "managerUserId" from memberships m
      join memberships boss on boss.organization_id = m.organization_id and boss.user_id = m.manager_user_id
        and boss.status = 'active'
      where m.organization_id = ${organizationId} and m.user_id = ${userId} and m.status = 'active'`),
  );
  return row?.managerUserId ?? null;
}

/** Names of these people (members of the organisation or not: names only). */
export async function namesOf(q: Queryable, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await q
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(sql`${users.id} = any(${uuidArray(ids)})`);
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function findOpenAgenda(q: Queryable, organizationId: string, pair: Pair) {
  const [row] = await q
    .select()
    .from(oneOnOneAgendas)
    .where(and(ofPair(organizationId, pair), eq(oneOnOneAgendas.status, "open")));
  return row ?? null;
}

/** The pair's open agenda, started now if it has none (two readers at once start one). */
export async function ensureOpenAgenda(q: Queryable, organizationId: string, pair: Pair, now: Date) {
  await q
    .insert(oneOnOneAgendas)
    .values({ organizationId, ...pair, createdAt: now, updatedAt: now })
    .onConflictDoNothing();
  return (await findOpenAgenda(q, organizationId, pair))!;
}

export async function pairHasAgendas(q: Queryable, organizationId: string, pair: Pair) {
  const [row] = await q
    .select({ id: oneOnOneAgendas.id })
    .from(oneOnOneAgendas)
    .where(ofPair(organizationId, pair))
    .limit(1);
  return row !== undefined;
}

/** One agenda, locked when `forUpdate` (closing and ticking take turns). */
export async function findAgenda(q: Queryable, organizationId: string, id: string, forUpdate = false) {
  const query = q
    .select()
    .from(oneOnOneAgendas)
    .where(and(eq(oneOnOneAgendas.organizationId, organizationId), eq(oneOnOneAgendas.id, id)));
  const [row] = forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

/** Every source key the pair has had on any agenda, ticked or not. */
export async function pairSourceKeys(q: Queryable, organizationId: string, pair: Pair): Promise<Set<string>> {
  const rows = await q
    .select({ key: oneOnOneItems.sourceKey })
    .from(oneOnOneItems)
    .innerJoin(
      oneOnOneAgendas,
      and(
        eq(oneOnOneAgendas.organizationId, oneOnOneItems.organizationId),
        eq(oneOnOneAgendas.id, oneOnOneItems.agendaId),
      ),
    )
    .where(and(ofPair(organizationId, pair), isNotNull(oneOnOneItems.sourceKey)));
  return new Set(rows.map((r) => r.key as string));
}

const adder = alias(users, "adder");
const ticker = alias(users, "ticker");

/** The items of these agendas, oldest first, with who added and ticked them. */
export function itemsOf(q: Queryable, organizationId: string, agendaIds: string[]) {
  if (agendaIds.length === 0) return Promise.resolve([]);
  return q
    .select({ item: oneOnOneItems, addedByName: adder.name, doneByName: ticker.name })
    .from(oneOnOneItems)
    .leftJoin(adder, eq(adder.id, oneOnOneItems.addedByUserId))
    .leftJoin(ticker, eq(ticker.id, oneOnOneItems.doneByUserId))
    .where(
      and(
        eq(oneOnOneItems.organizationId, organizationId),
        sql`${oneOnOneItems.agendaId} = any(${uuidArray(agendaIds)})`,
      ),
    )
    .orderBy(asc(oneOnOneItems.createdAt), asc(oneOnOneItems.id));
}

export async function findItem(q: Queryable, organizationId: string, agendaId: string, itemId: string) {
  const [row] = await q
    .select()
    .from(oneOnOneItems)
    .where(
      and(
        eq(oneOnOneItems.organizationId, organizationId),
        eq(oneOnOneItems.agendaId, agendaId),
        eq(oneOnOneItems.id, itemId),
      ),
    );
  return row ?? null;
}

/** Adds items; a source key the agenda already holds (a reader racing another) is skipped. */
export async function insertItems(q: Queryable, rows: Array<typeof oneOnOneItems.$inferInsert>) {
  if (rows.length === 0) return [];
  return q.insert(oneOnOneItems).values(rows).onConflictDoNothing().returning();
}

export async function setItemDone(
  q: Queryable,
  organizationId: string,
  itemId: string,
  done: { doneAt: Date | null; doneByUserId: string | null },
) {
  const [row] = await q
    .update(oneOnOneItems)
    .set(done)
    .where(and(eq(oneOnOneItems.organizationId, organizationId), eq(oneOnOneItems.id, itemId)))
    .returning();
  return row!;
}

/** Ends an open agenda (closed with notes, or archived); undefined when it was not open. */
export async function endAgenda(
  q: Queryable,
  organizationId: string,
  id: string,
  set: { status: "closed" | "archived"; notes?: string; closedAt: Date; closedByUserId: string | null },
) {
  const [row] = await q
    .update(oneOnOneAgendas)
    .set({ ...set, updatedAt: set.closedAt, version: sql`${oneOnOneAgendas.version} + 1` })
    .where(
      and(
        eq(oneOnOneAgendas.organizationId, organizationId),
        eq(oneOnOneAgendas.id, id),
        eq(oneOnOneAgendas.status, "open"),
      ),
    )
    .returning();
  return row;
}

/** The report's open agendas with anyone but `keepManagerUserId` (locked: they are about to end). */
export function openAgendasOfReportExcept(
  q: Queryable,
  organizationId: string,
  reportUserId: string,
  keepManagerUserId: string | null,
) {
  return q
    .select()
    .from(oneOnOneAgendas)
    .where(
      and(
        eq(oneOnOneAgendas.organizationId, organizationId),
        eq(oneOnOneAgendas.reportUserId, reportUserId),
        eq(oneOnOneAgendas.status, "open"),
        keepManagerUserId ? ne(oneOnOneAgendas.managerUserId, keepManagerUserId) : undefined,
      ),
    )
    .for("update");
}

/**
 * Moves the unticked generated items of these agendas onto another agenda; an event the
 * target already holds stays where it was.
 */
export async function moveOpenGeneratedItems(
  q: Queryable,
  organizationId: string,
  fromAgendaIds: string[],
  toAgendaId: string,
) {
  if (fromAgendaIds.length === 0) return [];
  return q
    .update(oneOnOneItems)
    .set({ agendaId: toAgendaId })
    .where(
      and(
        eq(oneOnOneItems.organizationId, organizationId),
        inArray(oneOnOneItems.agendaId, fromAgendaIds),
        isNotNull(oneOnOneItems.sourceKey),
        isNull(oneOnOneItems.doneAt),
        sql`${oneOnOneItems.sourceKey} not in (select source_key from one_on_one_items
          where organization_id = ${organizationId} and agenda_id = ${toAgendaId} and source_key is not null)`,
      ),
    )
    .returning();
}

export function closedAgendasOfPair(q: Queryable, organizationId: string, pair: Pair, limit: number) {
  return q
    .select()
    .from(oneOnOneAgendas)
    .where(and(ofPair(organizationId, pair), ne(oneOnOneAgendas.status, "open")))
    .orderBy(desc(oneOnOneAgendas.closedAt), desc(oneOnOneAgendas.id))
    .limit(limit);
}

export type PairSummaryRow = {
  managerUserId: string;
  reportUserId: string;
  agendaId: string | null;
  openItems: number;
};

/**
 * The person's current pairs, as manager or as report: people whose manager they are
 * (both active), plus pairs with an open agenda (a team lead standing in for a manager),
 * each with its open agenda and how many items on it are unticked.
 */
export async function pairsOf(
  q: Queryable,
  organizationId: string,
  userId: string,
  side: "manager" | "report",
) {
  const mine = side === "manager" ? sql`m.manager_user_id` : sql`m.user_id`;
  const agendaSide = side === "manager" ? sql`a.manager_user_id` : sql`a.report_user_id`;
  const rows = rowsOf<PairSummaryRow & { openItems: number | string }>(
    await q.execute(sql`with pairs as (
        select m.manager_user_id as manager, m.user_id as report from memberships m
        join memberships boss on boss.organization_id = m.organization_id and boss.user_id = m.manager_user_id
          and boss.status = 'active'
        where m.organization_id = ${organizationId} and m.status = 'active' and ${mine} = ${userId}
        union
        select a.manager_user_id, a.report_user_id from one_on_one_agendas a
        where a.organization_id = ${organizationId} and a.status = 'open' and ${agendaSide} = ${userId}
      )
      select p.manager as "managerUserId", p.report as "reportUserId", a.id as "agendaId",
        (select count(*) from one_on_one_items i where i.organization_id = ${organizationId}
          and i.agenda_id = a.id and i.done_at is null) as "openItems"
      from pairs p
      left join one_on_one_agendas a on a.organization_id = ${organizationId} and a.manager_user_id = p.manager
        and a.report_user_id = p.report and a.status = 'open'`),
  );
  return rows.map((r) => ({ ...r, openItems: Number(r.openItems) }));
}

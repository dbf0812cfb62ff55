import { and, eq, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type Queryable, rowsOf } from "../../db/client.ts";
import { memberships, users } from "../../db/schema.ts";
import type { Role } from "../../domain/roles.ts";
import { likePattern, type NameCursor } from "../lib/pagination.ts";
import { updateAtVersion } from "./versioned-update.ts";

const manager = alias(users, "manager");

const personColumns = {
  userId: memberships.userId,
  name: users.name,
  email: users.email,
  role: memberships.role,
  title: memberships.title,
  status: memberships.status,
  managerUserId: memberships.managerUserId,
  managerName: manager.name,
  hasPassword: sql<boolean>`${users.passwordHash} is not null`,
  version: memberships.version,
  createdAt: memberships.createdAt,
  sortKey: sql<string>`lower(${users.name}) collate "C"`,
};

function peopleQuery(q: Queryable, organizationId: string, extra: SQL[]) {
  return q
    .select(personColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(manager, eq(manager.id, memberships.managerUserId))
    .where(and(eq(memberships.organizationId, organizationId), ...extra));
}

export function listPeople(
  q: Queryable,
  organizationId: string,
  f: { q?: string; status: "active" | "deactivated" | "all"; after?: NameCursor; limit: number },
) {
  const extra: SQL[] = [];
  if (f.q)
    extra.push(sql`(${users.name} ilike ${likePattern(f.q)} or ${users.email} ilike ${likePattern(f.q)})`);
  if (f.status !== "all") extra.push(eq(memberships.status, f.status));
  if (f.after) {
    extra.push(
      sql`(lower(${users.name}) collate "C", ${memberships.userId}) > (${f.after.k} collate "C", ${f.after.id}::uuid)`,
    );
  }
  return peopleQuery(q, organizationId, extra)
    .orderBy(sql`lower(${users.name}) collate "C"`, memberships.userId)
    .limit(f.limit + 1);
}

export function findPerson(q: Queryable, organizationId: string, userId: string) {
  return peopleQuery(q, organizationId, [eq(memberships.userId, userId)]).then((r) => r[0]);
}

export async function insertMembership(
  q: Queryable,
  v: {
    organizationId: string;
    userId: string;
    role: Role;
    title?: string | null;
    managerUserId?: string | null;
  },
) {
  await q.insert(memberships).values(v);
}

export async function updateMembership(
  q: Queryable,
  organizationId: string,
  userId: string,
  version: number,
  patch: Partial<{
    role: Role;
    title: string | null;
    managerUserId: string | null;
    status: "active" | "deactivated";
  }>,
) {
  const key = [eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)];
  const [row] = await updateAtVersion(q, memberships, key, version, patch).returning({
    userId: memberships.userId,
  });
  return row;
}

/**
 * Locks the organisation's active owner memberships until the transaction ends (in a
 * fixed order, so concurrent callers queue instead of deadlocking). A transaction that
 * then checks "is there still an owner?" cannot be overtaken by another one doing the same.
 */
export async function lockActiveOwners(q: Queryable, organizationId: string): Promise<void> {
  await q
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.role, "owner"),
        eq(memberships.status, "active"),
      ),
    )
    .orderBy(memberships.userId)
    .for("update");
}

/** Every member of the organisation (the demo's audit snapshots). */
export function allPeople(q: Queryable, organizationId: string) {
  return peopleQuery(q, organizationId, []).orderBy(memberships.userId);
}

export async function countActiveOwners(q: Queryable, organizationId: string): Promise<number> {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.role, "owner"),
        eq(memberships.status, "active"),
      ),
    );
  return row?.n ?? 0;
}

/** Manager chain upwards from `userId`, to refuse a manager loop. */
export async function managerChain(q: Queryable, organizationId: string, userId: string): Promise<string[]> {
  const result = await q.execute(sql`
    with recursive chain(user_id, depth) as (
      select manager_user_id, 1 from memberships where organization_id = ${organizationId} and user_id = ${userId}
      union all
      select m.manager_user_id, c.depth + 1 from memberships m join chain c on m.user_id = c.user_id
      where m.organization_id = ${organizationId} and c.depth < 100
    )
    select user_id from chain where user_id is not null`);
  return rowsOf<{ user_id: string }>(result).map((r) => r.user_id);
}

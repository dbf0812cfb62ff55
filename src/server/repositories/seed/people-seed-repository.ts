/**
 * People and team membership of a seeded organisation, written in bulk: one statement per
 * table for the whole organisation, where the API adds people one at a time.
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "../../../db/client.ts";
import { memberships, teamMembers, users } from "../../../db/schema.ts";
import type { Role } from "../../../domain/roles.ts";

/**
 * Creates accounts without passwords (seeded people sign in by no means of their own) and
 * returns their ids in the order given.
 */
export async function insertAccountsWithoutPasswords(
  q: Queryable,
  people: ReadonlyArray<{ name: string; email: string }>,
): Promise<string[]> {
  if (people.length === 0) return [];
  const rows = await q
    .insert(users)
    .values(people.map((p) => ({ name: p.name, email: p.email, passwordHash: null })))
    .returning({ id: users.id });
  return rows.map((r) => r.id);
}

/** Adds people to an organisation, all in one statement; managers come later (setManagers). */
export async function insertMemberships(
  q: Queryable,
  organizationId: string,
  members: ReadonlyArray<{ userId: string; role: Role; title: string | null }>,
): Promise<void> {
  if (members.length === 0) return;
  await q.insert(memberships).values(members.map((m) => ({ organizationId, ...m })));
}

/**
 * Sets each person's manager in one statement: the manager's foreign key points into the
 * same table, so managers are set once everyone is a member.
 */
export async function setManagers(
  q: Queryable,
  organizationId: string,
  pairs: ReadonlyArray<{ userId: string; managerUserId: string }>,
): Promise<void> {
  if (pairs.length === 0) return;
  const values = pairs.map((p) => sql`(${p.userId}::uuid, ${p.managerUserId}::uuid)`);
  await q.execute(sql`
    update memberships m set manager_user_id = v.manager_id
    from (values ${sql.join(values, sql`, `)}) as v(user_id, manager_id)
    where m.organization_id = ${organizationId} and m.user_id = v.user_id`);
}

/** Puts people into teams in one statement; memberships that exist already are kept. */
export async function insertTeamMembers(
  q: Queryable,
  organizationId: string,
  members: ReadonlyArray<{ teamId: string; userId: string }>,
): Promise<void> {
  if (members.length === 0) return;
  await q
    .insert(teamMembers)
    .values(members.map((m) => ({ organizationId, ...m })))
    .onConflictDoNothing();
}

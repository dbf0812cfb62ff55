import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.ts";
import { instanceSettings, memberships, organizations, users } from "../../db/schema.ts";
import { updateAtVersion } from "./versioned-update.ts";

export function findOrganizationBySlug(q: Queryable, slug: string) {
  return q
    .select()
    .from(organizations)
    .where(eq(organizations.slug, slug))
    .then((r) => r[0]);
}

export function findOrganizationById(q: Queryable, id: string) {
  return q
    .select()
    .from(organizations)
    .where(eq(organizations.id, id))
    .then((r) => r[0]);
}

/** What a request needs of a person's membership: role, status, and the organisation's calendar. */
export const membershipColumns = {
  organizationId: organizations.id,
  slug: organizations.slug,
  orgName: organizations.name,
  timeZone: organizations.timeZone,
  weekStart: organizations.weekStart,
  fiscalYearStartMonth: organizations.fiscalYearStartMonth,
  okrSettings: organizations.okrSettings,
  role: memberships.role,
  status: memberships.status,
  userName: users.name,
};

export type MembershipOfSlug = NonNullable<Awaited<ReturnType<typeof findMembershipBySlug>>>;

/** The caller's membership in the organisation with this slug, with what org context needs. */
export function findMembershipBySlug(q: Queryable, slug: string, userId: string) {
  return q
    .select(membershipColumns)
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(organizations.slug, slug), eq(memberships.userId, userId)))
    .then((r) => r[0]);
}

export async function slugTaken(q: Queryable, slug: string): Promise<boolean> {
  const rows = await q
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.slug, slug));
  return rows.length > 0;
}

/**
 * Inserts an organisation unless its slug is taken (also by a concurrent insert, which
 * this waits for): undefined then, without failing the caller's transaction.
 */
export async function insertOrganization(
  q: Queryable,
  v: {
    slug: string;
    name: string;
    timeZone: string;
    weekStart: number;
    fiscalYearStartMonth: number;
    isDemo?: boolean;
  },
) {
  const [row] = await q
    .insert(organizations)
    .values(v)
    .onConflictDoNothing({ target: organizations.slug })
    .returning();
  return row;
}

export async function updateOrganization(
  q: Queryable,
  id: string,
  version: number,
  patch: Partial<{
    name: string;
    timeZone: string;
    weekStart: number;
    fiscalYearStartMonth: number;
    reminderHour: number;
    okrSettings: unknown;
  }>,
) {
  const [row] = await updateAtVersion(
    q,
    organizations,
    [eq(organizations.id, id)],
    version,
    patch,
  ).returning();
  return row;
}

export async function countOrganizations(q: Queryable): Promise<number> {
  const [row] = await q.select({ n: sql<number>`count(*)::int` }).from(organizations);
  return row?.n ?? 0;
}

export async function readSetting(q: Queryable, key: string) {
  const [row] = await q.select().from(instanceSettings).where(eq(instanceSettings.key, key));
  return row?.value;
}

export async function writeSetting(q: Queryable, key: string, value: string) {
  await q
    .insert(instanceSettings)
    .values({ key, value })
    .onConflictDoUpdate({ target: instanceSettings.key, set: { value, updatedAt: sql`now()` } });
}

export async function deleteSetting(q: Queryable, key: string) {
  await q.delete(instanceSettings).where(eq(instanceSettings.key, key));
}

export async function settingExistsWithPrefix(q: Queryable, prefix: string): Promise<boolean> {
  const rows = await q
    .select({ key: instanceSettings.key })
    .from(instanceSettings)
    .where(sql`starts_with(${instanceSettings.key}, ${prefix})`)
    .limit(1);
  return rows.length > 0;
}

export async function deleteSettingsWithPrefix(q: Queryable, prefix: string) {
  await q.delete(instanceSettings).where(sql`starts_with(${instanceSettings.key}, ${prefix})`);
}

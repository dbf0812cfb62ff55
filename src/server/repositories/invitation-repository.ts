import { and, desc, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.ts";
import { invitations, organizations } from "../../db/schema.ts";
import type { Role } from "../../domain/roles.ts";
import { likePattern, type PageFilter } from "../lib/pagination.ts";

/** A page of invitations, newest first, searchable by email. */
export function listInvitations(q: Queryable, organizationId: string, f: PageFilter) {
  const conditions: SQL[] = [eq(invitations.organizationId, organizationId)];
  if (f.q) conditions.push(sql`${invitations.email} ilike ${likePattern(f.q)}`);
  if (f.after) {
    conditions.push(
      sql`(date_trunc('milliseconds', ${invitations.createdAt}), ${invitations.id}) < (${f.after.k}::timestamptz, ${f.after.id}::uuid)`,
    );
  }
  // Cursors carry the time in milliseconds (JavaScript's precision), so rows are ordered
  // and compared at that precision: two rows in one millisecond are then told apart by id.
  return q
    .select()
    .from(invitations)
    .where(and(...conditions))
    .orderBy(sql`date_trunc('milliseconds', ${invitations.createdAt}) desc`, desc(invitations.id))
    .limit(f.limit + 1);
}

export function findInvitation(q: Queryable, organizationId: string, id: string) {
  return q
    .select()
    .from(invitations)
    .where(and(eq(invitations.organizationId, organizationId), eq(invitations.id, id)))
    .then((r) => r[0]);
}

export function findInvitationByToken(q: Queryable, tokenHash: string) {
  return q
    .select({
      invitation: invitations,
      organizationName: organizations.name,
      organizationSlug: organizations.slug,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(eq(invitations.tokenHash, tokenHash))
    .then((r) => r[0]);
}

export async function insertInvitation(
  q: Queryable,
  v: {
    organizationId: string;
    email: string;
    role: Role;
    tokenHash: string;
    createdBy: string | null;
    expiresAt: Date;
    name?: string | null;
    title?: string | null;
    managerUserId?: string | null;
  },
) {
  const [row] = await q.insert(invitations).values(v).returning();
  return row!;
}

export async function revokeInvitation(q: Queryable, organizationId: string, id: string, now: Date) {
  const [row] = await q
    .update(invitations)
    .set({ revokedAt: now })
    .where(
      and(
        eq(invitations.organizationId, organizationId),
        eq(invitations.id, id),
        isNull(invitations.revokedAt),
        isNull(invitations.acceptedAt),
      ),
    )
    .returning();
  return row;
}

/** Marks an invitation used, once: concurrent accepts of one link get one winner. */
export async function claimInvitation(
  q: Queryable,
  organizationId: string,
  id: string,
  userId: string,
  now: Date,
) {
  const [row] = await q
    .update(invitations)
    .set({ acceptedAt: now, acceptedBy: userId })
    .where(
      and(
        eq(invitations.organizationId, organizationId),
        eq(invitations.id, id),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning();
  return row;
}

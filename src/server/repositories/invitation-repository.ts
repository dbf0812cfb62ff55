import { and, desc, eq, isNull } from "drizzle-orm";
import type { Queryable } from "../../db/client.ts";
import { invitations, organizations } from "../../db/schema.ts";
import type { Role } from "../../domain/roles.ts";

export function listInvitations(q: Queryable, organizationId: string, limit: number) {
  return q
    .select()
    .from(invitations)
    .where(eq(invitations.organizationId, organizationId))
    .orderBy(desc(invitations.createdAt), invitations.id)
    .limit(limit);
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

import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.ts";
import { emailVerifications, users } from "../../db/schema.ts";

/** Self sign-up: unverified accounts and the one-time links that prove their address. */

/**
 * Creates an account whose address is not proved yet (email_verified_at null). Returns
 * undefined when the address already has an account, also one created a moment ago by a
 * concurrent sign-up (the unique address index decides).
 */
export async function insertUnverifiedUser(
  q: Queryable,
  v: { email: string; name: string; passwordHash: string },
) {
  const [row] = await q
    .insert(users)
    .values({ ...v, emailVerifiedAt: null })
    .onConflictDoNothing()
    .returning();
  return row;
}

export async function insertEmailVerification(
  q: Queryable,
  v: { tokenHash: string; userId: string; expiresAt: Date },
) {
  await q.insert(emailVerifications).values(v);
}

/** The link's row whatever its state, so the answer can say used, expired or unknown. */
export function findEmailVerification(q: Queryable, tokenHash: string) {
  return q
    .select()
    .from(emailVerifications)
    .where(eq(emailVerifications.tokenHash, tokenHash))
    .then((r) => r[0]);
}

/** Uses a link atomically: the account's id, or undefined when it was used or expired meanwhile. */
export async function consumeEmailVerification(q: Queryable, tokenHash: string, now: Date) {
  const [row] = await q
    .update(emailVerifications)
    .set({ usedAt: now })
    .where(
      and(
        eq(emailVerifications.tokenHash, tokenHash),
        isNull(emailVerifications.usedAt),
        gt(emailVerifications.expiresAt, now),
      ),
    )
    .returning({ userId: emailVerifications.userId });
  return row?.userId;
}

/** Voids every other link of the account still outstanding (marked used: they did their work). */
export async function voidEmailVerifications(q: Queryable, userId: string, now: Date) {
  await q
    .update(emailVerifications)
    .set({ usedAt: now })
    .where(and(eq(emailVerifications.userId, userId), isNull(emailVerifications.usedAt)));
}

/** Marks the address proved; returns the account as it is now, or undefined when it already was. */
export async function markEmailVerified(q: Queryable, userId: string, now: Date) {
  const [row] = await q
    .update(users)
    .set({ emailVerifiedAt: now, updatedAt: sql`now()` })
    .where(and(eq(users.id, userId), isNull(users.emailVerifiedAt)))
    .returning();
  return row;
}

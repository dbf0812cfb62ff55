import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.ts";
import {
  apiTokens,
  memberships,
  organizations,
  passwordResets,
  rateLimits,
  sessions,
  users,
} from "../../db/schema.ts";

/** Accounts, sessions, tokens and rate limits: the global (not tenant-scoped) tables. */

export function findUserByEmail(q: Queryable, email: string) {
  return q
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
    .then((r) => r[0]);
}

export function findUserById(q: Queryable, id: string) {
  return q
    .select()
    .from(users)
    .where(eq(users.id, id))
    .then((r) => r[0]);
}

export async function insertUser(
  q: Queryable,
  v: { email: string; name: string; passwordHash: string | null },
) {
  const [row] = await q.insert(users).values(v).returning();
  return row!;
}

export async function setPasswordHash(q: Queryable, userId: string, passwordHash: string) {
  await q.update(users).set({ passwordHash, updatedAt: sql`now()` }).where(eq(users.id, userId));
}

export async function insertSession(
  q: Queryable,
  v: {
    tokenHash: string;
    userId: string;
    csrfToken: string;
    expiresAt: Date;
    ip: string;
    userAgent: string | null;
  },
) {
  await q.insert(sessions).values(v);
}

export function findLiveSession(q: Queryable, tokenHash: string, now: Date) {
  return q
    .select({
      tokenHash: sessions.tokenHash,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      userId: users.id,
      name: users.name,
      email: users.email,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
    .then((r) => r[0]);
}

export async function touchSession(q: Queryable, tokenHash: string, now: Date, expiresAt: Date) {
  await q.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(q: Queryable, tokenHash: string) {
  await q.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Signs a person out everywhere except, optionally, the session they are using. */
export async function deleteOtherSessions(q: Queryable, userId: string, keepTokenHash?: string) {
  await q
    .delete(sessions)
    .where(
      keepTokenHash
        ? and(eq(sessions.userId, userId), sql`${sessions.tokenHash} <> ${keepTokenHash}`)
        : eq(sessions.userId, userId),
    );
}

export function findActiveToken(q: Queryable, tokenHash: string) {
  return q
    .select({
      id: apiTokens.id,
      kind: apiTokens.kind,
      organizationId: apiTokens.organizationId,
      role: apiTokens.role,
      userId: apiTokens.userId,
      name: apiTokens.name,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
    .then((r) => r[0]);
}

export async function markTokenUsed(q: Queryable, organizationId: string, id: string, now: Date) {
  await q
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.organizationId, organizationId), eq(apiTokens.id, id)));
}

/** The organisations a person is an active member of, with their role. */
export function organizationsOfUser(q: Queryable, userId: string) {
  return q
    .select({
      id: organizations.id,
      slug: organizations.slug,
      name: organizations.name,
      isDemo: organizations.isDemo,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.userId, userId), eq(memberships.status, "active")))
    .orderBy(sql`lower(${organizations.name}) collate "C"`);
}

export async function insertPasswordReset(
  q: Queryable,
  v: { tokenHash: string; userId: string; createdBy: string | null; expiresAt: Date },
) {
  await q.insert(passwordResets).values(v);
}

export function findUsablePasswordReset(q: Queryable, tokenHash: string, now: Date) {
  return q
    .select({ userId: passwordResets.userId })
    .from(passwordResets)
    .where(
      and(
        eq(passwordResets.tokenHash, tokenHash),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, now),
      ),
    )
    .then((r) => r[0]);
}

/** Consumes a reset token atomically: returns the user id, or undefined if unusable. */
export async function consumePasswordReset(q: Queryable, tokenHash: string, now: Date) {
  const [row] = await q
    .update(passwordResets)
    .set({ usedAt: now })
    .where(
      and(
        eq(passwordResets.tokenHash, tokenHash),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, now),
      ),
    )
    .returning({ userId: passwordResets.userId });
  return row?.userId;
}

/** Current count in a fixed window, without counting this call. */
export async function readRateLimit(q: Queryable, bucket: string, windowSeconds: number, now: Date) {
  const [row] = await q.select().from(rateLimits).where(eq(rateLimits.bucket, bucket));
  if (!row) return 0;
  return now.getTime() - row.windowStartedAt.getTime() > windowSeconds * 1000 ? 0 : row.count;
}

/** Counts one event in a fixed window, atomically across instances. */
export async function hitRateLimit(q: Queryable, bucket: string, windowSeconds: number, now: Date) {
  const windowStart = new Date(now.getTime() - windowSeconds * 1000);
  await q
    .insert(rateLimits)
    .values({ bucket, windowStartedAt: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.bucket,
      set: {
        count: sql`case when ${rateLimits.windowStartedAt} < ${windowStart.toISOString()}::timestamptz then 1 else ${rateLimits.count} + 1 end`,
        windowStartedAt: sql`case when ${rateLimits.windowStartedAt} < ${windowStart.toISOString()}::timestamptz then ${now.toISOString()}::timestamptz else ${rateLimits.windowStartedAt} end`,
      },
    });
}

export async function clearRateLimit(q: Queryable, bucket: string) {
  await q.delete(rateLimits).where(eq(rateLimits.bucket, bucket));
}

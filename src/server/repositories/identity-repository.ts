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
import { type MembershipOfSlug, membershipColumns } from "./organization-repository.ts";
import { preparedStatement } from "./prepared.ts";

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
  v: { email: string; name: string; passwordHash: string | null; isOperator?: boolean },
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

/** What a request needs of a live session and its person. */
const sessionColumns = {
  tokenHash: sessions.tokenHash,
  csrfToken: sessions.csrfToken,
  lastSeenAt: sessions.lastSeenAt,
  userId: users.id,
  name: users.name,
  email: users.email,
  viewAsUserId: sessions.viewAsUserId,
  viewAsOrganizationId: sessions.viewAsOrganizationId,
};

export function findLiveSession(q: Queryable, tokenHash: string, now: Date) {
  return q
    .select(sessionColumns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
    .then((r) => r[0]);
}

const sessionWithMembership = preparedStatement((q) =>
  q
    .select({ ...sessionColumns, ...membershipColumns })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(
      memberships,
      and(
        eq(memberships.userId, sessions.userId),
        eq(
          memberships.organizationId,
          sql`(select ${organizations.id} from ${organizations} where ${organizations.slug} = ${sql.placeholder("slug")})`,
        ),
      ),
    )
    .leftJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder("tokenHash")),
        gt(sessions.expiresAt, sql.placeholder("now")),
      ),
    )
    .prepare("session_with_membership"),
);

/**
 * A live session together with its person's membership in the organisation `slug`
 * (null when they have none): one query instead of two for every request to an
 * organisation's routes.
 */
export async function findLiveSessionWithMembership(
  q: Queryable,
  tokenHash: string,
  now: Date,
  slug: string,
) {
  const [row] = await sessionWithMembership(q).execute({ tokenHash, now: now.toISOString(), slug });
  if (!row) return undefined;
  const {
    tokenHash: hash,
    csrfToken,
    lastSeenAt,
    userId,
    name,
    email,
    viewAsUserId,
    viewAsOrganizationId,
    ...membership
  } = row;
  return {
    session: {
      tokenHash: hash,
      csrfToken,
      lastSeenAt,
      userId,
      name,
      email,
      viewAsUserId,
      viewAsOrganizationId,
    },
    // A membership row was found (its organisation exists: foreign key), so every one of
    // these not-null columns holds a value; without one they are all null.
    membership: membership.role === null ? null : (membership as MembershipOfSlug),
  };
}

/**
 * The person a session views Keel as, while that is still allowed: the organisation is a
 * demo, the session's person is one of its active owners and the viewed person an active
 * member. Undefined otherwise (the owner was demoted, the person left).
 */
export async function findViewAs(
  q: Queryable,
  ownerUserId: string,
  viewedUserId: string,
  organizationId: string,
) {
  const rows = await q
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      organizationId: organizations.id,
      orgSlug: organizations.slug,
      orgName: organizations.name,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.userId, viewedUserId),
        eq(memberships.status, "active"),
        eq(organizations.isDemo, true),
        sql`exists (select 1 from ${memberships} o
          where o.organization_id = ${organizationId} and o.user_id = ${ownerUserId}
            and o.role = 'owner' and o.status = 'active')`,
      ),
    );
  return rows[0];
}

/** Starts (a person and organisation) or ends (null) viewing Keel as someone else. */
export async function setSessionViewAs(
  q: Queryable,
  tokenHash: string,
  viewAs: { userId: string; organizationId: string } | null,
) {
  await q
    .update(sessions)
    .set({ viewAsUserId: viewAs?.userId ?? null, viewAsOrganizationId: viewAs?.organizationId ?? null })
    .where(eq(sessions.tokenHash, tokenHash));
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

/** Withdraws every reset link of an account that has not been used yet. */
export async function deletePendingPasswordResets(q: Queryable, userId: string) {
  await q.delete(passwordResets).where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
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

/**
 * Counts one attempt in a fixed window and returns the count including it, in one
 * statement: parallel attempts each see a different count, so a limit checked against
 * the result cannot be overrun by attempts that all read the counter before any wrote it.
 */
export async function hitRateLimit(
  q: Queryable,
  bucket: string,
  windowSeconds: number,
  now: Date,
): Promise<number> {
  const windowStart = new Date(now.getTime() - windowSeconds * 1000);
  const expired = sql`${rateLimits.windowStartedAt} < ${windowStart.toISOString()}::timestamptz`;
  const [row] = await q
    .insert(rateLimits)
    .values({ bucket, windowStartedAt: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.bucket,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
        windowStartedAt: sql`case when ${expired} then ${now.toISOString()}::timestamptz else ${rateLimits.windowStartedAt} end`,
      },
    })
    .returning({ count: rateLimits.count });
  return row!.count;
}

/** Takes back one counted attempt (a success that should not use up the budget). */
export async function giveBackRateLimit(q: Queryable, bucket: string) {
  await q
    .update(rateLimits)
    .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
    .where(eq(rateLimits.bucket, bucket));
}

export async function clearRateLimit(q: Queryable, bucket: string) {
  await q.delete(rateLimits).where(eq(rateLimits.bucket, bucket));
}

/** How many memberships (any status) the account has in organisations other than `organizationId`. */
export async function otherMembershipCount(q: Queryable, userId: string, organizationId: string) {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), sql`${memberships.organizationId} <> ${organizationId}`));
  return row?.n ?? 0;
}

/** Whether the account is an operator of the instance. */
export async function isOperatorAccount(q: Queryable, userId: string) {
  const [row] = await q.select({ isOperator: users.isOperator }).from(users).where(eq(users.id, userId));
  return row?.isOperator === true;
}

/** Names an account an operator of the instance, or takes that away. Returns whether it changed. */
export async function setOperator(q: Queryable, userId: string, isOperator: boolean) {
  const rows = await q
    .update(users)
    .set({ isOperator, updatedAt: sql`now()` })
    .where(and(eq(users.id, userId), sql`${users.isOperator} <> ${isOperator}`))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** The instance's operators, by name. */
export function listOperators(q: Queryable) {
  return q
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.isOperator, true))
    .orderBy(sql`lower(${users.name}) collate "C"`, users.id);
}

/**
 * Locks the operators' rows, so two operators removing each other at once cannot both
 * see the other remain and leave the instance with none.
 */
export async function lockOperators(q: Queryable) {
  return q
    .select({ id: users.id })
    .from(users)
    .where(eq(users.isOperator, true))
    .orderBy(users.id)
    .for("update");
}

/** Locks an account's row for a password change, so two changes of it run one after the other. */
export async function lockUser(q: Queryable, userId: string) {
  await q.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("no key update");
}

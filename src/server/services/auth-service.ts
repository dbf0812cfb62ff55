import type { Queryable } from "../../db/client.ts";
import type { UserRow } from "../../db/row-types.ts";
import { AppError } from "../../shared/errors.ts";
import type { SessionInfo } from "../../shared/schemas/auth.ts";
import type { Deps, Principal } from "../context.ts";
import { hashPassword, verifyPassword } from "../lib/passwords.ts";
import { randomSecret, sha256 } from "../lib/secrets.ts";
import {
  clearRateLimit,
  consumePasswordReset,
  deleteOtherSessions,
  deletePendingPasswordResets,
  deleteSession,
  findUsablePasswordReset,
  findUserByEmail,
  findUserById,
  giveBackRateLimit,
  hitRateLimit,
  insertPasswordReset,
  insertSession,
  lockUser,
  organizationsOfUser,
  setPasswordHash,
} from "../repositories/identity-repository.ts";
import { mayCreateOrganizations } from "./instance-service.ts";

export const SESSION_COOKIE = "keel_session";
export const SESSION_TTL_MS = 30 * 24 * 3600_000;
export const RESET_TTL_MS = 24 * 3600_000;

/** Sign-in attempts allowed per window, per account and per address. */
export const SIGN_IN_LIMITS = { windowSeconds: 15 * 60, perAccount: 10, perIp: 100 };

export type NewSession = { token: string; csrfToken: string; expiresAt: Date };

export async function createSession(
  deps: Deps,
  userId: string,
  ip: string,
  userAgent: string | null,
): Promise<NewSession> {
  const token = randomSecret();
  const csrfToken = randomSecret(24);
  const expiresAt = new Date(deps.now().getTime() + SESSION_TTL_MS);
  await insertSession(deps.db, { tokenHash: sha256(token), userId, csrfToken, expiresAt, ip, userAgent });
  return { token, csrfToken, expiresAt };
}

/**
 * Checks a password against the per-account and per-address limits (kept in the
 * database, so they hold across instances). The attempt is counted before the password
 * is checked, atomically, so parallel guesses cannot all slip in under the limit; a
 * success clears the account's counter and gives the address its attempt back.
 * Returns the account when the password matches, undefined otherwise (the caller picks
 * the answer); over the limit it throws 429 rate_limited without checking anything.
 */
export async function checkPasswordLimited(
  deps: Deps,
  email: string,
  password: string,
  ip: string,
): Promise<UserRow | undefined> {
  const now = deps.now();
  const { windowSeconds, perAccount, perIp } = SIGN_IN_LIMITS;
  const accountBucket = `sign-in:account:${email.toLowerCase()}`;
  const ipBucket = `sign-in:ip:${ip}`;
  const accountCount = await hitRateLimit(deps.db, accountBucket, windowSeconds, now);
  const ipCount = await hitRateLimit(deps.db, ipBucket, windowSeconds, now);
  if (accountCount > perAccount || ipCount > perIp) {
    throw new AppError(
      "rate_limited",
      `Too many sign-in attempts. Wait ${Math.round(windowSeconds / 60)} minutes, or ask an admin for a password reset link.`,
      { retryAfterSeconds: windowSeconds },
    );
  }
  const user = await findUserByEmail(deps.db, email);
  // Unknown accounts are checked against a decoy hash: same time, same answer.
  const ok = await verifyPassword(user?.passwordHash, password);
  if (!user || !ok) return undefined;
  await clearRateLimit(deps.db, accountBucket);
  await giveBackRateLimit(deps.db, ipBucket);
  return user;
}

/** Checks credentials with one generic answer for every failure, within the sign-in limits. */
export async function signIn(
  deps: Deps,
  input: { email: string; password: string },
  ip: string,
  userAgent: string | null,
): Promise<{ session: NewSession; userId: string }> {
  const user = await checkPasswordLimited(deps, input.email, input.password, ip);
  if (!user) throw new AppError("invalid_credentials", "That email and password do not match an account.");
  // Said only to whoever knows the password: it tells nobody else the address has an account.
  if (user.emailVerifiedAt === null) {
    throw new AppError(
      "email_not_verified",
      "Confirm your email address first: open the link we sent when you created the account. It expires after 24 hours; you can have it sent again.",
      { resend: "/api/auth/verify-email/resend" },
    );
  }
  return { session: await createSession(deps, user.id, ip, userAgent), userId: user.id };
}

export async function signOut(deps: Deps, sessionHash: string): Promise<void> {
  await deleteSession(deps.db, sessionHash);
}

export async function sessionInfo(
  deps: Deps,
  userId: string,
  csrfToken: string,
  viewAs?: ViewAs,
): Promise<SessionInfo> {
  const user = await findUserById(deps.db, userId);
  if (!user) throw new AppError("unauthenticated", "Your account no longer exists.");
  const orgs = await organizationsOfUser(deps.db, userId);
  return {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      isOperator: user.isOperator,
      mayCreateOrganizations: await mayCreateOrganizations(deps, user),
    },
    organizations: orgs,
    csrfToken,
    viewingAs: viewAs
      ? {
          byUserId: viewAs.byUserId,
          byName: viewAs.byName,
          organizationSlug: viewAs.orgSlug,
          organizationName: viewAs.orgName,
        }
      : null,
  };
}

type ViewAs = NonNullable<Extract<Principal, { kind: "session" }>["viewAs"]>;

/**
 * Changes a password, signs the person out of every other session and voids every reset
 * link still outstanding: whoever was handed one must not set the password after this.
 */
export async function changePassword(
  deps: Deps,
  userId: string,
  sessionHash: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await findUserById(deps.db, userId);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("validation_failed", "currentPassword: is not your current password", {
      issues: [{ field: "currentPassword", message: "is not your current password" }],
    });
  }
  const hash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    await setPasswordHash(tx, userId, hash);
    await deleteOtherSessions(tx, userId, sessionHash);
    await deletePendingPasswordResets(tx, userId);
  });
}

/** Issues a one-time reset link (admin action or `keel reset-password`). */
export async function issuePasswordReset(
  deps: Deps,
  q: Queryable,
  userId: string,
  createdBy: string | null,
  baseUrl: string,
): Promise<{ url: string; expiresAt: Date }> {
  const token = randomSecret();
  const expiresAt = new Date(deps.now().getTime() + RESET_TTL_MS);
  await insertPasswordReset(q, { tokenHash: sha256(token), userId, createdBy, expiresAt });
  return { url: `${baseUrl.replace(/\/$/, "")}/reset-password/${token}`, expiresAt };
}

/**
 * Sets a new password from a reset link. The link works once, and every other link still
 * outstanding for the account is voided with it (an older link someone else holds must
 * not undo the new password); the account's sessions end.
 */
export async function resetPassword(
  deps: Deps,
  input: { token: string; newPassword: string },
): Promise<string> {
  // Look the link up before hashing: a made-up token must not cost the server an argon2 hash.
  const usable = await findUsablePasswordReset(deps.db, sha256(input.token), deps.now());
  if (!usable) {
    throw new AppError("gone", "This reset link has been used or has expired. Ask an admin for a new one.");
  }
  const hash = await hashPassword(input.newPassword);
  return deps.db.transaction(async (tx) => {
    // Two links of one account used at once would otherwise each void the other's row
    // while holding their own: a deadlock. In turn, the second finds its link voided.
    await lockUser(tx, usable.userId);
    const userId = await consumePasswordReset(tx, sha256(input.token), deps.now());
    if (!userId) {
      throw new AppError("gone", "This reset link has been used or has expired. Ask an admin for a new one.");
    }
    await setPasswordHash(tx, userId, hash);
    await deletePendingPasswordResets(tx, userId);
    await deleteOtherSessions(tx, userId);
    return userId;
  });
}

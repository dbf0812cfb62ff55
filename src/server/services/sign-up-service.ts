import { AppError } from "../../shared/errors.ts";
import type { Deps } from "../context.ts";
import { hashPassword } from "../lib/passwords.ts";
import { randomSecret, sha256 } from "../lib/secrets.ts";
import {
  consumeEmailVerification,
  findEmailVerification,
  insertEmailVerification,
  insertUnverifiedUser,
  markEmailVerified,
  voidEmailVerifications,
} from "../repositories/email-verification-repository.ts";
import { findUserByEmail, hitRateLimit, lockUser } from "../repositories/identity-repository.ts";
import { createSession, type NewSession } from "./auth-service.ts";
import { accountExistsMail, verifyEmailMail } from "./email/account-mail.ts";
import { publicLink, queueEmails } from "./email/outbox.ts";
import { openToEveryone } from "./instance-service.ts";

/** How long an emailed confirmation link works. */
export const VERIFY_TTL_MS = 24 * 3600_000;

/**
 * Sign-up and resend requests allowed per window: per address (each may send a mail, so
 * nobody can flood a mailbox through Keel) and per client address.
 */
export const SIGN_UP_LIMITS = { windowSeconds: 15 * 60, perAddress: 5, perIp: 50 };

/** The one answer to sign-up and resend: it never says whether the address has an account. */
export const CHECK_YOUR_EMAIL = {
  ok: true as const,
  message:
    "Check your email: we sent a link to that address. Open it within 24 hours to confirm the address and sign in.",
};

/** Whether anyone may create an account here now (GET /api/auth/sign-up). */
export async function signUpStatus(deps: Deps) {
  return { open: await openToEveryone(deps) };
}

async function requireSignUpOpen(deps: Deps) {
  if (!(await openToEveryone(deps))) {
    throw new AppError(
      "sign_up_closed",
      "This Keel does not let people create their own accounts: its operators create organisations and admins invite people. Ask an admin of your organisation for an invitation.",
    );
  }
}

async function limitSignUps(deps: Deps, email: string, ip: string) {
  const { windowSeconds, perAddress, perIp } = SIGN_UP_LIMITS;
  const now = deps.now();
  const address = await hitRateLimit(deps.db, `sign-up:address:${email.toLowerCase()}`, windowSeconds, now);
  const client = await hitRateLimit(deps.db, `sign-up:ip:${ip}`, windowSeconds, now);
  if (address > perAddress || client > perIp) {
    throw new AppError(
      "rate_limited",
      `Too many requests for this address. Wait ${Math.round(windowSeconds / 60)} minutes and try again.`,
      { retryAfterSeconds: windowSeconds },
    );
  }
}

/** A new one-time link for the account, stored hashed; returns the URL the mail carries. */
async function issueVerification(
  deps: Deps,
  q: Parameters<typeof insertEmailVerification>[0],
  userId: string,
) {
  const token = randomSecret();
  const expiresAt = new Date(deps.now().getTime() + VERIFY_TTL_MS);
  await insertEmailVerification(q, { tokenHash: sha256(token), userId, expiresAt });
  return publicLink(deps, `/verify-email/${token}`);
}

/**
 * Self sign-up. A new address gets an unconfirmed account and a confirmation link; an
 * address with a confirmed account gets a "you already have an account" mail and its
 * account is not touched; an unconfirmed one gets a new link (its name and password stay).
 * The caller sees the same answer in every case, and the password is hashed in every case
 * so the time taken does not tell either.
 */
export async function signUp(
  deps: Deps,
  input: { email: string; name: string; password: string },
  request: { ip: string; requestId: string },
) {
  await requireSignUpOpen(deps);
  await limitSignUps(deps, input.email, request.ip);
  const passwordHash = await hashPassword(input.password);
  const created = await deps.db.transaction(async (tx) => {
    const user = await insertUnverifiedUser(tx, { email: input.email, name: input.name, passwordHash });
    if (user) {
      const url = await issueVerification(deps, tx, user.id);
      await queueEmails(deps, tx, [
        {
          organizationId: null,
          to: user.email,
          kind: "verify_email",
          mail: verifyEmailMail({ name: user.name, url }),
        },
      ]);
      return user;
    }
    const existing = await findUserByEmail(tx, input.email);
    if (!existing) return undefined;
    if (existing.emailVerifiedAt === null) {
      const url = await issueVerification(deps, tx, existing.id);
      await queueEmails(deps, tx, [
        {
          organizationId: null,
          to: existing.email,
          kind: "verify_email",
          mail: verifyEmailMail({ name: existing.name, url, again: true }),
        },
      ]);
    } else {
      await queueEmails(deps, tx, [
        {
          organizationId: null,
          to: existing.email,
          kind: "account_exists",
          mail: accountExistsMail({ name: existing.name, signInUrl: publicLink(deps, "/sign-in") }),
        },
      ]);
    }
    return undefined;
  });
  if (created) {
    deps.logger.warn(
      {
        event: "account.created",
        account: created.email,
        after: { id: created.id, email: created.email, name: created.name, emailVerifiedAt: null },
        via: "sign-up",
        requestId: request.requestId,
      },
      `${created.email} signed up; the account waits for its address to be confirmed`,
    );
  }
  return CHECK_YOUR_EMAIL;
}

/** Sends a new confirmation link to an unconfirmed account; the same answer for any address. */
export async function resendVerification(deps: Deps, input: { email: string }, request: { ip: string }) {
  await requireSignUpOpen(deps);
  await limitSignUps(deps, input.email, request.ip);
  await deps.db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, input.email);
    if (!user || user.emailVerifiedAt !== null) return;
    const url = await issueVerification(deps, tx, user.id);
    await queueEmails(deps, tx, [
      {
        organizationId: null,
        to: user.email,
        kind: "verify_email",
        mail: verifyEmailMail({ name: user.name, url }),
      },
    ]);
  });
  return CHECK_YOUR_EMAIL;
}

const linkUsed = () =>
  new AppError(
    "link_used",
    "This link has already been used (or a newer one of the same account was): the address is confirmed. Sign in.",
  );

/**
 * Confirms an address with an emailed link and signs the person in: the link proves the
 * mailbox, as an invitation link does. The link works once; every other link of the
 * account is voided with it. Works whether or not sign-up is still open: the link was
 * issued while it was.
 */
export async function verifyEmail(
  deps: Deps,
  input: { token: string },
  request: { ip: string; userAgent: string | null; requestId: string },
): Promise<{ session: NewSession; userId: string }> {
  const tokenHash = sha256(input.token);
  const found = await findEmailVerification(deps.db, tokenHash);
  if (!found) {
    throw new AppError(
      "link_unknown",
      "This link is not one Keel sent: check that it was copied whole, or ask for a new one from the sign-in page.",
    );
  }
  if (found.usedAt) throw linkUsed();
  if (found.expiresAt <= deps.now()) {
    throw new AppError(
      "link_expired",
      "This link has expired (links work for 24 hours). Sign in and choose “Send the link again”.",
    );
  }
  const verified = await deps.db.transaction(async (tx) => {
    // Two links of one account opened at once: in turn, the second finds itself voided.
    await lockUser(tx, found.userId);
    const userId = await consumeEmailVerification(tx, tokenHash, deps.now());
    if (!userId) throw linkUsed();
    await voidEmailVerifications(tx, userId, deps.now());
    return markEmailVerified(tx, userId, deps.now());
  });
  if (verified) {
    deps.logger.warn(
      {
        event: "account.email_verified",
        account: verified.email,
        before: { emailVerifiedAt: null },
        after: { emailVerifiedAt: verified.emailVerifiedAt?.toISOString() ?? null },
        requestId: request.requestId,
      },
      `${verified.email} confirmed the address`,
    );
  }
  const session = await createSession(deps, found.userId, request.ip, request.userAgent);
  return { session, userId: found.userId };
}

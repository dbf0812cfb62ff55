import type { Db, Queryable } from "../../db/client.ts";
import type { InvitationRow } from "../../db/row-types.ts";
import { resolveStatusSettings } from "../../domain/okr/status-settings.ts";
import { mayAssignRole, type Role } from "../../domain/roles.ts";
import { AppError, fieldError, notFound, versionConflict } from "../../shared/errors.ts";
import type { ListQuery } from "../../shared/schemas/common.ts";
import type { Actor, Deps } from "../context.ts";
import { pageFilter, toPage } from "../lib/pagination.ts";
import { hashPassword } from "../lib/passwords.ts";
import { randomSecret, sha256 } from "../lib/secrets.ts";
import { authorize } from "../policies/org-policy.ts";
import { recordAudit } from "../repositories/audit-repository.ts";
import { markEmailVerified, voidEmailVerifications } from "../repositories/email-verification-repository.ts";
import {
  deletePendingPasswordResets,
  findUserByEmail,
  insertUser,
} from "../repositories/identity-repository.ts";
import {
  claimInvitation,
  findInvitationByToken,
  insertInvitation,
  listInvitations,
  revokeInvitation,
} from "../repositories/invitation-repository.ts";
import { findPerson, insertMembership, updateMembership } from "../repositories/people-repository.ts";
import { isActiveMember } from "../repositories/team-repository.ts";
import { checkPasswordLimited, createSession } from "./auth-service.ts";
import { invitationMail } from "./email/account-mail.ts";
import { queueEmails } from "./email/outbox.ts";
import { presentPerson } from "./people-service.ts";

function statusOf(row: InvitationRow, now: Date) {
  if (row.acceptedAt) return "accepted" as const;
  if (row.revokedAt) return "revoked" as const;
  if (row.expiresAt <= now) return "expired" as const;
  return "pending" as const;
}

export function presentInvitation(row: InvitationRow, now: Date) {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    name: row.name,
    title: row.title,
    managerUserId: row.managerUserId,
    status: statusOf(row, now),
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listInvitationsFor(deps: Deps, actor: Actor, query: ListQuery) {
  authorize(actor, "manage_people");
  const rows = await listInvitations(deps.db, actor.organizationId, pageFilter(query, "timestamp"));
  const page = toPage(rows, query.limit, (r) => ({ k: r.createdAt.toISOString(), id: r.id }));
  const now = deps.now();
  return { items: page.items.map((r) => presentInvitation(r, now)), nextCursor: page.nextCursor };
}

export type NewInvitation = {
  email: string;
  role: Role;
  expiresInDays: number;
  /** Adding a person through People: the name offered to a new account, title and manager. */
  name?: string | undefined;
  title?: string | undefined;
  managerUserId?: string | null | undefined;
};

/**
 * Invites an address. The answer is the same whether or not the address has a Keel
 * account (accounts are global; an organisation's admin must not learn about other
 * organisations' people): an invitation and its link, which a new person opens to create
 * their account and an existing one to sign in and join.
 */
export async function createInvitation(deps: Deps, actor: Actor, input: NewInvitation, baseUrl: string) {
  authorize(actor, "manage_people");
  if (!mayAssignRole(actor.role, null, input.role)) throw fieldError("role", "only owners can invite owners");
  const existing = await findUserByEmail(deps.db, input.email);
  // Only this organisation's own members are told apart: the admin sees them under People anyway.
  const member = existing && (await findPerson(deps.db, actor.organizationId, existing.id));
  if (member?.status === "active") {
    throw new AppError("already_exists", `${input.email} is already a member of ${actor.orgName}.`, {
      issues: [{ field: "email", message: "is already a member" }],
    });
  }
  // Accepting brings a deactivated member back with the invitation's role: only owners
  // may change an owner's role that way.
  if (member && !mayAssignRole(actor.role, member.role, input.role)) {
    throw fieldError("role", "only owners can change the role of a (deactivated) owner");
  }
  return issueInvitation(deps, actor, input, baseUrl);
}

/** Stores an invitation with its audit event and returns it with its one-time link. */
export async function issueInvitation(deps: Deps, actor: Actor, input: NewInvitation, baseUrl: string) {
  const token = randomSecret();
  const expiresAt = new Date(deps.now().getTime() + input.expiresInDays * 86_400_000);
  const url = `${baseUrl.replace(/\/$/, "")}/invite/${token}`;
  const { row, emailed } = await deps.db.transaction(async (tx) => {
    const inv = await insertInvitation(tx, {
      organizationId: actor.organizationId,
      email: input.email,
      role: input.role,
      name: input.name ?? null,
      title: input.title ?? null,
      managerUserId: input.managerUserId ?? null,
      tokenHash: sha256(token),
      createdBy: actor.userId,
      expiresAt,
    });
    await recordAudit(tx, actor, {
      action: "invitation.created",
      entityType: "invitation",
      entityId: inv.id,
      entityLabel: inv.email,
      after: presentInvitation(inv, deps.now()),
    });
    const mail = invitationMail({
      inviterName: actor.label,
      organizationName: actor.orgName,
      inviteeName: inv.name,
      role: inv.role,
      url,
      expiresAt,
    });
    const queued = await queueEmails(deps, tx, [
      { organizationId: actor.organizationId, to: inv.email, kind: "invitation", mail },
    ]);
    return { row: inv, emailed: queued === 1 };
  });
  return { invitation: presentInvitation(row, deps.now()), url, emailed };
}

export async function revokeInvitationFor(deps: Deps, actor: Actor, id: string) {
  authorize(actor, "manage_people");
  return deps.db.transaction(async (tx) => {
    const row = await revokeInvitation(tx, actor.organizationId, id, deps.now());
    if (!row) throw notFound("A pending invitation with that id");
    await recordAudit(tx, actor, {
      action: "invitation.revoked",
      entityType: "invitation",
      entityId: row.id,
      entityLabel: row.email,
      after: presentInvitation(row, deps.now()),
    });
    return presentInvitation(row, deps.now());
  });
}

async function usableInvitation(db: Db, token: string, now: Date) {
  const found = await findInvitationByToken(db, sha256(token));
  if (!found) throw notFound("That invitation");
  const status = statusOf(found.invitation, now);
  if (status !== "pending") {
    throw new AppError(
      "gone",
      status === "expired"
        ? "This invitation has expired. Ask for a new one."
        : `This invitation has been ${status}. Ask for a new one.`,
    );
  }
  return found;
}

/**
 * What an invitation link offers. Says nothing about whether the address has an account:
 * the page offers both "sign in to join" and "create your account".
 */
export async function previewInvitation(deps: Deps, token: string) {
  const found = await usableInvitation(deps.db, token, deps.now());
  return {
    organizationName: found.organizationName,
    email: found.invitation.email,
    role: found.invitation.role,
    name: found.invitation.name,
  };
}

/** One answer for a wrong password, an unknown account and one without a password yet. */
function notThePassword(email: string) {
  return new AppError(
    "invalid_credentials",
    `That password does not open a Keel account for ${email}. If you have one, enter its password (an admin or the server's operator can reset it); if you are new to Keel, give your name and choose a password to create your account.`,
  );
}

/**
 * Accepts an invitation. Without a name it is a sign-in: the account's password, counted
 * like sign-in (a link is no password oracle), with one answer for a wrong password, no
 * account and an account without a password yet. With a name, a new address gets an
 * account with that name and password; an existing account is never given a password
 * here, so it must still prove itself with its own. The person is signed in afterwards.
 */
export async function acceptInvitation(
  deps: Deps,
  token: string,
  input: { name?: string | undefined; password: string },
  request: { ip: string; userAgent: string | null; requestId: string },
) {
  const found = await usableInvitation(deps.db, token, deps.now());
  const inv = found.invitation;
  const existingAccount = await findUserByEmail(deps.db, inv.email);
  let account: typeof existingAccount;
  let newHash: string | null = null;
  if (existingAccount || input.name === undefined) {
    account = await checkPasswordLimited(deps, inv.email, input.password, request.ip);
    if (!account) throw notThePassword(inv.email);
  } else {
    newHash = await hashPassword(input.password);
  }
  const userId = await deps.db.transaction(async (tx) => {
    // A concurrent accept for the same new email loses on the unique email (409).
    const user =
      account ?? (await insertUser(tx, { email: inv.email, name: input.name!, passwordHash: newHash }));
    const claimed = await claimInvitation(tx, inv.organizationId, inv.id, user.id, deps.now());
    if (!claimed) throw new AppError("gone", "This invitation has just been used. Ask for a new one.");
    const actor: Actor = {
      organizationId: inv.organizationId,
      orgSlug: found.organizationSlug,
      orgName: found.organizationName,
      // This actor only signs the acceptance's audit events: no dates or OKR status here.
      timeZone: "UTC",
      weekStart: 1,
      fiscalYearStartMonth: 1,
      okrStatusSettings: resolveStatusSettings(),
      role: inv.role,
      userId: user.id,
      tokenId: null,
      label: user.name,
      requestId: request.requestId,
    };
    const existing = await findPerson(tx, inv.organizationId, user.id);
    if (existing?.status === "active") {
      // An invitation must not change the role of someone who is already a member.
      throw new AppError(
        "already_exists",
        `You are already a member of ${found.organizationName}. Sign in to open it; an admin changes roles under People.`,
      );
    }
    if (existing) {
      if (existing.role === "owner" && inv.role !== "owner" && !(await invitedByOwner(tx, inv))) {
        throw new AppError(
          "forbidden",
          "This invitation would change an owner's role, which only an owner can do. Ask an owner to reactivate you.",
        );
      }
      const reactivated = await updateMembership(tx, inv.organizationId, user.id, existing.version, {
        role: inv.role,
        status: "active",
      });
      // Rolls back the claim too: the link stays usable if someone edited the membership meanwhile.
      if (!reactivated) throw versionConflict(`${user.name}'s membership`);
    } else {
      // A manager named when the person was added counts only while still an active member.
      const managerUserId =
        inv.managerUserId && (await isActiveMember(tx, inv.organizationId, inv.managerUserId))
          ? inv.managerUserId
          : null;
      await insertMembership(tx, {
        organizationId: inv.organizationId,
        userId: user.id,
        role: inv.role,
        title: inv.title,
        managerUserId,
      });
    }
    // The person has just proved they hold the password: reset links issued earlier
    // (possibly by another organisation's admin) must not outlive their joining here.
    if (account) await deletePendingPasswordResets(tx, user.id);
    // The invitation link proves the address as a confirmation link would: a self-registered
    // account still waiting for its link is confirmed by joining, and its links are voided.
    if (account && account.emailVerifiedAt === null) {
      await markEmailVerified(tx, user.id, deps.now());
      await voidEmailVerifications(tx, user.id, deps.now());
    }
    const after = (await findPerson(tx, inv.organizationId, user.id))!;
    await recordAudit(tx, actor, {
      action: existing ? "membership.reactivated" : "membership.created",
      entityType: "membership",
      entityId: user.id,
      entityLabel: user.name,
      before: existing ? presentPerson(existing) : null,
      after: { ...presentPerson(after), viaInvitation: inv.id },
    });
    return user.id;
  });
  const session = await createSession(deps, userId, request.ip, request.userAgent);
  return { session, userId, orgSlug: found.organizationSlug };
}

/** Whether the invitation's creator is an active owner of its organisation now. */
async function invitedByOwner(q: Queryable, inv: InvitationRow): Promise<boolean> {
  if (!inv.createdBy) return false;
  const inviter = await findPerson(q, inv.organizationId, inv.createdBy);
  return inviter?.status === "active" && inviter.role === "owner";
}

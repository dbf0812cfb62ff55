import type { Db } from "../../db/client.ts";
import type { invitations } from "../../db/schema.ts";
import { mayAssignRole, type Role } from "../../domain/roles.ts";
import { AppError, fieldError, notFound, versionConflict } from "../../shared/errors.ts";
import type { ListQuery } from "../../shared/schemas/common.ts";
import type { Actor, Deps } from "../context.ts";
import { pageFilter, toPage } from "../lib/pagination.ts";
import { hashPassword, verifyPassword } from "../lib/passwords.ts";
import { randomSecret, sha256 } from "../lib/secrets.ts";
import { authorize } from "../policies/org-policy.ts";
import { recordAudit } from "../repositories/audit-repository.ts";
import { findUserByEmail, insertUser, setPasswordHash } from "../repositories/identity-repository.ts";
import {
  claimInvitation,
  findInvitationByToken,
  insertInvitation,
  listInvitations,
  revokeInvitation,
} from "../repositories/invitation-repository.ts";
import { findPerson, insertMembership, updateMembership } from "../repositories/people-repository.ts";
import { createSession } from "./auth-service.ts";

type InvitationRow = typeof invitations.$inferSelect;

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

export async function createInvitation(
  deps: Deps,
  actor: Actor,
  input: { email: string; role: Role; expiresInDays: number },
  baseUrl: string,
) {
  authorize(actor, "manage_people");
  if (!mayAssignRole(actor.role, null, input.role)) throw fieldError("role", "only owners can invite owners");
  const existing = await findUserByEmail(deps.db, input.email);
  if (existing) {
    const member = await findPerson(deps.db, actor.organizationId, existing.id);
    if (member?.status === "active") {
      throw new AppError("already_exists", `${input.email} is already a member of ${actor.orgName}.`, {
        issues: [{ field: "email", message: "is already a member" }],
      });
    }
  }
  const token = randomSecret();
  const expiresAt = new Date(deps.now().getTime() + input.expiresInDays * 86_400_000);
  const row = await deps.db.transaction(async (tx) => {
    const inv = await insertInvitation(tx, {
      organizationId: actor.organizationId,
      email: input.email,
      role: input.role,
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
    return inv;
  });
  return {
    invitation: presentInvitation(row, deps.now()),
    url: `${baseUrl.replace(/\/$/, "")}/invite/${token}`,
  };
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

export async function previewInvitation(deps: Deps, token: string) {
  const found = await usableInvitation(deps.db, token, deps.now());
  const account = await findUserByEmail(deps.db, found.invitation.email);
  return {
    organizationName: found.organizationName,
    email: found.invitation.email,
    role: found.invitation.role,
    accountExists: Boolean(account?.passwordHash),
  };
}

/**
 * Accepts an invitation: a new account is created with the given name and password; an
 * existing account proves itself with its password. The person is signed in afterwards.
 */
export async function acceptInvitation(
  deps: Deps,
  token: string,
  input: { name?: string | undefined; password: string },
  request: { ip: string; userAgent: string | null; requestId: string },
) {
  const found = await usableInvitation(deps.db, token, deps.now());
  const inv = found.invitation;
  const account = await findUserByEmail(deps.db, inv.email);
  if (account?.passwordHash) {
    if (!(await verifyPassword(account.passwordHash, input.password))) {
      throw fieldError("password", `is not the password of the existing account ${inv.email}`);
    }
  } else if (!account && !input.name) {
    throw fieldError("name", "tell us your name to create your account");
  }
  const newHash = account?.passwordHash ? null : await hashPassword(input.password);
  const userId = await deps.db.transaction(async (tx) => {
    const user =
      account ?? (await insertUser(tx, { email: inv.email, name: input.name!, passwordHash: newHash }));
    if (account && newHash) {
      await setPasswordHash(tx, account.id, newHash);
    }
    const claimed = await claimInvitation(tx, inv.organizationId, inv.id, user.id, deps.now());
    if (!claimed) throw new AppError("gone", "This invitation has just been used. Ask for a new one.");
    const actor: Actor = {
      organizationId: inv.organizationId,
      orgSlug: found.organizationSlug,
      orgName: found.organizationName,
      timeZone: "UTC",
      role: inv.role,
      userId: user.id,
      tokenId: null,
      label: user.name,
      requestId: request.requestId,
    };
    const existing = await findPerson(tx, inv.organizationId, user.id);
    if (existing) {
      const reactivated = await updateMembership(tx, inv.organizationId, user.id, existing.version, {
        role: inv.role,
        status: "active",
      });
      // Rolls back the claim too: the link stays usable if someone edited the membership meanwhile.
      if (!reactivated) throw versionConflict(`${user.name}'s membership`);
    } else {
      await insertMembership(tx, { organizationId: inv.organizationId, userId: user.id, role: inv.role });
    }
    await recordAudit(tx, actor, {
      action: existing ? "membership.reactivated" : "membership.created",
      entityType: "membership",
      entityId: user.id,
      entityLabel: user.name,
      before: existing ?? null,
      after: { userId: user.id, role: inv.role, status: "active", viaInvitation: inv.id },
    });
    return user.id;
  });
  const session = await createSession(deps, userId, request.ip, request.userAgent);
  return { session, userId, orgSlug: found.organizationSlug };
}

import { changedFields } from "../../domain/no-op.ts";
import { mayAssignRole, type Role } from "../../domain/roles.ts";
import { AppError, fieldError, notFound, versionConflict } from "../../shared/errors.ts";
import type { ListQuery } from "../../shared/schemas/common.ts";
import type { Person } from "../../shared/schemas/people.ts";
import type { Actor, Deps } from "../context.ts";
import { decodeCursor, toPage } from "../lib/pagination.ts";
import { authorize } from "../policies/org-policy.ts";
import { recordAudit } from "../repositories/audit-repository.ts";
import {
  findUserByEmail,
  isOperatorAccount,
  otherMembershipCount,
} from "../repositories/identity-repository.ts";
import {
  countActiveOwners,
  findPerson,
  listPeople,
  lockActiveOwners,
  managerChain,
  updateMembership,
} from "../repositories/people-repository.ts";
import { isActiveMember } from "../repositories/team-repository.ts";
import { issuePasswordReset } from "./auth-service.ts";
import { passwordResetMail } from "./email/account-mail.ts";
import { queueEmails } from "./email/outbox.ts";
import { issueInvitation } from "./invitation-service.ts";
import { moveOneOnOnesToNewManager } from "./one-on-ones/manager-change.ts";

type PersonRow = NonNullable<Awaited<ReturnType<typeof findPerson>>>;

export function presentPerson(row: PersonRow): Person {
  const { sortKey: _sortKey, createdAt, ...rest } = row;
  return { ...rest, createdAt: createdAt.toISOString() };
}

export async function listPeoplePage(
  deps: Deps,
  actor: Actor,
  query: ListQuery & { status: "active" | "deactivated" | "all" },
) {
  authorize(actor, "read");
  const rows = await listPeople(deps.db, actor.organizationId, {
    q: query.q,
    status: query.status,
    after: decodeCursor(query.cursor),
    limit: query.limit,
  });
  const page = toPage(rows, query.limit, (r) => ({ k: r.sortKey, id: r.userId }));
  return { items: page.items.map(presentPerson), nextCursor: page.nextCursor };
}

export async function getPerson(deps: Deps, actor: Actor, userId: string): Promise<Person> {
  authorize(actor, "read");
  const row = await findPerson(deps.db, actor.organizationId, userId);
  if (!row) throw notFound("That person");
  return presentPerson(row);
}

async function checkManager(
  deps: Deps,
  actor: Actor,
  userId: string | null,
  managerUserId: string | null | undefined,
) {
  if (!managerUserId) return;
  if (managerUserId === userId) throw fieldError("managerUserId", "a person cannot be their own manager");
  if (!(await isActiveMember(deps.db, actor.organizationId, managerUserId))) {
    throw fieldError("managerUserId", "is not an active member of this organisation");
  }
  if (userId && (await managerChain(deps.db, actor.organizationId, managerUserId)).includes(userId)) {
    throw fieldError(
      "managerUserId",
      "would make a loop: this person already manages that manager, directly or not",
    );
  }
}

/** 409 for an email that is already a member here, saying what to do instead. */
function alreadyMember(actor: Actor, email: string, status: "active" | "deactivated") {
  return status === "deactivated"
    ? new AppError(
        "already_exists",
        `${email} is a deactivated member of ${actor.orgName}. Reactivate them instead: open them under People and set their status to active (PATCH with status "active").`,
        { issues: [{ field: "email", message: "is a deactivated member; reactivate them instead" }] },
      )
    : new AppError("already_exists", `${email} is already a member of ${actor.orgName}.`, {
        issues: [{ field: "email", message: "is already a member" }],
      });
}

/**
 * Adds a person: an invitation carrying the name, title and manager the admin chose,
 * answered the same whether or not the address already has a Keel account (accounts are
 * global; an admin must not learn who has one, nor set anyone's password). A new person
 * opens the link to create their account and password; someone with an account signs in
 * to accept. They appear under People once they have joined.
 */
export async function createPerson(
  deps: Deps,
  actor: Actor,
  input: {
    name: string;
    email: string;
    role: Role;
    title?: string | undefined;
    managerUserId?: string | null | undefined;
  },
  baseUrl: string,
) {
  authorize(actor, "manage_people");
  if (!mayAssignRole(actor.role, null, input.role))
    throw fieldError("role", "only owners can make someone an owner");
  await checkManager(deps, actor, null, input.managerUserId);
  const existing = await findUserByEmail(deps.db, input.email);
  const member = existing && (await findPerson(deps.db, actor.organizationId, existing.id));
  if (member) throw alreadyMember(actor, input.email, member.status);
  return issueInvitation(deps, actor, { ...input, expiresInDays: PERSON_INVITATION_DAYS }, baseUrl);
}

/** How long the link of a person added through People stays usable. */
const PERSON_INVITATION_DAYS = 7;

export async function updatePerson(
  deps: Deps,
  actor: Actor,
  userId: string,
  input: {
    version: number;
    role?: Role | undefined;
    title?: string | null | undefined;
    managerUserId?: string | null | undefined;
    status?: "active" | "deactivated" | undefined;
  },
): Promise<Person> {
  authorize(actor, "manage_people");
  if (input.status === "deactivated" && userId === actor.userId) {
    throw fieldError("status", "you cannot deactivate yourself; ask another admin");
  }
  if (input.managerUserId !== undefined) await checkManager(deps, actor, userId, input.managerUserId);
  const { version, ...patch } = input;
  return deps.db.transaction(async (tx) => {
    // Every membership change locks the organisation's active owners first (always in
    // the same order, so two changes cannot deadlock): two owners demoting each other
    // at once would otherwise each still see the other as owner and leave none.
    await lockActiveOwners(tx, actor.organizationId);
    // Read under the lock, so the rules below judge the membership as it is now.
    const before = await findPerson(tx, actor.organizationId, userId);
    if (!before) throw notFound("That person");
    if (before.version !== version) throw versionConflict(`${before.name}'s membership`);
    if (input.role && input.role !== before.role && !mayAssignRole(actor.role, before.role, input.role)) {
      throw new AppError("forbidden", "Only owners can make someone an owner or change an owner's role.");
    }
    if (input.status === "deactivated" && before.role === "owner" && actor.role !== "owner") {
      throw new AppError("forbidden", "Only owners can deactivate an owner.");
    }
    // Nothing changes: no version, no audit entry.
    if (changedFields(patch, before).length === 0) return presentPerson(before);
    const updated = await updateMembership(tx, actor.organizationId, userId, version, patch);
    if (!updated) throw versionConflict(`${before.name}'s membership`);
    if (before.role === "owner" && (await countActiveOwners(tx, actor.organizationId)) === 0) {
      throw new AppError(
        "conflict",
        "An organisation needs at least one active owner. Make someone else owner first.",
      );
    }
    const after = (await findPerson(tx, actor.organizationId, userId))!;
    if (after.managerUserId !== before.managerUserId || after.status !== before.status) {
      // The old pair's next 1:1 ends with the relationship (docs/one-on-ones.md).
      const managerNow = after.status === "active" ? after.managerUserId : null;
      await moveOneOnOnesToNewManager(tx, actor, userId, managerNow, deps.now());
    }
    const action =
      input.status && input.status !== before.status
        ? input.status === "deactivated"
          ? "membership.deactivated"
          : "membership.reactivated"
        : "membership.updated";
    await recordAudit(tx, actor, {
      action,
      entityType: "membership",
      entityId: userId,
      entityLabel: after.name,
      before: presentPerson(before),
      after: presentPerson(after),
    });
    return presentPerson(after);
  });
}

/**
 * An admin issues a one-time reset link for a member (email delivery comes later).
 * Accounts are global, so only for an account that belongs to this organisation alone:
 * otherwise an admin here could take over someone's account in other organisations.
 */
export async function issueResetLinkForPerson(deps: Deps, actor: Actor, userId: string, baseUrl: string) {
  authorize(actor, "manage_people");
  const person = await findPerson(deps.db, actor.organizationId, userId);
  if (!person) throw notFound("That person");
  if (person.role === "owner" && actor.role !== "owner") {
    throw new AppError("forbidden", "Only owners can issue a reset link for an owner.");
  }
  // An operator's account is the instance's, not this organisation's: a reset link from
  // here would hand whoever holds it the right to create organisations and name operators.
  if (await isOperatorAccount(deps.db, userId)) {
    throw new AppError(
      "forbidden",
      `${person.name} is an operator of this Keel instance, so a reset link cannot be issued here. They can change their password themselves while signed in; if they cannot sign in, the server operator can run \`keel reset-password --email ${person.email}\`.`,
    );
  }
  if ((await otherMembershipCount(deps.db, userId, actor.organizationId)) > 0) {
    throw new AppError(
      "forbidden",
      `${person.name}'s account is also used in another organisation, so a reset link cannot be issued here. They can change their password themselves while signed in; if they cannot sign in, the server operator can run \`keel reset-password --email ${person.email}\`.`,
    );
  }
  const link = await deps.db.transaction(async (tx) => {
    const issued = await issuePasswordReset(deps, tx, userId, actor.userId, baseUrl);
    const mail = passwordResetMail({
      personName: person.name,
      issuedBy: actor.label,
      organizationName: actor.orgName,
      url: issued.url,
    });
    const queued = await queueEmails(deps, tx, [
      { organizationId: actor.organizationId, to: person.email, kind: "password_reset", mail },
    ]);
    await recordAudit(tx, actor, {
      action: "membership.password_reset_issued",
      entityType: "membership",
      entityId: userId,
      entityLabel: person.name,
    });
    return { ...issued, emailed: queued === 1 };
  });
  return { url: link.url, expiresAt: link.expiresAt.toISOString(), emailed: link.emailed };
}

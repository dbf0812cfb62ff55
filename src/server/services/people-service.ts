import { mayAssignRole, type Role } from "../../domain/roles.ts";
import { AppError, fieldError, notFound, versionConflict } from "../../shared/errors.ts";
import type { ListQuery } from "../../shared/schemas/common.ts";
import type { Person } from "../../shared/schemas/people.ts";
import type { Actor, Deps } from "../context.ts";
import { decodeCursor, toPage } from "../lib/pagination.ts";
import { authorize } from "../policies/org-policy.ts";
import { recordAudit } from "../repositories/audit-repository.ts";
import { findUserByEmail, insertUser } from "../repositories/identity-repository.ts";
import {
  countActiveOwners,
  findPerson,
  insertMembership,
  listPeople,
  managerChain,
  updateMembership,
} from "../repositories/people-repository.ts";
import { isActiveMember } from "../repositories/team-repository.ts";
import { issuePasswordReset } from "./auth-service.ts";

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

/**
 * Adds a person: an existing account joins the organisation; a new account gets a
 * one-time link to set its password.
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
  const { userId, setPasswordUrl } = await deps.db.transaction(async (tx) => {
    const existing = await findUserByEmail(tx, input.email);
    if (existing && (await findPerson(tx, actor.organizationId, existing.id))) {
      throw new AppError("already_exists", `${input.email} is already a member of ${actor.orgName}.`, {
        issues: [{ field: "email", message: "is already a member" }],
      });
    }
    const user =
      existing ?? (await insertUser(tx, { email: input.email, name: input.name, passwordHash: null }));
    await insertMembership(tx, {
      organizationId: actor.organizationId,
      userId: user.id,
      role: input.role,
      title: input.title ?? null,
      managerUserId: input.managerUserId ?? null,
    });
    const after = await findPerson(tx, actor.organizationId, user.id);
    await recordAudit(tx, actor, {
      action: "membership.created",
      entityType: "membership",
      entityId: user.id,
      entityLabel: user.name,
      after: after && presentPerson(after),
    });
    // A new account gets its set-password link in the same transaction as the membership.
    const link = existing ? null : await issuePasswordReset(deps, tx, user.id, actor.userId, baseUrl);
    return { userId: user.id, setPasswordUrl: link?.url ?? null };
  });
  return { person: await getPerson(deps, actor, userId), setPasswordUrl };
}

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
  const before = await findPerson(deps.db, actor.organizationId, userId);
  if (!before) throw notFound("That person");
  if (input.role && input.role !== before.role && !mayAssignRole(actor.role, before.role, input.role)) {
    throw new AppError("forbidden", "Only owners can make someone an owner or change an owner's role.");
  }
  if (input.status === "deactivated" && before.role === "owner" && actor.role !== "owner") {
    throw new AppError("forbidden", "Only owners can deactivate an owner.");
  }
  if (input.status === "deactivated" && userId === actor.userId) {
    throw fieldError("status", "you cannot deactivate yourself; ask another admin");
  }
  if (input.managerUserId !== undefined) await checkManager(deps, actor, userId, input.managerUserId);
  const { version, ...patch } = input;
  return deps.db.transaction(async (tx) => {
    const updated = await updateMembership(tx, actor.organizationId, userId, version, patch);
    if (!updated) throw versionConflict(`${before.name}'s membership`);
    if (before.role === "owner" && (await countActiveOwners(tx, actor.organizationId)) === 0) {
      throw new AppError(
        "conflict",
        "An organisation needs at least one active owner. Make someone else owner first.",
      );
    }
    const after = (await findPerson(tx, actor.organizationId, userId))!;
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

/** An admin issues a one-time reset link for a member (email delivery comes later). */
export async function issueResetLinkForPerson(deps: Deps, actor: Actor, userId: string, baseUrl: string) {
  authorize(actor, "manage_people");
  const person = await findPerson(deps.db, actor.organizationId, userId);
  if (!person) throw notFound("That person");
  if (person.role === "owner" && actor.role !== "owner") {
    throw new AppError("forbidden", "Only owners can issue a reset link for an owner.");
  }
  const link = await deps.db.transaction(async (tx) => {
    const issued = await issuePasswordReset(deps, tx, userId, actor.userId, baseUrl);
    await recordAudit(tx, actor, {
      action: "membership.password_reset_issued",
      entityType: "membership",
      entityId: userId,
      entityLabel: person.name,
    });
    return issued;
  });
  return { url: link.url, expiresAt: link.expiresAt.toISOString() };
}

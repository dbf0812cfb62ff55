/**
 * "View as": a demo organisation's owner opens Keel as one of the demo's people (who have
 * no passwords), to try it as a squad lead or a member. Only in demo organisations, only
 * for their owners, audited when it starts and ends; while it lasts the session acts as
 * that person inside the demo only (see middleware/authenticate.ts).
 */
import { AppError } from "../../shared/errors.ts";
import type { SessionInfo } from "../../shared/schemas/auth.ts";
import type { Actor, Deps, Principal } from "../context.ts";
import { actorOrg } from "../lib/actor-org.ts";
import { recordAudit } from "../repositories/audit-repository.ts";
import {
  isOperatorAccount,
  otherMembershipCount,
  setSessionViewAs,
} from "../repositories/identity-repository.ts";
import { findOrganizationById } from "../repositories/organization-repository.ts";
import { findPerson } from "../repositories/people-repository.ts";
import { sessionInfo } from "./auth-service.ts";

type SessionPrincipal = Extract<Principal, { kind: "session" }>;

/** Starts viewing the demo as `userId`; answers the session as that person sees it. */
export async function startViewAs(
  deps: Deps,
  actor: Actor,
  principal: SessionPrincipal,
  userId: string,
): Promise<SessionInfo> {
  // Authorise before looking at the target: owners of demo organisations only.
  if (actor.role !== "owner" || principal.viewAs) {
    throw new AppError("forbidden", "Only the organisation's owner may view Keel as one of its people.");
  }
  const org = await findOrganizationById(deps.db, actor.organizationId);
  if (!org?.isDemo) {
    throw new AppError(
      "forbidden",
      "Viewing Keel as someone else is only possible in a demo organisation: real people sign in themselves.",
    );
  }
  const person = await findPerson(deps.db, actor.organizationId, userId);
  if (person?.status !== "active") throw new AppError("not_found", "This person was not found.");
  if (userId === principal.userId) {
    throw new AppError("validation_failed", "userId: is you; pick another person of the demo", {
      issues: [{ field: "userId", message: "is you; pick another person of the demo" }],
    });
  }
  // The view reaches whatever the person may see: only people of the demo alone, never
  // a real colleague's account that also works elsewhere, nor an instance operator.
  if (
    (await isOperatorAccount(deps.db, userId)) ||
    (await otherMembershipCount(deps.db, userId, actor.organizationId)) > 0
  ) {
    throw new AppError(
      "forbidden",
      `${person.name}'s account is also used outside this demo, so Keel cannot be viewed as them here.`,
    );
  }
  await deps.db.transaction(async (tx) => {
    await setSessionViewAs(tx, principal.sessionHash, { userId, organizationId: org.id });
    await recordAudit(tx, actor, {
      action: "membership.view_as_started",
      entityType: "membership",
      entityId: userId,
      entityLabel: person.name,
      after: { viewedUserId: userId, viewedName: person.name, byUserId: principal.userId },
    });
  });
  return sessionInfo(deps, userId, principal.csrfToken, {
    byUserId: principal.userId,
    byName: principal.name,
    organizationId: org.id,
    orgSlug: org.slug,
    orgName: org.name,
  });
}

/** Returns to the owner's own view; answers the owner's session. Nothing to end: unchanged. */
export async function endViewAs(
  deps: Deps,
  principal: SessionPrincipal,
  requestId: string,
): Promise<SessionInfo> {
  const viewAs = principal.viewAs;
  if (!viewAs) return sessionInfo(deps, principal.userId, principal.csrfToken);
  const org = await findOrganizationById(deps.db, viewAs.organizationId);
  await deps.db.transaction(async (tx) => {
    await setSessionViewAs(tx, principal.sessionHash, null);
    if (!org) return;
    const ownerActor: Actor = {
      ...actorOrg(org),
      role: "owner",
      userId: viewAs.byUserId,
      tokenId: null,
      label: viewAs.byName,
      requestId,
    };
    await recordAudit(tx, ownerActor, {
      action: "membership.view_as_ended",
      entityType: "membership",
      entityId: principal.userId,
      entityLabel: principal.name,
      after: { viewedUserId: principal.userId, viewedName: principal.name, byUserId: viewAs.byUserId },
    });
  });
  return sessionInfo(deps, viewAs.byUserId, principal.csrfToken);
}

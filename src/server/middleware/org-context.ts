import type { Context, MiddlewareHandler } from "hono";
import { weakerRole } from "../../domain/roles.ts";
import { AppError } from "../../shared/errors.ts";
import type { AppEnv, Deps } from "../context.ts";
import { actorOrg, statusSettingsOf } from "../lib/actor-org.ts";
import { isWrite } from "../lib/viewer-writes.ts";
import { findMembershipBySlug, findOrganizationBySlug } from "../repositories/organization-repository.ts";

/**
 * Resolves `{org}` in the path to the caller's role in that organisation. Anyone who is
 * not an active member (or whose token belongs elsewhere) gets 404, never 403: the
 * existence of another organisation is not revealed.
 *
 * A viewer's write is refused here, before its body is read or its target looked up, so a
 * viewer always learns "not allowed" rather than what was wrong with the request or the
 * state of the thing (unless the route is marked as one a viewer may use).
 */
export function orgContext(
  deps: Deps,
  viewerMay: (c: Context<AppEnv>) => boolean,
): MiddlewareHandler<AppEnv> {
  const refuseViewer = (c: Context<AppEnv>) => {
    if (c.get("actor").role === "viewer" && isWrite(c.req.method) && !viewerMay(c)) {
      throw new AppError("forbidden", "Viewers can read this organisation but not change anything in it.");
    }
  };
  return async (c, next) => {
    const principal = c.get("principal");
    if (!principal)
      throw new AppError("unauthenticated", "Sign in, or send an API token, to use this route.");
    const slug = c.req.param("org") ?? "";
    // Built only when needed: an error captures a stack trace, and most requests pass.
    const notFound = () =>
      new AppError("not_found", `Organisation "${slug}" was not found, or you are not a member of it.`);

    if (principal.kind === "token") {
      const org = await findOrganizationBySlug(deps.db, slug);
      if (!org || org.id !== principal.organizationId) throw notFound();
      let role = principal.role;
      let label = `token ${principal.name}`;
      if (principal.tokenKind === "personal" && principal.userId) {
        // A personal token never outlives or outranks its holder's membership.
        const prefetched = c.get("membershipOfPath");
        const m =
          prefetched?.slug === slug
            ? prefetched.membership
            : await findMembershipBySlug(deps.db, slug, principal.userId);
        if (m?.status !== "active") {
          throw new AppError("unauthenticated", "This token's holder is no longer an active member.");
        }
        role = weakerRole(role, m.role);
        label = `${m.userName} (token ${principal.name})`;
      }
      c.set("actor", {
        ...actorOrg(org),
        role,
        userId: principal.userId,
        tokenId: principal.tokenId,
        label,
        requestId: c.get("requestId"),
        clock: deps.now,
      });
      refuseViewer(c);
      return next();
    }

    const prefetched = c.get("membershipOfPath");
    const m =
      prefetched?.slug === slug
        ? prefetched.membership
        : await findMembershipBySlug(deps.db, slug, principal.userId);
    if (m?.status !== "active") throw notFound();
    c.set("actor", {
      organizationId: m.organizationId,
      orgSlug: m.slug,
      orgName: m.orgName,
      timeZone: m.timeZone,
      weekStart: m.weekStart,
      fiscalYearStartMonth: m.fiscalYearStartMonth,
      okrStatusSettings: statusSettingsOf(m.okrSettings),
      role: m.role,
      userId: principal.userId,
      tokenId: null,
      // The audit log names the owner behind every change made while viewing as someone.
      label: principal.viewAs
        ? `${principal.name} (viewed as by ${principal.viewAs.byName})`
        : principal.name,
      requestId: c.get("requestId"),
      clock: deps.now,
    });
    refuseViewer(c);
    return next();
  };
}

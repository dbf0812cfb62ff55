import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { AppError } from "../../shared/errors.ts";
import type { AppEnv, Deps, Principal } from "../context.ts";
import { safeEqual, sha256 } from "../lib/secrets.ts";
import {
  findActiveToken,
  findLiveSession,
  findLiveSessionWithMembership,
  findViewAs,
  markTokenUsed,
  setSessionViewAs,
  touchSession,
} from "../repositories/identity-repository.ts";
import { SESSION_COOKIE, SESSION_TTL_MS } from "../services/auth-service.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/**
 * Probes answer the same whoever asks: a load balancer's check that carries a token must
 * not depend on the token lookup (which fails first while the database is down).
 */
const PROBES = new Set(["/api/health", "/api/ready"]);
/** Refresh a session's expiry at most this often, not on every request. */
const TOUCH_EVERY_MS = 5 * 60_000;

/**
 * Resolves the caller from `Authorization: Bearer <token>` or the session cookie, and
 * guards state-changing requests against cross-site forgery: cookie sessions must send
 * the session's CSRF token; requests with a foreign Origin are refused outright.
 */
export function authenticate(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (PROBES.has(c.req.path)) return next();
    const unsafe = !SAFE_METHODS.has(c.req.method);
    const authorization = c.req.header("authorization");
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (!match) throw new AppError("unauthenticated", "Authorization must be `Bearer <token>`.");
      const token = await findActiveToken(deps.db, sha256(match[1]!));
      if (!token) throw new AppError("unauthenticated", "The API token is unknown or has been revoked.");
      const now = deps.now();
      if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > 60_000) {
        await markTokenUsed(deps.db, token.organizationId, token.id, now);
      }
      c.set("principal", {
        kind: "token",
        tokenId: token.id,
        tokenKind: token.kind,
        organizationId: token.organizationId,
        role: token.role,
        userId: token.userId,
        name: token.name,
      });
      return next();
    }

    if (unsafe) checkOrigin(c.req.header("origin"), c.req.header("host"), deps.config.publicUrl);

    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie) {
      const now = deps.now();
      // On an organisation's routes the membership comes with the session, in one query;
      // orgContext uses it rather than asking again.
      const slug = orgSlugOfPath(c.req.path);
      let session: Awaited<ReturnType<typeof findLiveSession>>;
      let membershipOfPath: AppEnv["Variables"]["membershipOfPath"];
      if (slug === null) {
        session = await findLiveSession(deps.db, sha256(cookie), now);
      } else {
        const found = await findLiveSessionWithMembership(deps.db, sha256(cookie), now, slug);
        session = found?.session;
        if (found) membershipOfPath = { slug, membership: found.membership };
      }
      if (session) {
        if (unsafe) {
          const sent = c.req.header("x-csrf-token") ?? "";
          if (!safeEqual(sent, session.csrfToken)) {
            throw new AppError(
              "csrf_failed",
              "The request lacks this session's CSRF token (X-CSRF-Token). Reload the page and try again.",
            );
          }
        }
        if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
          await touchSession(deps.db, session.tokenHash, now, new Date(now.getTime() + SESSION_TTL_MS));
        }
        const principal: Principal = {
          kind: "session",
          userId: session.userId,
          name: session.name,
          email: session.email,
          sessionHash: session.tokenHash,
          csrfToken: session.csrfToken,
        };
        if (session.viewAsUserId && session.viewAsOrganizationId) {
          const viewed = await findViewAs(
            deps.db,
            session.userId,
            session.viewAsUserId,
            session.viewAsOrganizationId,
          );
          if (viewed) {
            // The membership read with the session is the owner's; orgContext reads the viewed person's.
            membershipOfPath = undefined;
            principal.userId = viewed.userId;
            principal.name = viewed.name;
            principal.email = viewed.email;
            principal.viewAs = {
              byUserId: session.userId,
              byName: session.name,
              organizationId: viewed.organizationId,
              orgSlug: viewed.orgSlug,
              orgName: viewed.orgName,
            };
            refuseOutsideViewedOrganization(c.req.path, unsafe, viewed.orgSlug, viewed.name);
          } else {
            // No longer allowed (owner demoted, person gone, no longer a demo): back to oneself.
            await setSessionViewAs(deps.db, session.tokenHash, null);
          }
        }
        if (membershipOfPath) c.set("membershipOfPath", membershipOfPath);
        c.set("principal", principal);
      }
    }
    return next();
  };
}

/**
 * While viewing Keel as someone, only their work inside the demo organisation can be read
 * or changed (no API tokens that would outlive the view), besides one's session, signing
 * out and returning to oneself: the account is theirs, not the owner's.
 */
function refuseOutsideViewedOrganization(path: string, unsafe: boolean, orgSlug: string, name: string) {
  if (!path.startsWith("/api/")) return;
  if (path === "/api/auth/sign-out" || path === "/api/auth/view-as") return;
  const own = `/api/orgs/${encodeURIComponent(orgSlug)}`;
  if (path === own || (path.startsWith(`${own}/`) && !path.startsWith(`${own}/tokens`))) return;
  // Reads are limited too: the view shows the demo, not what the person sees elsewhere
  // (other organisations, the instance). Public reads and one's session stay open.
  const personal =
    path.startsWith("/api/orgs/") || path.startsWith("/api/instance") || path.startsWith("/api/auth/");
  if (!unsafe && (!personal || path === "/api/auth/session")) return;
  throw new AppError(
    "forbidden",
    `You are viewing Keel as ${name}: only their work in this demo organisation can be seen or changed here. Return to your own account first.`,
  );
}

/** The `{org}` of an organisation's route (/api/orgs/{org}/…), decoded; null elsewhere. */
function orgSlugOfPath(path: string): string | null {
  const match = /^\/api\/orgs\/([^/]+)/.exec(path);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}

/** A browser always sends Origin on cross-site POSTs; it must name this server. */
function checkOrigin(origin: string | undefined, host: string | undefined, publicUrl: string | undefined) {
  if (!origin || origin === "null") return;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError("csrf_failed", "The request's Origin header is not a URL.");
  }
  const allowed = new Set([host, publicUrl ? new URL(publicUrl).host : undefined].filter(Boolean));
  if (!allowed.has(originHost)) {
    throw new AppError("csrf_failed", `Requests from ${origin} are not accepted by this Keel server.`);
  }
}

import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { AppError } from "../../shared/errors.ts";
import type { AppEnv, Deps } from "../context.ts";
import { safeEqual, sha256 } from "../lib/secrets.ts";
import {
  findActiveToken,
  findLiveSession,
  findLiveSessionWithMembership,
  markTokenUsed,
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
      if (slug === null) {
        session = await findLiveSession(deps.db, sha256(cookie), now);
      } else {
        const found = await findLiveSessionWithMembership(deps.db, sha256(cookie), now, slug);
        session = found?.session;
        if (found) c.set("membershipOfPath", { slug, membership: found.membership });
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
        c.set("principal", {
          kind: "session",
          userId: session.userId,
          name: session.name,
          email: session.email,
          sessionHash: session.tokenHash,
          csrfToken: session.csrfToken,
        });
      }
    }
    return next();
  };
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

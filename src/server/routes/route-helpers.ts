import type { Context } from "hono";
import { setCookie } from "hono/cookie";
import { AppError } from "../../shared/errors.ts";
import type { AppEnv, Deps } from "../context.ts";
import { type NewSession, SESSION_COOKIE } from "../services/auth-service.ts";

/** Security requirements shown in the OpenAPI document. */
export const authenticated: Array<Record<string, string[]>> = [{ session: [] }, { bearer: [] }];

/** Origin used in links Keel hands out (invitations, resets). */
export function baseUrlOf(c: Context<AppEnv>, deps: Deps): string {
  if (deps.config.publicUrl) return deps.config.publicUrl;
  const url = new URL(c.req.url);
  if (deps.config.trustProxy) {
    const proto = c.req.header("x-forwarded-proto");
    const host = c.req.header("x-forwarded-host");
    if (proto) url.protocol = `${proto}:`;
    if (host) url.host = host;
  }
  return url.origin;
}

export function setSessionCookie(c: Context<AppEnv>, deps: Deps, session: NewSession) {
  setCookie(c, SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: deps.config.secureCookies,
    path: "/",
    expires: session.expiresAt,
  });
}

export function clearSessionCookie(c: Context<AppEnv>, deps: Deps) {
  setCookie(c, SESSION_COOKIE, "", {
    httpOnly: true,
    sameSite: "Lax",
    secure: deps.config.secureCookies,
    path: "/",
    maxAge: 0,
  });
}

/** The signed-in person; API tokens are refused on routes about one's own account. */
export function requireSession(c: Context<AppEnv>) {
  const principal = c.get("principal");
  if (!principal) throw new AppError("unauthenticated", "Sign in first.");
  if (principal.kind !== "session") {
    throw new AppError("forbidden", "This route is for people signed in to the web app, not for API tokens.");
  }
  return principal;
}

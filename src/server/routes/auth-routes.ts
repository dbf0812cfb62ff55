import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { AppError } from "../../shared/errors.ts";
import {
  ChangePasswordSchema,
  CheckYourEmailSchema,
  InvitationTokenParamSchema,
  ResendVerificationSchema,
  ResetPasswordSchema,
  SessionSchema,
  SignInSchema,
  SignUpSchema,
  SignUpStatusSchema,
  TooManyAttemptsSchema,
  VerifyEmailSchema,
} from "../../shared/schemas/auth.ts";
import { OkSchema } from "../../shared/schemas/common.ts";
import { AcceptInvitationSchema, InvitationPreviewSchema } from "../../shared/schemas/people.ts";
import type { Api, AppEnv, Deps } from "../context.ts";
import { errorResponses, jsonBody, jsonResponse } from "../lib/http.ts";
import { viewerMay } from "../lib/viewer-writes.ts";
import { changePassword, resetPassword, sessionInfo, signIn, signOut } from "../services/auth-service.ts";
import { acceptInvitation, previewInvitation } from "../services/invitation-service.ts";
import { resendVerification, signUp, signUpStatus, verifyEmail } from "../services/sign-up-service.ts";
import { endViewAs } from "../services/view-as-service.ts";
import { clearSessionCookie, requireSession, setSessionCookie } from "./route-helpers.ts";

/** Routes about one's own account: a signed-in person, never an API token. */
const sessionOnly: Array<Record<string, string[]>> = [{ session: [] }];

const tooManyAttempts = jsonResponse(TooManyAttemptsSchema, "Too many attempts");

/** Runs a rate-limited step; when it is refused for too many attempts, says when to retry. */
async function withRetryAfter<T>(c: Context<AppEnv>, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AppError && err.code === "rate_limited") {
      c.header("Retry-After", String(err.details?.retryAfterSeconds ?? 900));
    }
    throw err;
  }
}

export function authRoutes(app: Api, deps: Deps) {
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/auth/sign-in",
      tags: ["Account"],
      summary: "Sign in with email and password; sets the session cookie",
      request: { body: jsonBody(SignInSchema) },
      responses: {
        200: jsonResponse(SessionSchema, "Signed in"),
        ...errorResponses,
        429: tooManyAttempts,
      },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const { session, userId } = await withRetryAfter(c, () =>
        signIn(deps, input, c.get("clientIp"), c.req.header("user-agent") ?? null),
      );
      setSessionCookie(c, deps, session);
      return c.json(await sessionInfo(deps, userId, session.csrfToken), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/auth/sign-up",
      tags: ["Account"],
      summary: "Whether people may create their own account here (public)",
      responses: { 200: jsonResponse(SignUpStatusSchema, "Sign-up status"), 400: errorResponses[400] },
    }),
    async (c) => c.json(await signUpStatus(deps), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/auth/sign-up",
      tags: ["Account"],
      summary:
        "Create your own account; it proves its address by an emailed link before it can sign in (only while sign-up is open)",
      description:
        "Answers 202 the same way whether or not the address already has an account: a new address gets a confirmation link, an address with an account gets a mail saying so (the account is not changed). 403 sign_up_closed while only operators create organisations.",
      request: { body: jsonBody(SignUpSchema) },
      responses: {
        202: jsonResponse(CheckYourEmailSchema, "Check your email"),
        ...errorResponses,
        429: tooManyAttempts,
      },
    }),
    async (c) => {
      const answer = await withRetryAfter(c, () =>
        signUp(deps, c.req.valid("json"), { ip: c.get("clientIp"), requestId: c.get("requestId") }),
      );
      return c.json(answer, 202);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/auth/verify-email",
      tags: ["Account"],
      summary: "Confirm your address with the emailed link's token; signs you in",
      description:
        "400 link_unknown for a token Keel never issued; 410 link_used for a used (or voided) link, 410 link_expired after 24 hours.",
      request: { body: jsonBody(VerifyEmailSchema) },
      responses: {
        200: jsonResponse(SessionSchema, "Confirmed and signed in"),
        ...errorResponses,
        410: errorResponses[404],
      },
    }),
    async (c) => {
      const { session, userId } = await verifyEmail(deps, c.req.valid("json"), {
        ip: c.get("clientIp"),
        userAgent: c.req.header("user-agent") ?? null,
        requestId: c.get("requestId"),
      });
      setSessionCookie(c, deps, session);
      return c.json(await sessionInfo(deps, userId, session.csrfToken), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/auth/verify-email/resend",
      tags: ["Account"],
      summary: "Send the confirmation link again (the same answer for any address)",
      request: { body: jsonBody(ResendVerificationSchema) },
      responses: {
        202: jsonResponse(CheckYourEmailSchema, "Check your email"),
        ...errorResponses,
        429: tooManyAttempts,
      },
    }),
    async (c) => {
      const answer = await withRetryAfter(c, () =>
        resendVerification(deps, c.req.valid("json"), { ip: c.get("clientIp") }),
      );
      return c.json(answer, 202);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/auth/sign-out",
      ...viewerMay,
      tags: ["Account"],
      summary: "End this session",
      responses: { 200: jsonResponse(OkSchema, "Signed out"), ...errorResponses },
    }),
    async (c) => {
      const principal = c.get("principal");
      if (principal?.kind === "session") await signOut(deps, principal.sessionHash);
      clearSessionCookie(c, deps);
      return c.json({ ok: true as const }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/auth/session",
      tags: ["Account"],
      summary: "Who is signed in, their organisations, and the CSRF token",
      security: sessionOnly,
      responses: { 200: jsonResponse(SessionSchema, "The session"), ...errorResponses },
    }),
    async (c) => {
      const principal = requireSession(c);
      return c.json(await sessionInfo(deps, principal.userId, principal.csrfToken, principal.viewAs), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/auth/view-as",
      // Whoever views the demo as one of its viewers must still be able to come back.
      ...viewerMay,
      tags: ["Account"],
      summary: "Stop viewing a demo organisation as one of its people and return to your own account",
      security: sessionOnly,
      responses: { 200: jsonResponse(SessionSchema, "Your own session"), ...errorResponses },
    }),
    async (c) => {
      const principal = requireSession(c);
      return c.json(await endViewAs(deps, principal, c.get("requestId")), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/auth/password",
      ...viewerMay,
      tags: ["Account"],
      summary: "Change your password (signs out your other sessions)",
      security: sessionOnly,
      request: { body: jsonBody(ChangePasswordSchema) },
      responses: { 200: jsonResponse(OkSchema, "Changed"), ...errorResponses },
    }),
    async (c) => {
      const principal = requireSession(c);
      await changePassword(deps, principal.userId, principal.sessionHash, c.req.valid("json"));
      return c.json({ ok: true as const }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/auth/password-reset",
      tags: ["Account"],
      summary: "Set a new password with a one-time reset link's token",
      request: { body: jsonBody(ResetPasswordSchema) },
      responses: {
        200: jsonResponse(OkSchema, "Password set; sign in with it"),
        ...errorResponses,
        410: errorResponses[404],
      },
    }),
    async (c) => {
      await resetPassword(deps, c.req.valid("json"));
      return c.json({ ok: true as const }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/invitations/{token}",
      tags: ["Account"],
      summary: "What an invitation link offers",
      request: { params: InvitationTokenParamSchema },
      responses: {
        200: jsonResponse(InvitationPreviewSchema, "The invitation"),
        ...errorResponses,
        410: errorResponses[404],
      },
    }),
    async (c) => c.json(await previewInvitation(deps, c.req.valid("param").token), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/invitations/{token}/accept",
      ...viewerMay,
      tags: ["Account"],
      summary: "Accept an invitation (creating the account if needed) and sign in",
      request: { params: InvitationTokenParamSchema, body: jsonBody(AcceptInvitationSchema) },
      responses: {
        200: jsonResponse(SessionSchema.extend({ organizationSlug: z.string() }), "Joined and signed in"),
        ...errorResponses,
        410: errorResponses[404],
        429: tooManyAttempts,
      },
    }),
    async (c) => {
      const { session, userId, orgSlug } = await withRetryAfter(c, () =>
        acceptInvitation(deps, c.req.valid("param").token, c.req.valid("json"), {
          ip: c.get("clientIp"),
          userAgent: c.req.header("user-agent") ?? null,
          requestId: c.get("requestId"),
        }),
      );
      setSessionCookie(c, deps, session);
      return c.json(
        { ...(await sessionInfo(deps, userId, session.csrfToken)), organizationSlug: orgSlug },
        200,
      );
    },
  );
}

import { createRoute, z } from "@hono/zod-openapi";
import { SessionSchema } from "../../shared/schemas/auth.ts";
import { SetupSchema, SetupStatusSchema } from "../../shared/schemas/organizations.ts";
import { HealthSchema, NotReadySchema, ReadySchema } from "../../shared/schemas/system.ts";
import type { Api, Deps } from "../context.ts";
import { isLocalRequest } from "../lib/client-ip.ts";
import { RETRY_AFTER_SECONDS } from "../lib/database-outage.ts";
import { errorResponses, jsonBody, jsonResponse } from "../lib/http.ts";
import { sessionInfo } from "../services/auth-service.ts";
import { readiness } from "../services/readiness-service.ts";
import { needsSetup, runSetup, setupCodeRequired } from "../services/setup-service.ts";
import { setSessionCookie } from "./route-helpers.ts";

export function systemRoutes(app: Api, deps: Deps) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/health",
      tags: ["System"],
      summary: "The process is up",
      // 400: any /api request with a NUL character in its URL is refused before routing.
      responses: { 200: jsonResponse(HealthSchema, "Up"), 400: errorResponses[400] },
    }),
    (c) => c.json({ status: "ok" as const }, 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/ready",
      tags: ["System"],
      summary: "The database answers and every migration is applied",
      description: "Never authenticated: the answer is the same with or without a token or session.",
      responses: {
        200: jsonResponse(ReadySchema, "Ready"),
        503: jsonResponse(NotReadySchema, "Not ready"),
        400: errorResponses[400],
      },
    }),
    async (c) => {
      const state = await readiness(deps);
      if (state === "ready") return c.json({ status: "ready" as const, engine: deps.engine }, 200);
      if (state === "database unreachable") c.header("Retry-After", String(RETRY_AFTER_SECONDS));
      return c.json({ status: "not_ready" as const, reason: state }, 503);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/setup",
      tags: ["Setup"],
      summary: "Whether this Keel still needs its first owner",
      responses: { 200: jsonResponse(SetupStatusSchema, "Setup status"), 400: errorResponses[400] },
    }),
    async (c) =>
      c.json(
        {
          needsSetup: await needsSetup(deps),
          setupCodeRequired: setupCodeRequired(isLocalRequest(c), deps.config.production),
        },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/setup",
      tags: ["Setup"],
      summary: "Create the first organisation (or the demo) and its owner, and sign in",
      request: { body: jsonBody(SetupSchema) },
      responses: {
        201: jsonResponse(SessionSchema.extend({ organizationSlug: z.string() }), "Set up and signed in"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const { session, orgSlug, userId } = await runSetup(deps, input, {
        ip: c.get("clientIp"),
        local: isLocalRequest(c),
        userAgent: c.req.header("user-agent") ?? null,
        requestId: c.get("requestId"),
      });
      setSessionCookie(c, deps, session);
      const info = await sessionInfo(deps, userId, session.csrfToken);
      return c.json({ ...info, organizationSlug: orgSlug }, 201);
    },
  );
}

import { createRoute } from "@hono/zod-openapi";
import { OrgParamSchema } from "../../shared/schemas/common.ts";
import {
  EmailSettingsSchema,
  EmailStatusSchema,
  UpdateEmailSettingsSchema,
} from "../../shared/schemas/email.ts";
import type { Api, Deps } from "../context.ts";
import { errorResponses, jsonBody, jsonResponse } from "../lib/http.ts";
import { viewerMay } from "../lib/viewer-writes.ts";
import {
  emailStatusFor,
  myEmailSettings,
  updateMyEmailSettings,
} from "../services/email/email-settings-service.ts";
import { authenticated } from "./route-helpers.ts";

/** Email: the outbox as admins follow it, and each person's own mail settings. */
export function emailRoutes(app: Api, deps: Deps) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/email-status",
      tags: ["Email"],
      summary:
        "Whether email is on, and the organisation's mail waiting, retrying or failed with the latest error (admins)",
      security: authenticated,
      request: { params: OrgParamSchema },
      responses: { 200: jsonResponse(EmailStatusSchema, "The outbox"), ...errorResponses },
    }),
    async (c) => c.json(await emailStatusFor(deps, c.get("actor")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/my/email-settings",
      tags: ["Email"],
      summary: "Your mail settings in this organisation (the weekly digest)",
      security: authenticated,
      request: { params: OrgParamSchema },
      responses: { 200: jsonResponse(EmailSettingsSchema, "Your settings"), ...errorResponses },
    }),
    async (c) => c.json(await myEmailSettings(deps, c.get("actor")), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/orgs/{org}/my/email-settings",
      tags: ["Email"],
      summary: "Turn your weekly digest from this organisation on or off",
      security: authenticated,
      ...viewerMay,
      request: { params: OrgParamSchema, body: jsonBody(UpdateEmailSettingsSchema) },
      responses: { 200: jsonResponse(EmailSettingsSchema, "Your settings"), ...errorResponses },
    }),
    async (c) => c.json(await updateMyEmailSettings(deps, c.get("actor"), c.req.valid("json")), 200),
  );
}

import { createRoute } from "@hono/zod-openapi";
import {
  InstanceSettingsSchema,
  InstanceSettingsStateSchema,
  OperatorListSchema,
  SetOperatorSchema,
} from "../../shared/schemas/instance.ts";
import type { Api, Deps } from "../context.ts";
import { errorResponses, jsonBody, jsonResponse } from "../lib/http.ts";
import {
  instanceSettings,
  operatorList,
  requireOperator,
  setOperatorRole,
  updateInstanceSettings,
} from "../services/instance-service.ts";
import { requireSession } from "./route-helpers.ts";

/** Instance routes are for a signed-in operator, never for an organisation's API token. */
const sessionOnly: Array<Record<string, string[]>> = [{ session: [] }];

/** The instance's own settings and operators: for its operators only. */
export function instanceRoutes(app: Api, deps: Deps) {
  // Authorised before the body is read: others learn nothing from how a body is judged.
  app.use("/api/instance/*", async (c, next) => {
    const principal = requireSession(c);
    await requireOperator(deps, principal.userId, "manage the instance");
    await next();
  });

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/instance/operators",
      tags: ["Instance"],
      summary: "The operators of this Keel instance: they create organisations (operators)",
      security: sessionOnly,
      responses: { 200: jsonResponse(OperatorListSchema, "Operators"), ...errorResponses },
    }),
    async (c) => c.json(await operatorList(deps), 200),
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/api/instance/operators",
      tags: ["Instance"],
      summary: "Name an account an operator, or take the role away (operators; logged)",
      security: sessionOnly,
      request: { body: jsonBody(SetOperatorSchema) },
      responses: { 200: jsonResponse(OperatorListSchema, "Operators now"), ...errorResponses },
    }),
    async (c) => {
      const principal = requireSession(c);
      const items = await setOperatorRole(
        deps,
        { userId: principal.userId, email: principal.email, requestId: c.get("requestId") },
        c.req.valid("json"),
      );
      return c.json({ items, nextCursor: null }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/instance/settings",
      tags: ["Instance"],
      summary: "Instance settings: who may create organisations, and whether sign-up is open (operators)",
      security: sessionOnly,
      responses: { 200: jsonResponse(InstanceSettingsStateSchema, "Settings"), ...errorResponses },
    }),
    async (c) => c.json(await instanceSettings(deps), 200),
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/api/instance/settings",
      tags: ["Instance"],
      summary:
        'Change instance settings (operators; logged). organizationCreation "everyone" opens self sign-up and is refused (409) unless this Keel sends email',
      security: sessionOnly,
      request: { body: jsonBody(InstanceSettingsSchema) },
      responses: { 200: jsonResponse(InstanceSettingsStateSchema, "Settings now"), ...errorResponses },
    }),
    async (c) => {
      const principal = requireSession(c);
      const settings = await updateInstanceSettings(
        deps,
        { userId: principal.userId, email: principal.email, requestId: c.get("requestId") },
        c.req.valid("json"),
      );
      return c.json(settings, 200);
    },
  );
}

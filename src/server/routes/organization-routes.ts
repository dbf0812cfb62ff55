import { createRoute } from "@hono/zod-openapi";
import { AuditEventSchema, AuditQuerySchema } from "../../shared/schemas/audit.ts";
import { OrgParamSchema, pageOf } from "../../shared/schemas/common.ts";
import {
  CreateOrganizationSchema,
  OrganizationSchema,
  UpdateOrganizationSchema,
} from "../../shared/schemas/organizations.ts";
import type { Api, Deps } from "../context.ts";
import { errorResponses, jsonBody, jsonResponse } from "../lib/http.ts";
import { auditLog } from "../services/audit-service.ts";
import { requireMayCreateOrganizations } from "../services/instance-service.ts";
import {
  createOrganization,
  getOrganization,
  updateOrganizationSettings,
} from "../services/organization-service.ts";
import { authenticated, requireSession } from "./route-helpers.ts";

export function organizationRoutes(app: Api, deps: Deps) {
  // Who may create organisations is checked before the body is read (see instance-service).
  app.use("/api/orgs", async (c, next) => {
    if (c.req.method === "POST") {
      const principal = requireSession(c);
      await requireMayCreateOrganizations(deps, principal.userId);
    }
    await next();
  });

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs",
      tags: ["Organisations"],
      summary:
        'Create an organisation; you become its owner (operators of the instance, or everyone while organisation creation is open to "everyone")',
      security: authenticated,
      request: { body: jsonBody(CreateOrganizationSchema) },
      responses: { 201: jsonResponse(OrganizationSchema, "Created"), ...errorResponses },
    }),
    async (c) => {
      const principal = requireSession(c);
      const org = await createOrganization(
        deps,
        c.req.valid("json"),
        { userId: principal.userId, name: principal.name },
        c.get("requestId"),
      );
      return c.json(org, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}",
      tags: ["Organisations"],
      summary: "The organisation and its settings",
      security: authenticated,
      request: { params: OrgParamSchema },
      responses: { 200: jsonResponse(OrganizationSchema, "The organisation"), ...errorResponses },
    }),
    async (c) => c.json(await getOrganization(deps, c.get("actor")), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/orgs/{org}",
      tags: ["Organisations"],
      summary: "Change name, time zone, week start or fiscal-year start (admins)",
      security: authenticated,
      request: { params: OrgParamSchema, body: jsonBody(UpdateOrganizationSchema) },
      responses: { 200: jsonResponse(OrganizationSchema, "Updated"), ...errorResponses },
    }),
    async (c) => c.json(await updateOrganizationSettings(deps, c.get("actor"), c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/audit",
      tags: ["Audit"],
      summary: "Every change, newest first: who, when, what, before → after (admins)",
      security: authenticated,
      request: { params: OrgParamSchema, query: AuditQuerySchema },
      responses: { 200: jsonResponse(pageOf(AuditEventSchema), "Audit events"), ...errorResponses },
    }),
    async (c) => c.json(await auditLog(deps, c.get("actor"), c.req.valid("query")), 200),
  );
}

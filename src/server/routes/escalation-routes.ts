import { createRoute } from "@hono/zod-openapi";
import { OrgIdParamSchema, OrgParamSchema, pageOf } from "../../shared/schemas/common.ts";
import {
  AcknowledgeEscalationSchema,
  EscalationEntryInputSchema,
  EscalationListQuerySchema,
  EscalationSchema,
  ResolveEscalationSchema,
} from "../../shared/schemas/escalations.ts";
import type { Api, Deps } from "../context.ts";
import { errorResponses, jsonBody, jsonResponse } from "../lib/http.ts";
import {
  acknowledgeEscalation,
  addEscalationEntry,
  getEscalation,
  listEscalationsFor,
  resolveEscalation,
} from "../services/kpi/escalation-service.ts";
import { authenticated } from "./route-helpers.ts";

/** Escalations: KPIs that turned red or fell through a floor, and what people do about them. */
export function escalationRoutes(app: Api, deps: Deps) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/escalations",
      tags: ["Escalations"],
      summary:
        "Escalations, newest first; unresolved ones unless state says otherwise; mine=true is your inbox, inMyScope=true what you answer for as a lead or admin; teamId reaches the teams below unless scope=team",
      security: authenticated,
      request: { params: OrgParamSchema, query: EscalationListQuerySchema },
      responses: { 200: jsonResponse(pageOf(EscalationSchema), "Escalations"), ...errorResponses },
    }),
    async (c) => c.json(await listEscalationsFor(deps, c.get("actor"), c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/escalations/{id}",
      tags: ["Escalations"],
      summary: "One escalation with its recipients and timeline",
      security: authenticated,
      request: { params: OrgIdParamSchema },
      responses: { 200: jsonResponse(EscalationSchema, "The escalation"), ...errorResponses },
    }),
    async (c) => c.json(await getEscalation(deps, c.get("actor"), c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/escalations/{id}/acknowledge",
      tags: ["Escalations"],
      summary: "Say you are on it (open → acknowledged), optionally with a note",
      security: authenticated,
      request: { params: OrgIdParamSchema, body: jsonBody(AcknowledgeEscalationSchema) },
      responses: { 200: jsonResponse(EscalationSchema, "Acknowledged"), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await acknowledgeEscalation(deps, c.get("actor"), c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/escalations/{id}/entries",
      tags: ["Escalations"],
      summary: "Add a note, or an action (what will be done), to an unresolved escalation",
      security: authenticated,
      request: { params: OrgIdParamSchema, body: jsonBody(EscalationEntryInputSchema) },
      responses: {
        201: jsonResponse(EscalationSchema, "The escalation with the new entry"),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(
        await addEscalationEntry(deps, c.get("actor"), c.req.valid("param").id, c.req.valid("json")),
        201,
      ),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/escalations/{id}/resolve",
      tags: ["Escalations"],
      summary: "Resolve it, saying how (from open or acknowledged)",
      security: authenticated,
      request: { params: OrgIdParamSchema, body: jsonBody(ResolveEscalationSchema) },
      responses: { 200: jsonResponse(EscalationSchema, "Resolved"), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await resolveEscalation(deps, c.get("actor"), c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
  );
}

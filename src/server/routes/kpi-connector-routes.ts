import { createRoute } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { OkSchema, OrgIdParamSchema } from "../../shared/schemas/common.ts";
import {
  ConnectorRunSchema,
  ConnectorSchema,
  PutConnectorSchema,
  SavedConnectorSchema,
} from "../../shared/schemas/connectors.ts";
import type { Api, AppEnv, Deps } from "../context.ts";
import { errorResponses, jsonBody, jsonResponse } from "../lib/http.ts";
import {
  authorizeConnectorRequest,
  getConnector,
  putConnector,
  removeConnector,
  runConnectorNow,
} from "../services/kpi/connector-service.ts";
import { authenticated } from "./route-helpers.ts";

const path = "/api/orgs/{org}/kpis/{id}/connector";
const tags = ["KPI connectors"];

/**
 * Runs before the path and body are validated: who may not change or run the connector
 * gets 403 (404 for a KPI that does not exist) whatever they sent, and no host they named
 * is ever resolved for them.
 */
const managersFirst =
  (deps: Deps): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    await authorizeConnectorRequest(deps, c.get("actor"), c.req.param("id") ?? "");
    await next();
  };

/** A KPI's scheduled connector: settings (never its credentials), last run, run now. */
export function kpiConnectorRoutes(app: Api, deps: Deps) {
  const middleware = [managersFirst(deps)];
  app.openapi(
    createRoute({
      method: "get",
      path,
      tags,
      summary: "The KPI's connector and its last run; credentials are never returned, only header names",
      security: authenticated,
      request: { params: OrgIdParamSchema },
      responses: { 200: jsonResponse(ConnectorSchema, "The connector"), ...errorResponses },
    }),
    async (c) => c.json(await getConnector(deps, c.get("actor"), c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "put",
      path,
      tags,
      middleware,
      summary: "Create or replace the KPI's connector (admins and the team's leads); it runs at once",
      description:
        "Credentials (headers, connectionString) are stored encrypted. Omit them to keep the stored ones, send null to remove them. Stored credentials stay with the target they were saved for: a new origin (scheme, host, port) or query string of the URL drops stored headers not sent again (the answer says credentialsDropped), a new query needs the connection string again. Replacing needs the version you loaded. Who may not set up connectors gets 403 before anything sent is read.",
      security: authenticated,
      request: { params: OrgIdParamSchema, body: jsonBody(PutConnectorSchema) },
      responses: { 200: jsonResponse(SavedConnectorSchema, "Saved"), ...errorResponses },
    }),
    async (c) =>
      c.json(await putConnector(deps, c.get("actor"), c.req.valid("param").id, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "delete",
      path,
      tags,
      middleware,
      summary: "Remove the KPI's connector; the values it wrote stay",
      security: authenticated,
      request: { params: OrgIdParamSchema },
      responses: { 200: jsonResponse(OkSchema, "Removed"), ...errorResponses },
    }),
    async (c) => c.json(await removeConnector(deps, c.get("actor"), c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${path}/run`,
      tags,
      middleware,
      summary: "Run the connector now and answer with the outcome (a failed run is an outcome, not an error)",
      security: authenticated,
      request: { params: OrgIdParamSchema },
      responses: { 200: jsonResponse(ConnectorRunSchema, "The run's outcome"), ...errorResponses },
    }),
    async (c) => c.json(await runConnectorNow(deps, c.get("actor"), c.req.valid("param").id), 200),
  );
}

import { createRoute } from "@hono/zod-openapi";
import { IdSchema, OrgIdParamSchema, OrgParamSchema } from "../../shared/schemas/common.ts";
import {
  KpiDriverTreeQuerySchema,
  KpiDriverTreeSchema,
  SetKpiDriversSchema,
  TeamDriverTreeQuerySchema,
  TeamDriverTreeSchema,
} from "../../shared/schemas/kpi-drivers.ts";
import type { Api, Deps } from "../context.ts";
import { errorResponses, jsonBody, jsonResponse } from "../lib/http.ts";
import { kpiDriverTree, setKpiDrivers, teamDriverTree } from "../services/kpi/kpi-driver-service.ts";
import { authenticated } from "./route-helpers.ts";

const TeamParams = OrgParamSchema.extend({ id: IdSchema });

/** Driver trees: the KPIs that move a KPI without arithmetic, per KPI and per team. */
export function kpiDriverRoutes(app: Api, deps: Deps) {
  app.openapi(
    createRoute({
      method: "put",
      path: "/api/orgs/{org}/kpis/{id}/drivers",
      tags: ["KPIs"],
      summary:
        "Name the KPIs that drive this one, in order (replaces the list; admins and the leads of its team or above)",
      security: authenticated,
      request: { params: OrgIdParamSchema, body: jsonBody(SetKpiDriversSchema) },
      responses: { 200: jsonResponse(KpiDriverTreeSchema, "The KPI's driver tree"), ...errorResponses },
    }),
    async (c) =>
      c.json(await setKpiDrivers(deps, c.get("actor"), c.req.valid("param").id, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/kpis/{id}/driver-tree",
      tags: ["KPIs"],
      summary:
        "The KPI with its drivers (downwards) and what it drives (upwards), each with value and status",
      security: authenticated,
      request: { params: OrgIdParamSchema, query: KpiDriverTreeQuerySchema },
      responses: { 200: jsonResponse(KpiDriverTreeSchema, "The driver tree"), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await kpiDriverTree(deps, c.get("actor"), c.req.valid("param").id, c.req.valid("query").depth),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/teams/{id}/driver-tree",
      tags: ["KPIs"],
      summary:
        "A team's part of the organisation's driver tree (with the teams below it unless scope=team): every driver edge touching its KPIs",
      security: authenticated,
      request: { params: TeamParams, query: TeamDriverTreeQuerySchema },
      responses: { 200: jsonResponse(TeamDriverTreeSchema, "The team's driver edges"), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await teamDriverTree(deps, c.get("actor"), c.req.valid("param").id, c.req.valid("query").scope),
        200,
      ),
  );
}

import { createRoute } from "@hono/zod-openapi";
import { AsOfQuerySchema } from "../../shared/schemas/as-of.ts";
import { IdSchema, OrgIdParamSchema, OrgParamSchema, pageOf } from "../../shared/schemas/common.ts";
import {
  CreateKpiSchema,
  KpiBoardQuerySchema,
  KpiBoardSchema,
  KpiListQuerySchema,
  KpiSchema,
  KpiTreeSchema,
  UpdateKpiSchema,
} from "../../shared/schemas/kpis.ts";
import type { Api, Deps } from "../context.ts";
import { errorResponses, jsonBody, jsonResponse } from "../lib/http.ts";
import { kpiBoardAsOf } from "../services/as-of/as-of-kpis.ts";
import { kpiBoard, kpiTree } from "../services/kpi/kpi-board-service.ts";
import { createKpi, getKpi, listKpis, updateKpi } from "../services/kpi/kpi-service.ts";
import { authenticated } from "./route-helpers.ts";

const TeamParams = OrgParamSchema.extend({ id: IdSchema });

/** KPI definitions, the team board and the formula tree. */
export function kpiRoutes(app: Api, deps: Deps) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/kpis",
      tags: ["KPIs"],
      summary: "KPIs with their current status and trend; filter by team, owner, state or text",
      security: authenticated,
      request: { params: OrgParamSchema, query: KpiListQuerySchema },
      responses: { 200: jsonResponse(pageOf(KpiSchema), "KPIs"), ...errorResponses },
    }),
    async (c) => c.json(await listKpis(deps, c.get("actor"), c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/kpis",
      tags: ["KPIs"],
      summary: "Define a KPI (admins and the team's leads)",
      security: authenticated,
      request: { params: OrgParamSchema, body: jsonBody(CreateKpiSchema) },
      responses: { 201: jsonResponse(KpiSchema, "Created"), ...errorResponses },
    }),
    async (c) => c.json(await createKpi(deps, c.get("actor"), c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/kpis/{id}",
      tags: ["KPIs"],
      summary: "One KPI with its bands, current status, trend, open escalation and connector state",
      security: authenticated,
      request: { params: OrgIdParamSchema },
      responses: { 200: jsonResponse(KpiSchema, "The KPI"), ...errorResponses },
    }),
    async (c) => c.json(await getKpi(deps, c.get("actor"), c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/orgs/{org}/kpis/{id}",
      tags: ["KPIs"],
      summary: "Edit a KPI, replace its band series, archive or restore it",
      security: authenticated,
      request: { params: OrgIdParamSchema, body: jsonBody(UpdateKpiSchema) },
      responses: { 200: jsonResponse(KpiSchema, "Updated"), ...errorResponses },
    }),
    async (c) =>
      c.json(await updateKpi(deps, c.get("actor"), c.req.valid("param").id, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/kpis/{id}/tree",
      tags: ["KPIs"],
      summary: "The KPI's formula tree: its inputs all the way down, and the formulas that use it",
      security: authenticated,
      request: { params: OrgIdParamSchema },
      responses: { 200: jsonResponse(KpiTreeSchema, "The tree"), ...errorResponses },
    }),
    async (c) => c.json(await kpiTree(deps, c.get("actor"), c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/teams/{id}/kpi-board",
      tags: ["KPIs"],
      summary:
        "A team's KPI board (with the teams below it unless scope=team): each active KPI with value, status, trend and a year's sparkline",
      security: authenticated,
      request: { params: TeamParams, query: KpiBoardQuerySchema.extend(AsOfQuerySchema.shape) },
      responses: { 200: jsonResponse(KpiBoardSchema, "The board"), ...errorResponses },
    }),
    async (c) => {
      const { scope, asOf } = c.req.valid("query");
      const teamId = c.req.valid("param").id;
      // As of a past day (docs/as-of.md): values as known then, definitions as they stood.
      if (asOf) return c.json(await kpiBoardAsOf(deps, c.get("actor"), teamId, scope, asOf), 200);
      return c.json(await kpiBoard(deps, c.get("actor"), teamId, scope), 200);
    },
  );
}

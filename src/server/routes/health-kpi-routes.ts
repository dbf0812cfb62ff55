import { createRoute } from "@hono/zod-openapi";
import { OrgIdParamSchema, OrgParamSchema } from "../../shared/schemas/common.ts";
import {
  GuardedObjectivesSchema,
  HealthKpiSuggestionQuerySchema,
  HealthKpiSuggestionsSchema,
} from "../../shared/schemas/health-kpis.ts";
import type { Api, Deps } from "../context.ts";
import { errorResponses, jsonResponse } from "../lib/http.ts";
import { guardedObjectives, suggestHealthKpis } from "../services/okr/health-kpi-service.ts";
import { authenticated } from "./route-helpers.ts";

/**
 * Health KPIs: what the Objective form suggests and what a KPI page lists. Setting them
 * rides on the Objective's create and edit (okr-routes.ts). Registered before the
 * Objective routes, so `/objectives/health-kpi-suggestions` is not read as an id.
 */
export function healthKpiRoutes(app: Api, deps: Deps) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/objectives/health-kpi-suggestions",
      tags: ["OKRs"],
      summary:
        "KPIs to offer as an Objective's health KPIs: its team's, its subtree's, then its theme's (red and amber first)",
      security: authenticated,
      request: { params: OrgParamSchema, query: HealthKpiSuggestionQuerySchema },
      responses: { 200: jsonResponse(HealthKpiSuggestionsSchema, "Suggestions"), ...errorResponses },
    }),
    async (c) => c.json(await suggestHealthKpis(deps, c.get("actor"), c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/kpis/{id}/guarded-objectives",
      tags: ["KPIs"],
      summary: "The live Objectives that carry this KPI as a health KPI",
      security: authenticated,
      request: { params: OrgIdParamSchema },
      responses: { 200: jsonResponse(GuardedObjectivesSchema, "Objectives"), ...errorResponses },
    }),
    async (c) => c.json(await guardedObjectives(deps, c.get("actor"), c.req.valid("param").id), 200),
  );
}

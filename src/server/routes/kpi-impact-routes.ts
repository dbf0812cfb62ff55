import { createRoute } from "@hono/zod-openapi";
import { IdSchema, OrgParamSchema } from "../../shared/schemas/common.ts";
import { KpiImpactQuerySchema, ObjectiveKpiImpactSchema } from "../../shared/schemas/kpi-impact.ts";
import type { Api, Deps } from "../context.ts";
import { errorResponses, jsonResponse } from "../lib/http.ts";
import { objectiveKpiImpact } from "../services/okr/kpi-impact-service.ts";
import { authenticated } from "./route-helpers.ts";

const ObjectiveParams = OrgParamSchema.extend({ id: IdSchema });

/** Whether an Objective's KPIs moved during and after its cycle. */
export function kpiImpactRoutes(app: Api, deps: Deps) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/objectives/{id}/kpi-impact",
      tags: ["OKRs"],
      summary:
        "Whether the Objective's health KPIs and the KPIs its KRs read moved during and after its cycle, against their earlier trend (a correlation in time, not proof)",
      security: authenticated,
      request: { params: ObjectiveParams, query: KpiImpactQuerySchema },
      responses: {
        200: jsonResponse(ObjectiveKpiImpactSchema, "Each KPI's change during and after the cycle"),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(
        await objectiveKpiImpact(
          deps,
          c.get("actor"),
          c.req.valid("param").id,
          c.req.valid("query").lagCycles,
        ),
        200,
      ),
  );
}

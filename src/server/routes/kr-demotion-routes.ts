import { createRoute } from "@hono/zod-openapi";
import { IdSchema, OrgParamSchema } from "../../shared/schemas/common.ts";
import { DemoteKeyResultSchema, DemotionResultSchema } from "../../shared/schemas/kr-demotion.ts";
import type { Api, Deps } from "../context.ts";
import { errorResponses, jsonBody, jsonResponse } from "../lib/http.ts";
import { demoteKeyResult } from "../services/okr/kr-demotion-service.ts";
import { authenticated } from "./route-helpers.ts";

const KeyResultParams = OrgParamSchema.extend({ keyResultId: IdSchema });

/** A metric Key Result that turned out to be a standing metric becomes a KPI. */
export function krDemotionRoutes(app: Api, deps: Deps) {
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/key-results/{keyResultId}/demote",
      tags: ["OKRs"],
      summary:
        "Turn a metric Key Result into a KPI: its check-ins become values (the last of each period) and the KR is archived naming the KPI",
      security: authenticated,
      request: { params: KeyResultParams, body: jsonBody(DemoteKeyResultSchema) },
      responses: { 201: jsonResponse(DemotionResultSchema, "The new KPI"), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await demoteKeyResult(deps, c.get("actor"), c.req.valid("param").keyResultId, c.req.valid("json")),
        201,
      ),
  );
}

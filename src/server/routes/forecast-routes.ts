import { createRoute } from "@hono/zod-openapi";
import { IdSchema, OrgParamSchema } from "../../shared/schemas/common.ts";
import { KeyResultForecastSchema } from "../../shared/schemas/okr-forecasts.ts";
import type { Api, Deps } from "../context.ts";
import { errorResponses, jsonResponse } from "../lib/http.ts";
import { keyResultForecast } from "../services/okr/forecast-service.ts";
import { authenticated } from "./route-helpers.ts";

const KeyResultParams = OrgParamSchema.extend({ keyResultId: IdSchema });

/** Where a metric Key Result will be at its cycle's end. */
export function forecastRoutes(app: Api, deps: Deps) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/key-results/{keyResultId}/forecast",
      tags: ["Check-ins"],
      summary:
        "A metric KR's forecast from its check-ins: the value expected at the cycle's end, an 80 % interval and the chance of reaching the target",
      security: authenticated,
      request: { params: KeyResultParams },
      responses: {
        200: jsonResponse(KeyResultForecastSchema, "The forecast, or why there is none"),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await keyResultForecast(deps, c.get("actor"), c.req.valid("param").keyResultId), 200),
  );
}

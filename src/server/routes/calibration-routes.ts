import { createRoute } from "@hono/zod-openapi";
import { IdSchema, OrgParamSchema } from "../../shared/schemas/common.ts";
import { ConfidenceCalibrationSchema } from "../../shared/schemas/confidence-calibration.ts";
import type { Api, Deps } from "../context.ts";
import { errorResponses, jsonResponse } from "../lib/http.ts";
import { personCalibration, teamCalibration } from "../services/okr/calibration-service.ts";
import { authenticated } from "./route-helpers.ts";

const PersonParams = OrgParamSchema.extend({ userId: IdSchema });
const TeamParams = OrgParamSchema.extend({ id: IdSchema });

/** How well confidence in check-ins predicted how Key Results ended. */
export function calibrationRoutes(app: Api, deps: Deps) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/people/{userId}/confidence-calibration",
      tags: ["Check-ins"],
      summary:
        "How well a person's check-in confidence predicted their KRs' final scores (closed cycles); for them, their manager and admins",
      security: authenticated,
      request: { params: PersonParams },
      responses: { 200: jsonResponse(ConfidenceCalibrationSchema, "The calibration"), ...errorResponses },
    }),
    async (c) => c.json(await personCalibration(deps, c.get("actor"), c.req.valid("param").userId), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/teams/{id}/confidence-calibration",
      tags: ["Check-ins"],
      summary:
        "How well confidence predicted final scores on the team's own Objectives (closed cycles); for its leads, leads above it and admins",
      security: authenticated,
      request: { params: TeamParams },
      responses: { 200: jsonResponse(ConfidenceCalibrationSchema, "The calibration"), ...errorResponses },
    }),
    async (c) => c.json(await teamCalibration(deps, c.get("actor"), c.req.valid("param").id), 200),
  );
}

import { createRoute } from "@hono/zod-openapi";
import { OrgIdParamSchema, OrgParamSchema } from "../../shared/schemas/common.ts";
import {
  CreateKpiFloorSchema,
  KpiFloorListQuerySchema,
  KpiFloorListSchema,
  KpiFloorSchema,
  UpdateKpiFloorSchema,
} from "../../shared/schemas/escalations.ts";
import type { Api, Deps } from "../context.ts";
import { errorResponses, jsonBody, jsonResponse } from "../lib/http.ts";
import {
  createFloor,
  deleteFloorFor,
  getFloor,
  listFloorsFor,
  updateFloorFor,
} from "../services/kpi/floor-service.ts";
import { authenticated } from "./route-helpers.ts";

/** The KPI floor of a team for a cycle: KPIs that must not fall while the cycle runs. */
export function kpiFloorRoutes(app: Api, deps: Deps) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/kpi-floors",
      tags: ["KPI floors"],
      summary:
        "A team's KPI floor for a cycle (with the floors of the teams below it unless scope=team), each KPI with its current value, status and whether it is breached",
      security: authenticated,
      request: { params: OrgParamSchema, query: KpiFloorListQuerySchema },
      responses: {
        200: jsonResponse(KpiFloorListSchema, "The floors, by KPI name; each names its team"),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await listFloorsFor(deps, c.get("actor"), c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/kpi-floors",
      tags: ["KPI floors"],
      summary:
        "Put a KPI on a team's floor for a cycle, with an owner and an escalation threshold (admins and the team's leads)",
      security: authenticated,
      request: { params: OrgParamSchema, body: jsonBody(CreateKpiFloorSchema) },
      responses: { 201: jsonResponse(KpiFloorSchema, "Created"), ...errorResponses },
    }),
    async (c) => c.json(await createFloor(deps, c.get("actor"), c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/kpi-floors/{id}",
      tags: ["KPI floors"],
      summary: "One floor entry with its KPI's current value and status",
      security: authenticated,
      request: { params: OrgIdParamSchema },
      responses: { 200: jsonResponse(KpiFloorSchema, "The floor entry"), ...errorResponses },
    }),
    async (c) => c.json(await getFloor(deps, c.get("actor"), c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/orgs/{org}/kpi-floors/{id}",
      tags: ["KPI floors"],
      summary: "Change a floor's owner or threshold (not once its cycle is being graded or closed)",
      security: authenticated,
      request: { params: OrgIdParamSchema, body: jsonBody(UpdateKpiFloorSchema) },
      responses: { 200: jsonResponse(KpiFloorSchema, "Updated"), ...errorResponses },
    }),
    async (c) =>
      c.json(await updateFloorFor(deps, c.get("actor"), c.req.valid("param").id, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/orgs/{org}/kpi-floors/{id}",
      tags: ["KPI floors"],
      summary: "Take a KPI off the floor (answers the floor entry as it was)",
      security: authenticated,
      request: { params: OrgIdParamSchema },
      responses: { 200: jsonResponse(KpiFloorSchema, "Deleted"), ...errorResponses },
    }),
    async (c) => c.json(await deleteFloorFor(deps, c.get("actor"), c.req.valid("param").id), 200),
  );
}

import { createRoute } from "@hono/zod-openapi";
import { OkSchema, OrgParamSchema } from "../../shared/schemas/common.ts";
import {
  CreateStrategyEdgeSchema,
  StrategyBoardSchema,
  StrategyEdgeParamSchema,
  StrategyEdgeSchema,
  StrategyMapSchema,
  StrategyQuerySchema,
  UpdateStrategyEdgeSchema,
} from "../../shared/schemas/strategy.ts";
import type { Api, Deps } from "../context.ts";
import { errorResponses, jsonBody, jsonResponse } from "../lib/http.ts";
import { strategyBoard } from "../services/strategy/strategy-board-service.ts";
import {
  createStrategyEdge,
  relabelStrategyEdge,
  removeStrategyEdge,
  strategyEdge,
} from "../services/strategy/strategy-edge-service.ts";
import { strategyMap } from "../services/strategy/strategy-map-service.ts";
import { authenticated } from "./route-helpers.ts";

/** The strategy map (themes, strategic Objectives, cause → effect edges) and the strategy board. */
export function strategyRoutes(app: Api, deps: Deps) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/strategy-map",
      tags: ["Strategy"],
      summary: "The strategy map of a cycle: themes as lanes, their Objectives, cause → effect edges",
      security: authenticated,
      request: { params: OrgParamSchema, query: StrategyQuerySchema },
      responses: { 200: jsonResponse(StrategyMapSchema, "The map"), ...errorResponses },
    }),
    async (c) => c.json(await strategyMap(deps, c.get("actor"), c.req.valid("query").cycleId), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/strategy-map/edges",
      tags: ["Strategy"],
      summary: "Connect a cause to its effect (admins); feedback loops are allowed, self-loops are not",
      security: authenticated,
      request: { params: OrgParamSchema, body: jsonBody(CreateStrategyEdgeSchema) },
      responses: { 201: jsonResponse(StrategyEdgeSchema, "Created"), ...errorResponses },
    }),
    async (c) => c.json(await createStrategyEdge(deps, c.get("actor"), c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/strategy-map/edges/{edgeId}",
      tags: ["Strategy"],
      summary: "One edge of the strategy map",
      security: authenticated,
      request: { params: StrategyEdgeParamSchema },
      responses: { 200: jsonResponse(StrategyEdgeSchema, "The edge"), ...errorResponses },
    }),
    async (c) => c.json(await strategyEdge(deps, c.get("actor"), c.req.valid("param").edgeId), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/orgs/{org}/strategy-map/edges/{edgeId}",
      tags: ["Strategy"],
      summary: "Relabel an edge (admins)",
      security: authenticated,
      request: { params: StrategyEdgeParamSchema, body: jsonBody(UpdateStrategyEdgeSchema) },
      responses: { 200: jsonResponse(StrategyEdgeSchema, "Updated"), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await relabelStrategyEdge(deps, c.get("actor"), c.req.valid("param").edgeId, c.req.valid("json")),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/orgs/{org}/strategy-map/edges/{edgeId}",
      tags: ["Strategy"],
      summary: "Remove an edge (admins)",
      security: authenticated,
      request: { params: StrategyEdgeParamSchema },
      responses: { 200: jsonResponse(OkSchema, "Removed"), ...errorResponses },
    }),
    async (c) => c.json(await removeStrategyEdge(deps, c.get("actor"), c.req.valid("param").edgeId), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/strategy-board",
      tags: ["Strategy"],
      summary: "The strategy board: per theme its KPIs and its Objectives in a cycle, with status counts",
      security: authenticated,
      request: { params: OrgParamSchema, query: StrategyQuerySchema },
      responses: { 200: jsonResponse(StrategyBoardSchema, "The board"), ...errorResponses },
    }),
    async (c) => c.json(await strategyBoard(deps, c.get("actor"), c.req.valid("query").cycleId), 200),
  );
}

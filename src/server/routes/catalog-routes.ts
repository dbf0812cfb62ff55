import { createRoute } from "@hono/zod-openapi";
import { ListQuerySchema, OrgIdParamSchema, OrgParamSchema, pageOf } from "../../shared/schemas/common.ts";
import {
  CreateCycleSchema,
  CycleSchema,
  GenerateCyclesSchema,
  UpdateCycleSchema,
} from "../../shared/schemas/cycles.ts";
import { CreateThemeSchema, ThemeSchema, UpdateThemeSchema } from "../../shared/schemas/themes.ts";
import type { Api, Deps } from "../context.ts";
import { errorResponses, jsonBody, jsonResponse } from "../lib/http.ts";
import {
  createCustomCycle,
  generateFiscalYear,
  getCycle,
  listCyclesFor,
  updateCycleFor,
} from "../services/cycle-service.ts";
import { createTheme, listThemesFor, updateThemeFor } from "../services/theme-service.ts";
import { authenticated } from "./route-helpers.ts";

/** Cycles and strategic themes. */
export function catalogRoutes(app: Api, deps: Deps) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/cycles",
      tags: ["Cycles"],
      summary: "Cycles, newest first, searchable by name",
      security: authenticated,
      request: { params: OrgParamSchema, query: ListQuerySchema },
      responses: { 200: jsonResponse(pageOf(CycleSchema), "Cycles"), ...errorResponses },
    }),
    async (c) => c.json(await listCyclesFor(deps, c.get("actor"), c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/cycles",
      tags: ["Cycles"],
      summary: "Create a custom cycle (admins)",
      security: authenticated,
      request: { params: OrgParamSchema, body: jsonBody(CreateCycleSchema) },
      responses: { 201: jsonResponse(CycleSchema, "Created"), ...errorResponses },
    }),
    async (c) => c.json(await createCustomCycle(deps, c.get("actor"), c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/cycles/generate",
      tags: ["Cycles"],
      summary:
        "Create a fiscal year and its quarters from the fiscal-year start (admins); existing ones are kept",
      security: authenticated,
      request: { params: OrgParamSchema, body: jsonBody(GenerateCyclesSchema) },
      responses: { 201: jsonResponse(pageOf(CycleSchema), "The cycles created"), ...errorResponses },
    }),
    async (c) => {
      const { fiscalYear, includePast } = c.req.valid("json");
      return c.json(await generateFiscalYear(deps, c.get("actor"), fiscalYear, includePast), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/cycles/{id}",
      tags: ["Cycles"],
      summary: "One cycle",
      security: authenticated,
      request: { params: OrgIdParamSchema },
      responses: { 200: jsonResponse(CycleSchema, "The cycle"), ...errorResponses },
    }),
    async (c) => c.json(await getCycle(deps, c.get("actor"), c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/orgs/{org}/cycles/{id}",
      tags: ["Cycles"],
      summary: "Rename, re-date or move a cycle through planning → active → grading → closed (admins)",
      security: authenticated,
      request: { params: OrgIdParamSchema, body: jsonBody(UpdateCycleSchema) },
      responses: { 200: jsonResponse(CycleSchema, "Updated"), ...errorResponses },
    }),
    async (c) =>
      c.json(await updateCycleFor(deps, c.get("actor"), c.req.valid("param").id, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/themes",
      tags: ["Themes"],
      summary: "Strategic themes (the four Balanced Scorecard perspectives to start with)",
      security: authenticated,
      request: { params: OrgParamSchema, query: ListQuerySchema },
      responses: { 200: jsonResponse(pageOf(ThemeSchema), "Themes"), ...errorResponses },
    }),
    async (c) => c.json(await listThemesFor(deps, c.get("actor"), c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/themes",
      tags: ["Themes"],
      summary: "Add a theme of your own (admins)",
      security: authenticated,
      request: { params: OrgParamSchema, body: jsonBody(CreateThemeSchema) },
      responses: { 201: jsonResponse(ThemeSchema, "Created"), ...errorResponses },
    }),
    async (c) => c.json(await createTheme(deps, c.get("actor"), c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/orgs/{org}/themes/{id}",
      tags: ["Themes"],
      summary: "Rename, describe, archive or restore a theme (admins)",
      security: authenticated,
      request: { params: OrgIdParamSchema, body: jsonBody(UpdateThemeSchema) },
      responses: { 200: jsonResponse(ThemeSchema, "Updated"), ...errorResponses },
    }),
    async (c) =>
      c.json(await updateThemeFor(deps, c.get("actor"), c.req.valid("param").id, c.req.valid("json")), 200),
  );
}

import { createRoute } from "@hono/zod-openapi";
import { OrgIdParamSchema, OrgParamSchema } from "../../shared/schemas/common.ts";
import { EntryFormSchema } from "../../shared/schemas/kpi-entry.ts";
import {
  BulkMeasurementsSchema,
  CsvImportReportSchema,
  CsvImportSchema,
  calendarDate,
  EnterMeasurementResultSchema,
  EnterMeasurementSchema,
  MeasurementListQuerySchema,
  MeasurementPageSchema,
  MeasurementVersionsSchema,
  SeriesQuerySchema,
  SeriesSchema,
  WriteOutcomeSchema,
} from "../../shared/schemas/kpis.ts";
import type { Api, Deps } from "../context.ts";
import { errorResponses, jsonBody, jsonResponse } from "../lib/http.ts";
import { ingestMeasurements } from "../services/kpi/bulk-ingest-service.ts";
import { importCsv } from "../services/kpi/csv-import-service.ts";
import {
  enterMeasurement,
  kpiEntryForm,
  kpiSeries,
  listMeasurements,
  periodVersions,
} from "../services/kpi/measurement-service.ts";
import { authenticated } from "./route-helpers.ts";

const PeriodParams = OrgIdParamSchema.extend({ periodStart: calendarDate() });

/** KPI values: entering, correcting, bulk loads, CSV imports, and reading them back. */
export function measurementRoutes(app: Api, deps: Deps) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/kpis/{id}/series",
      tags: ["KPI values"],
      summary: "Values for a chart (five years back by default) with the band series",
      security: authenticated,
      request: { params: OrgIdParamSchema, query: SeriesQuerySchema },
      responses: { 200: jsonResponse(SeriesSchema, "Points, oldest first"), ...errorResponses },
    }),
    async (c) =>
      c.json(await kpiSeries(deps, c.get("actor"), c.req.valid("param").id, c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/kpis/{id}/measurements",
      tags: ["KPI values"],
      summary: "The values in force, newest period first, with who wrote them and their status",
      security: authenticated,
      request: { params: OrgIdParamSchema, query: MeasurementListQuerySchema },
      responses: {
        200: jsonResponse(MeasurementPageSchema, "Values"),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(
        await listMeasurements(deps, c.get("actor"), c.req.valid("param").id, c.req.valid("query")),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/kpis/{id}/measurements",
      tags: ["KPI values"],
      summary:
        "Enter a value for the period containing `date`; a different value for a period that has one is a correction and needs a note",
      security: authenticated,
      request: { params: OrgIdParamSchema, body: jsonBody(EnterMeasurementSchema) },
      responses: {
        201: jsonResponse(EnterMeasurementResultSchema, "Written"),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(await enterMeasurement(deps, c.get("actor"), c.req.valid("param").id, c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/kpis/{id}/measurements/{periodStart}/versions",
      tags: ["KPI values"],
      summary: "Every value a period has had: the one in force and the corrections it replaced",
      security: authenticated,
      request: { params: PeriodParams },
      responses: {
        200: jsonResponse(MeasurementVersionsSchema, "Newest first"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id, periodStart } = c.req.valid("param");
      return c.json(await periodVersions(deps, c.get("actor"), id, periodStart), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/kpi-entry",
      tags: ["KPI values"],
      summary: "The KPIs you own and feed by hand, each with the period to fill in",
      security: authenticated,
      request: { params: OrgParamSchema },
      responses: {
        200: jsonResponse(EntryFormSchema, "Your KPIs"),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await kpiEntryForm(deps, c.get("actor")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/measurements/bulk",
      tags: ["KPI values"],
      summary: "Write up to 10,000 values at once, all or none; idempotent on KPI and period",
      security: authenticated,
      request: { params: OrgParamSchema, body: jsonBody(BulkMeasurementsSchema) },
      responses: { 200: jsonResponse(WriteOutcomeSchema, "Written"), ...errorResponses },
    }),
    async (c) =>
      c.json(await ingestMeasurements(deps, c.get("actor"), c.get("logger"), c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/kpi-imports",
      tags: ["KPI values"],
      summary: "Preview (dryRun) or import a CSV of values: all rows or none, with a report per row",
      security: authenticated,
      request: { params: OrgParamSchema, body: jsonBody(CsvImportSchema) },
      responses: { 200: jsonResponse(CsvImportReportSchema, "The report"), ...errorResponses },
    }),
    async (c) => c.json(await importCsv(deps, c.get("actor"), c.req.valid("json")), 200),
  );
}

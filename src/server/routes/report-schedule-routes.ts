import { createRoute } from "@hono/zod-openapi";
import { OrgIdParamSchema, OrgParamSchema } from "../../shared/schemas/common.ts";
import {
  CreateReportScheduleSchema,
  ReportScheduleListSchema,
  ReportScheduleSchema,
  UpdateReportScheduleSchema,
} from "../../shared/schemas/report-schedules.ts";
import type { Api, Deps } from "../context.ts";
import { errorResponses, jsonBody, jsonResponse } from "../lib/http.ts";
import {
  createReportScheduleFor,
  deleteReportScheduleFor,
  getReportScheduleFor,
  listReportSchedulesFor,
  updateReportScheduleFor,
} from "../services/reports/report-schedule-service.ts";
import { authenticated } from "./route-helpers.ts";

const tags = ["Reports"];

/** Consolidated reports emailed weekly or monthly, each copy drawn with its recipient's rights. */
export function reportScheduleRoutes(app: Api, deps: Deps) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/report-schedules",
      tags,
      summary: "Scheduled report emails the caller may manage (admins all; leads their teams')",
      security: authenticated,
      request: { params: OrgParamSchema },
      responses: {
        200: jsonResponse(ReportScheduleListSchema, "Schedules, oldest first"),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await listReportSchedulesFor(deps, c.get("actor")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orgs/{org}/report-schedules",
      tags,
      summary:
        "Schedule a consolidated report by email, weekly or monthly, to chosen members (admins; leads for the teams they lead)",
      security: authenticated,
      request: { params: OrgParamSchema, body: jsonBody(CreateReportScheduleSchema) },
      responses: { 201: jsonResponse(ReportScheduleSchema, "Scheduled"), ...errorResponses },
    }),
    async (c) => c.json(await createReportScheduleFor(deps, c.get("actor"), c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/report-schedules/{id}",
      tags,
      summary: "One report schedule",
      security: authenticated,
      request: { params: OrgIdParamSchema },
      responses: { 200: jsonResponse(ReportScheduleSchema, "The schedule"), ...errorResponses },
    }),
    async (c) => c.json(await getReportScheduleFor(deps, c.get("actor"), c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/orgs/{org}/report-schedules/{id}",
      tags,
      summary: "Change a report schedule: team, frequency, format or recipients",
      security: authenticated,
      request: { params: OrgIdParamSchema, body: jsonBody(UpdateReportScheduleSchema) },
      responses: { 200: jsonResponse(ReportScheduleSchema, "Saved"), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await updateReportScheduleFor(deps, c.get("actor"), c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/orgs/{org}/report-schedules/{id}",
      tags,
      summary: "Stop a scheduled report",
      security: authenticated,
      request: { params: OrgIdParamSchema },
      responses: { 200: jsonResponse(ReportScheduleSchema, "Deleted"), ...errorResponses },
    }),
    async (c) => c.json(await deleteReportScheduleFor(deps, c.get("actor"), c.req.valid("param").id), 200),
  );
}

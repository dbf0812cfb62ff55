import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { OrgParamSchema } from "../../shared/schemas/common.ts";
import { ConsolidatedReportQuerySchema, ConsolidatedReportSchema } from "../../shared/schemas/reports.ts";
import type { Api, AppEnv, Deps } from "../context.ts";
import { errorResponses, jsonResponse } from "../lib/http.ts";
import { consolidatedReport } from "../services/reports/consolidated-report-service.ts";
import { reportCsvZip } from "../services/reports/report-csv.ts";
import { reportFileName } from "../services/reports/report-file.ts";
import { reportPdf } from "../services/reports/report-pdf.ts";
import { authenticated } from "./route-helpers.ts";

const request = { params: OrgParamSchema, query: ConsolidatedReportQuerySchema };
const binary = (type: string, description: string) => ({
  description,
  content: { [type]: { schema: { type: "string" as const, format: "binary" } } },
  headers: {
    "Content-Disposition": {
      description: "attachment, with a file name naming the organisation, subtree and cycle",
      schema: { type: "string" as const },
    },
  },
});
const readErrors = {
  400: errorResponses[400],
  401: errorResponses[401],
  403: errorResponses[403],
  404: errorResponses[404],
  503: errorResponses[503],
};

function download(c: Context<AppEnv>, bytes: Uint8Array, type: string, fileName: string) {
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    "Content-Type": type,
    "Content-Disposition": `attachment; filename="${fileName}"`,
    "Cache-Control": "private, no-store",
  });
}

/** The consolidated OKR + KPI report: one model, as JSON, as a zip of CSV files and as a PDF. */
export function reportRoutes(app: Api, deps: Deps) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/reports/consolidated",
      tags: ["Reports"],
      summary:
        "The consolidated report of a team subtree (or the organisation) for a cycle: OKRs, KPIs, floors, escalations, linter summary",
      security: authenticated,
      request,
      responses: { 200: jsonResponse(ConsolidatedReportSchema, "The report"), ...readErrors },
    }),
    async (c) => c.json(await consolidatedReport(deps, c.get("actor"), c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/reports/consolidated.csv.zip",
      tags: ["Reports"],
      summary:
        "The same report as a zip of CSV files, one per table (text cells that could run as a spreadsheet formula start with ')",
      security: authenticated,
      request,
      responses: { 200: binary("application/zip", "A zip of UTF-8 CSV files"), ...readErrors },
    }),
    async (c) => {
      const actor = c.get("actor");
      const report = await consolidatedReport(deps, actor, c.req.valid("query"));
      return download(
        c,
        reportCsvZip(report),
        "application/zip",
        reportFileName(report, actor.orgSlug, "zip"),
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orgs/{org}/reports/consolidated.pdf",
      tags: ["Reports"],
      summary: "The same report as a PDF: a cover, then a page per team with its charts",
      security: authenticated,
      request,
      responses: { 200: binary("application/pdf", "The PDF"), ...readErrors },
    }),
    async (c) => {
      const actor = c.get("actor");
      const report = await consolidatedReport(deps, actor, c.req.valid("query"));
      const pdf = await reportPdf(report);
      return download(c, pdf, "application/pdf", reportFileName(report, actor.orgSlug, "pdf"));
    },
  );
}

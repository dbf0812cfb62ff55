/** The consolidated report as a file: the downloads and the scheduled mail share it. */
import type { ConsolidatedReport } from "../../../shared/schemas/reports.ts";
import { reportCsvZip } from "./report-csv.ts";
import { reportPdf } from "./report-pdf.ts";

/** "nordwind-logistics-operations-fy2026-q4": letters, digits and dashes only. */
export function reportFileName(report: ConsolidatedReport, orgSlug: string, extension: string): string {
  const slug = (text: string) =>
    text
      .normalize("NFKD")
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .toLowerCase();
  const parts = [orgSlug, report.subtree ? slug(report.subtree.name) : "", slug(report.cycle.name)];
  return `${parts.filter(Boolean).join("-") || "report"}.${extension}`;
}

export type ReportFile = { bytes: Uint8Array; filename: string; contentType: string };

export async function reportFile(
  report: ConsolidatedReport,
  orgSlug: string,
  format: "pdf" | "csv",
): Promise<ReportFile> {
  return format === "pdf"
    ? {
        bytes: await reportPdf(report),
        filename: reportFileName(report, orgSlug, "pdf"),
        contentType: "application/pdf",
      }
    : {
        bytes: reportCsvZip(report),
        filename: reportFileName(report, orgSlug, "zip"),
        contentType: "application/zip",
      };
}

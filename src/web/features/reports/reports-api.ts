import { useQuery } from "@tanstack/react-query";
import type { ApiResponse } from "../../../shared/api/client.ts";
import { api } from "../../lib/api-client.ts";
import { keys } from "../../lib/query-keys.ts";

export type ConsolidatedReport = ApiResponse<"/api/orgs/{org}/reports/consolidated">;
export type ReportTeam = ConsolidatedReport["teams"][number];

export function useConsolidatedReport(slug: string, cycleId: string | null, teamId: string | null) {
  return useQuery({
    queryKey: [...keys.okrs(slug), "consolidated-report", cycleId, teamId],
    queryFn: ({ signal }) =>
      api.get("/api/orgs/{org}/reports/consolidated", {
        path: { org: slug },
        query: { cycleId: cycleId as string, ...(teamId ? { teamId } : {}) },
        signal,
      }),
    enabled: cycleId !== null,
  });
}

/** Where a download of the same report lives: the browser sends the session cookie with a link. */
export function reportDownloadUrl(
  slug: string,
  kind: "csv.zip" | "pdf",
  cycleId: string,
  teamId: string | null,
): string {
  const query = new URLSearchParams({ cycleId, ...(teamId ? { teamId } : {}) });
  return `/api/orgs/${encodeURIComponent(slug)}/reports/consolidated.${kind}?${query}`;
}

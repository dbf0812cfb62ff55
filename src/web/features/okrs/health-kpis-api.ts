import { useQuery } from "@tanstack/react-query";
import { api } from "../../lib/api-client.ts";
import { keys } from "../../lib/query-keys.ts";
import { kpiKeys } from "../kpis/kpis-api.ts";

/** KPIs to offer as an Objective's health KPIs, best first (its team's, subtree's, theme's). */
export function useHealthKpiSuggestions(
  slug: string,
  scope: { teamId: string | null; themeId: string | null; objectiveId?: string | undefined },
  enabled = true,
) {
  const query = {
    teamId: scope.teamId ?? undefined,
    themeId: scope.themeId ?? undefined,
    objectiveId: scope.objectiveId,
  };
  return useQuery({
    queryKey: [...keys.okrs(slug), "health-kpi-suggestions", query],
    queryFn: ({ signal }) =>
      api.get("/api/orgs/{org}/objectives/health-kpi-suggestions", { path: { org: slug }, query, signal }),
    enabled,
  });
}

/** The live Objectives a KPI guards as a health KPI. */
export function useGuardedObjectives(slug: string, kpiId: string) {
  return useQuery({
    queryKey: [...kpiKeys.kpi(slug, kpiId), "guarded-objectives"],
    queryFn: ({ signal }) =>
      api.get("/api/orgs/{org}/kpis/{id}/guarded-objectives", { path: { org: slug, id: kpiId }, signal }),
  });
}

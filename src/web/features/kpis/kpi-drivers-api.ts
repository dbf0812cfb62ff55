import { useMutation, useQuery } from "@tanstack/react-query";
import type { TeamScope } from "../../../shared/schemas/common.ts";
import { api } from "../../lib/api-client.ts";
import { kpiKeys, useInvalidateKpis } from "./kpis-api.ts";

export type {
  KpiDriverEdge,
  KpiDriverNode,
  KpiDriverTree,
  TeamDriverTree,
} from "../../../shared/schemas/kpi-drivers.ts";

/** The KPI with its drivers (downwards) and what it drives (upwards). */
export function useKpiDriverTree(slug: string, id: string) {
  return useQuery({
    queryKey: [...kpiKeys.kpi(slug, id), "driver-tree"],
    queryFn: ({ signal }) =>
      api.get("/api/orgs/{org}/kpis/{id}/driver-tree", { path: { org: slug, id }, query: {}, signal }),
  });
}

/** A team's part of the organisation's driver tree (its subtree's unless scope is team). */
export function useTeamDriverTree(slug: string, teamId: string, scope: TeamScope, enabled = true) {
  return useQuery({
    queryKey: [...kpiKeys.all(slug), "team-driver-tree", teamId, scope],
    queryFn: ({ signal }) =>
      api.get("/api/orgs/{org}/teams/{id}/driver-tree", {
        path: { org: slug, id: teamId },
        query: { scope },
        signal,
      }),
    enabled,
  });
}

/** Replaces a KPI's drivers; every KPI answer is refreshed (trees show on many pages). */
export function useSetKpiDrivers(slug: string) {
  const invalidate = useInvalidateKpis(slug);
  return useMutation({
    mutationFn: ({ kpiId, driverKpiIds }: { kpiId: string; driverKpiIds: string[] }) =>
      api.put("/api/orgs/{org}/kpis/{id}/drivers", {
        path: { org: slug, id: kpiId },
        body: { driverKpiIds },
      }),
    onSuccess: invalidate,
  });
}

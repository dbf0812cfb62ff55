import { useMutation, useQuery } from "@tanstack/react-query";
import type { ApiBody } from "../../../shared/api/client.ts";
import type { TeamScope } from "../../../shared/schemas/common.ts";
import { api } from "../../lib/api-client.ts";
import { kpiKeys, useInvalidateKpis } from "./kpis-api.ts";

export type { KpiFloor } from "../../../shared/schemas/escalations.ts";

/**
 * The KPIs a team declared "must not fall" for one cycle, each with its threshold and
 * state; with the floors of the teams below it unless `scope` is team.
 */
export function useKpiFloors(
  slug: string,
  teamId: string | null,
  cycleId: string | null,
  scope: TeamScope = "subtree",
) {
  return useQuery({
    queryKey: [...kpiKeys.floors(slug), teamId, cycleId, scope],
    queryFn: ({ signal }) =>
      api.get("/api/orgs/{org}/kpi-floors", {
        path: { org: slug },
        query: { teamId: teamId ?? "", cycleId: cycleId ?? "", scope },
        signal,
      }),
    enabled: teamId !== null && cycleId !== null,
  });
}

export type FloorInput = ApiBody<"/api/orgs/{org}/kpi-floors", "post">;
export type FloorPatch = ApiBody<"/api/orgs/{org}/kpi-floors/{id}", "patch">;

export function useCreateFloor(slug: string) {
  const invalidate = useInvalidateKpis(slug);
  return useMutation({
    mutationFn: (input: FloorInput) =>
      api.post("/api/orgs/{org}/kpi-floors", { path: { org: slug }, body: input }),
    onSuccess: invalidate,
  });
}

export function useUpdateFloor(slug: string) {
  const invalidate = useInvalidateKpis(slug);
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: FloorPatch }) =>
      api.patch("/api/orgs/{org}/kpi-floors/{id}", { path: { org: slug, id }, body: patch }),
    onSuccess: invalidate,
  });
}

export function useDeleteFloor(slug: string) {
  const invalidate = useInvalidateKpis(slug);
  return useMutation({
    mutationFn: (id: string) => api.delete("/api/orgs/{org}/kpi-floors/{id}", { path: { org: slug, id } }),
    onSuccess: invalidate,
  });
}

import { useMutation, useQuery } from "@tanstack/react-query";
import type { TeamScope } from "../../../shared/schemas/common.ts";
import type { KpiFloor } from "../../../shared/schemas/escalations.ts";
import { api, orgPath } from "../../lib/api-client.ts";
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
      api.get<{ items: KpiFloor[] }>(orgPath(slug, "/kpi-floors"), {
        query: { teamId, cycleId, scope },
        signal,
      }),
    enabled: teamId !== null && cycleId !== null,
  });
}

export type FloorInput = {
  teamId: string;
  cycleId: string;
  kpiId: string;
  ownerUserId: string;
  threshold: number;
};

export function useCreateFloor(slug: string) {
  const invalidate = useInvalidateKpis(slug);
  return useMutation({
    mutationFn: (input: FloorInput) => api.post<KpiFloor>(orgPath(slug, "/kpi-floors"), input),
    onSuccess: invalidate,
  });
}

export function useUpdateFloor(slug: string) {
  const invalidate = useInvalidateKpis(slug);
  return useMutation({
    mutationFn: ({
      id,
      patch,
    }: {
      id: string;
      patch: { version: number; ownerUserId?: string; threshold?: number };
    }) => api.patch<KpiFloor>(orgPath(slug, `/kpi-floors/${id}`), patch),
    onSuccess: invalidate,
  });
}

export function useDeleteFloor(slug: string) {
  const invalidate = useInvalidateKpis(slug);
  return useMutation({
    mutationFn: (id: string) => api.delete<KpiFloor>(orgPath(slug, `/kpi-floors/${id}`)),
    onSuccess: invalidate,
  });
}

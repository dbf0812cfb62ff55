import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiBody, ApiResponse } from "../../../shared/api/client.ts";
import { api } from "../../lib/api-client.ts";

export type StrategyMap = ApiResponse<"/api/orgs/{org}/strategy-map", "get">;
export type StrategyBoard = ApiResponse<"/api/orgs/{org}/strategy-board", "get">;
export type StrategyEdgeInput = ApiBody<"/api/orgs/{org}/strategy-map/edges", "post">;
export type MapObjective = StrategyMap["objectives"][number];
export type MapTheme = StrategyMap["themes"][number];
export type MapEdge = StrategyMap["edges"][number];

/** The map and the board read Objectives and KPIs: one area, refreshed together. */
const strategyKey = (slug: string) => ["org", slug, "strategy"] as const;

export function useStrategyMap(slug: string, cycleId: string | null) {
  return useQuery({
    queryKey: [...strategyKey(slug), "map", cycleId],
    queryFn: ({ signal }) =>
      api.get("/api/orgs/{org}/strategy-map", {
        path: { org: slug },
        query: cycleId ? { cycleId } : {},
        signal,
      }),
  });
}

export function useStrategyBoard(slug: string, cycleId: string | null) {
  return useQuery({
    queryKey: [...strategyKey(slug), "board", cycleId],
    queryFn: ({ signal }) =>
      api.get("/api/orgs/{org}/strategy-board", {
        path: { org: slug },
        query: cycleId ? { cycleId } : {},
        signal,
      }),
  });
}

function useRefreshStrategy(slug: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: strategyKey(slug) });
}

export function useAddStrategyEdge(slug: string) {
  const refresh = useRefreshStrategy(slug);
  return useMutation({
    mutationFn: (body: StrategyEdgeInput) =>
      api.post("/api/orgs/{org}/strategy-map/edges", { path: { org: slug }, body }),
    onSuccess: refresh,
  });
}

export function useRemoveStrategyEdge(slug: string) {
  const refresh = useRefreshStrategy(slug);
  return useMutation({
    mutationFn: (edgeId: string) =>
      api.delete("/api/orgs/{org}/strategy-map/edges/{edgeId}", { path: { org: slug, edgeId } }),
    onSuccess: refresh,
  });
}

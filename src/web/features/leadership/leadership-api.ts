import { queryOptions, useQuery } from "@tanstack/react-query";
import type { ApiResponse } from "../../../shared/api/client.ts";
import { api } from "../../lib/api-client.ts";
import { asOfIn } from "../../lib/as-of.ts";
import { keys } from "../../lib/query-keys.ts";

export type LeadershipFilters = {
  teamId: string | null;
  themeId: string | null;
  cycleId: string | null;
  /** A past day to show the home as it was then (docs/as-of.md); null for today. */
  asOf?: string | null;
};
export type LeadershipHome = ApiResponse<"/api/orgs/{org}/leadership-home", "get">;
export type LeadershipTeamRow = LeadershipHome["teams"][number];
export type LeadershipKpi = LeadershipHome["kpis"]["items"][number];
export type LeadershipListName = LeadershipHome["counts"]["openEscalations"]["list"];

/** Only the filters that are set: the server's defaults (whole scope, active cycle) for the rest. */
function queryOf(f: LeadershipFilters) {
  return {
    ...(f.teamId ? { teamId: f.teamId } : {}),
    ...(f.themeId ? { themeId: f.themeId } : {}),
    ...(f.cycleId ? { cycleId: f.cycleId } : {}),
    ...(f.asOf ? { asOf: f.asOf } : {}),
  };
}

const homeKey = (slug: string) => [...keys.okrs(slug), "leadership-home"] as const;

/** The leadership home with these filters. */
export function useLeadershipHome(slug: string, filters: LeadershipFilters) {
  return useQuery(leadershipHomeQuery(slug, filters));
}

/** The leadership home's query, for the hook and the routes that prefetch it. */
export function leadershipHomeQuery(slug: string, filters: LeadershipFilters) {
  return queryOptions({
    queryKey: [...homeKey(slug), filters],
    queryFn: ({ signal }) =>
      api.get("/api/orgs/{org}/leadership-home", { path: { org: slug }, query: queryOf(filters), signal }),
  });
}

/** The filters in a leadership address (?team, ?theme, ?cycle, ?asOf): the page's and its loader's. */
export function leadershipFiltersOf(params: URLSearchParams): LeadershipFilters {
  return {
    teamId: params.get("team"),
    themeId: params.get("theme"),
    cycleId: params.get("cycle"),
    asOf: asOfIn(params),
  };
}

/** The list behind one of the home's counts, with the same filters (so its length is the count). */
export function useLeadershipList(slug: string, list: LeadershipListName | null, filters: LeadershipFilters) {
  return useQuery({
    queryKey: [...homeKey(slug), "list", list, filters],
    enabled: list !== null,
    queryFn: async ({ signal }) => {
      const args = { path: { org: slug }, query: queryOf(filters), signal };
      switch (list) {
        case "escalations":
          return { list, items: (await api.get("/api/orgs/{org}/leadership-home/escalations", args)).items };
        case "flags":
          return { list, items: (await api.get("/api/orgs/{org}/leadership-home/flags", args)).items };
        case "findings":
          return { list, items: (await api.get("/api/orgs/{org}/leadership-home/findings", args)).items };
        default:
          return {
            list: "overdue-check-ins" as const,
            items: (await api.get("/api/orgs/{org}/leadership-home/overdue-check-ins", args)).items,
          };
      }
    },
  });
}

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiBody } from "../../../shared/api/client.ts";
import { api } from "../../lib/api-client.ts";
import { keys } from "../../lib/query-keys.ts";
import type { Team } from "../../lib/types.ts";
import { usePagedList } from "../../lib/use-paged-list.ts";

export type TeamInput = ApiBody<"/api/orgs/{org}/teams", "post">;
export type TeamPatch = ApiBody<"/api/orgs/{org}/teams/{id}", "patch">;

export function useTeamTree(slug: string, includeArchived = false) {
  return useQuery(teamTreeQuery(slug, includeArchived));
}

/** The team tree's query: the hook's, the routes' that prefetch it, and the one index.html may carry. */
export function teamTreeQuery(slug: string, includeArchived = false) {
  return queryOptions({
    queryKey: [...keys.teams(slug), "tree", includeArchived],
    queryFn: ({ signal }) =>
      api.get("/api/orgs/{org}/teams/tree", {
        path: { org: slug },
        query: { includeArchived: includeArchived ? "true" : "false" },
        signal,
      }),
  });
}

/** A team's members by name, in pages of 100. */
export function useTeamMembers(slug: string, teamId: string | null) {
  return usePagedList(
    keys.teamMembers(slug, teamId ?? "none"),
    "/api/orgs/{org}/teams/{id}/members",
    { path: { org: slug, id: teamId ?? "" }, query: { limit: 100 } },
    // Another team's members must never show while this team's load.
    { enabled: teamId !== null, keepPrevious: false },
  );
}

/** Every team change can alter counts, leads and the tree: refresh the whole teams area. */
function useInvalidateTeams(slug: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: keys.teams(slug) });
}

export function useCreateTeam(slug: string) {
  const invalidate = useInvalidateTeams(slug);
  return useMutation({
    mutationFn: (input: TeamInput) => api.post("/api/orgs/{org}/teams", { path: { org: slug }, body: input }),
    onSuccess: invalidate,
  });
}

export function useUpdateTeam(slug: string) {
  const invalidate = useInvalidateTeams(slug);
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: TeamPatch }) =>
      api.patch("/api/orgs/{org}/teams/{id}", { path: { org: slug, id }, body: patch }),
    onSuccess: invalidate,
  });
}

export function useAddTeamMember(slug: string, teamId: string) {
  const invalidate = useInvalidateTeams(slug);
  return useMutation({
    mutationFn: (userId: string) =>
      api.post("/api/orgs/{org}/teams/{id}/members", { path: { org: slug, id: teamId }, body: { userId } }),
    onSuccess: invalidate,
  });
}

export function useRemoveTeamMember(slug: string, teamId: string) {
  const invalidate = useInvalidateTeams(slug);
  return useMutation({
    mutationFn: (userId: string) =>
      api.delete("/api/orgs/{org}/teams/{id}/members/{userId}", { path: { org: slug, id: teamId, userId } }),
    onSuccess: invalidate,
  });
}

export const methodologyLabels: Record<Team["methodology"], string> = {
  okr: "OKRs",
  kpi: "KPIs",
  both: "OKRs + KPIs",
};

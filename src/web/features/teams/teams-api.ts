import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, orgPath } from "../../lib/api-client.ts";
import { keys } from "../../lib/query-keys.ts";
import type { Page, Team, TeamMember, TeamNode } from "../../lib/types.ts";
import { usePagedList } from "../../lib/use-paged-list.ts";

export type TeamInput = {
  name: string;
  parentId: string | null;
  kind: string;
  methodology: Team["methodology"];
  leadUserId: string | null;
};

export type TeamPatch = Partial<TeamInput> & { version: number; archived?: boolean };

export function useTeamTree(slug: string, includeArchived = false) {
  return useQuery({
    queryKey: [...keys.teams(slug), "tree", includeArchived],
    queryFn: ({ signal }) =>
      api.get<{ roots: TeamNode[] }>(orgPath(slug, "/teams/tree"), {
        query: { includeArchived: includeArchived ? "true" : "false" },
        signal,
      }),
  });
}

/** A team's members by name, in pages of 100. */
export function useTeamMembers(slug: string, teamId: string | null) {
  return usePagedList<TeamMember>(
    keys.teamMembers(slug, teamId ?? "none"),
    orgPath(slug, `/teams/${teamId}/members`),
    { limit: 100 },
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
    mutationFn: (input: TeamInput) => api.post<Team>(orgPath(slug, "/teams"), input),
    onSuccess: invalidate,
  });
}

export function useUpdateTeam(slug: string) {
  const invalidate = useInvalidateTeams(slug);
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: TeamPatch }) =>
      api.patch<Team>(orgPath(slug, `/teams/${id}`), patch),
    onSuccess: invalidate,
  });
}

export function useAddTeamMember(slug: string, teamId: string) {
  const invalidate = useInvalidateTeams(slug);
  return useMutation({
    mutationFn: (userId: string) =>
      api.post<Page<TeamMember>>(orgPath(slug, `/teams/${teamId}/members`), { userId }),
    onSuccess: invalidate,
  });
}

export function useRemoveTeamMember(slug: string, teamId: string) {
  const invalidate = useInvalidateTeams(slug);
  return useMutation({
    mutationFn: (userId: string) =>
      api.delete<Page<TeamMember>>(orgPath(slug, `/teams/${teamId}/members/${userId}`)),
    onSuccess: invalidate,
  });
}

export const methodologyLabels: Record<Team["methodology"], string> = {
  okr: "OKRs",
  kpi: "KPIs",
  both: "OKRs + KPIs",
};

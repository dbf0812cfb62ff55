import { useQuery } from "@tanstack/react-query";
import { api } from "../../lib/api-client.ts";
import { keys } from "../../lib/query-keys.ts";

/** A team's KRs in running cycles with whether their weekly check-in is due or overdue. */
export function useTeamCheckIns(slug: string, teamId: string | null) {
  return useQuery({
    queryKey: [...keys.okrs(slug), "team-check-ins", teamId],
    queryFn: ({ signal }) =>
      api.get("/api/orgs/{org}/teams/{id}/check-ins", { path: { org: slug, id: teamId ?? "" }, signal }),
    enabled: teamId !== null,
  });
}

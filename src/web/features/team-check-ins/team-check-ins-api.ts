import { useQuery } from "@tanstack/react-query";
import { api, orgPath } from "../../lib/api-client.ts";
import { keys } from "../../lib/query-keys.ts";
import type { TeamCheckIn } from "../../lib/types.ts";

/** A team's KRs in running cycles with whether their weekly check-in is due or overdue. */
export function useTeamCheckIns(slug: string, teamId: string | null) {
  return useQuery({
    queryKey: [...keys.okrs(slug), "team-check-ins", teamId],
    queryFn: ({ signal }) =>
      api.get<{ items: TeamCheckIn[] }>(orgPath(slug, `/teams/${teamId}/check-ins`), { signal }),
    enabled: teamId !== null,
  });
}

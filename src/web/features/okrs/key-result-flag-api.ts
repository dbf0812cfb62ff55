import { useMutation, useQuery } from "@tanstack/react-query";
import { api } from "../../lib/api-client.ts";
import { keys } from "../../lib/query-keys.ts";
import { useInvalidateOkrs } from "./okrs-api.ts";

/** Resolves a KR's open risk flag with a note; the KR, its Objective and team lists follow. */
export function useResolveFlag(slug: string) {
  const invalidate = useInvalidateOkrs(slug);
  return useMutation({
    mutationFn: ({ keyResultId, note }: { keyResultId: string; note: string }) =>
      api.post("/api/orgs/{org}/key-results/{keyResultId}/flag/resolve", {
        path: { org: slug, keyResultId },
        body: { note },
      }),
    onSuccess: invalidate,
  });
}

/** Open risk flags of a team and the teams below it. */
export function useTeamFlags(slug: string, teamId: string) {
  return useQuery({
    queryKey: [...keys.okrs(slug), "team-flags", teamId],
    queryFn: ({ signal }) =>
      api.get("/api/orgs/{org}/teams/{id}/flags", { path: { org: slug, id: teamId }, signal }),
  });
}

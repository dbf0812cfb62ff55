import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, orgPath } from "../../lib/api-client.ts";
import { keys } from "../../lib/query-keys.ts";
import type { CreatedInvitation, Invitation, Role } from "../../lib/types.ts";
import { usePagedList } from "../../lib/use-paged-list.ts";

/** Invitations, newest first; `q` searches the email. */
export function useInvitations(slug: string, q: string) {
  return usePagedList<Invitation>(keys.invitations(slug), orgPath(slug, "/invitations"), { q, limit: 50 });
}

export function useCreateInvitation(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; role: Role; expiresInDays: number }) =>
      api.post<CreatedInvitation>(orgPath(slug, "/invitations"), input),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.invitations(slug) }),
  });
}

export function useRevokeInvitation(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<Invitation>(orgPath(slug, `/invitations/${id}`)),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.invitations(slug) }),
  });
}

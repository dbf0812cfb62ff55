import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiBody } from "../../../shared/api/client.ts";
import { api } from "../../lib/api-client.ts";
import { keys } from "../../lib/query-keys.ts";
import { usePagedList } from "../../lib/use-paged-list.ts";

/** Invitations, newest first; `q` searches the email. */
export function useInvitations(slug: string, q: string) {
  return usePagedList(keys.invitations(slug), "/api/orgs/{org}/invitations", {
    path: { org: slug },
    query: { q, limit: 50 },
  });
}

export type InvitationInput = ApiBody<"/api/orgs/{org}/invitations", "post">;

export function useCreateInvitation(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: InvitationInput) =>
      api.post("/api/orgs/{org}/invitations", { path: { org: slug }, body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.invitations(slug) }),
  });
}

export function useRevokeInvitation(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete("/api/orgs/{org}/invitations/{id}", { path: { org: slug, id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.invitations(slug) }),
  });
}

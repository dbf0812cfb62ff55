import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiBody } from "../../../shared/api/client.ts";
import { api } from "../../lib/api-client.ts";
import { keys } from "../../lib/query-keys.ts";
import { usePagedList } from "../../lib/use-paged-list.ts";

/** Admins see every token of the organisation; others only their own personal ones. */
export function useTokens(slug: string, q: string) {
  return usePagedList(keys.tokens(slug), "/api/orgs/{org}/tokens", {
    path: { org: slug },
    query: { q, limit: 50 },
  });
}

export type TokenInput = ApiBody<"/api/orgs/{org}/tokens", "post">;

export function useCreateToken(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TokenInput) =>
      api.post("/api/orgs/{org}/tokens", { path: { org: slug }, body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.tokens(slug) }),
  });
}

export function useRevokeToken(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete("/api/orgs/{org}/tokens/{id}", { path: { org: slug, id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.tokens(slug) }),
  });
}

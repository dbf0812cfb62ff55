import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, orgPath } from "../../lib/api-client.ts";
import { keys } from "../../lib/query-keys.ts";
import type { CreatedToken, Role, Token } from "../../lib/types.ts";
import { usePagedList } from "../../lib/use-paged-list.ts";

/** Admins see every token of the organisation; others only their own personal ones. */
export function useTokens(slug: string, q: string) {
  return usePagedList<Token>(keys.tokens(slug), orgPath(slug, "/tokens"), { q, limit: 50 });
}

export function useCreateToken(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { kind: Token["kind"]; name: string; role: Role }) =>
      api.post<CreatedToken>(orgPath(slug, "/tokens"), input),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.tokens(slug) }),
  });
}

export function useRevokeToken(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<Token>(orgPath(slug, `/tokens/${id}`)),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.tokens(slug) }),
  });
}

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiBody } from "../../../shared/api/client.ts";
import { api } from "../../lib/api-client.ts";
import { keys } from "../../lib/query-keys.ts";
import { pagedListQuery, usePagedList } from "../../lib/use-paged-list.ts";

/** Themes in their set order; `q` searches the name. */
export function useThemes(slug: string, q: string) {
  return usePagedList(keys.themes(slug), "/api/orgs/{org}/themes", {
    path: { org: slug },
    query: { q, limit: 100 },
  });
}

/** The first page of useThemes, for a route that prefetches it. */
export function themesQuery(slug: string, q: string) {
  return pagedListQuery(keys.themes(slug), "/api/orgs/{org}/themes", {
    path: { org: slug },
    query: { q, limit: 100 },
  });
}

export type ThemeInput = ApiBody<"/api/orgs/{org}/themes", "post">;
export type ThemePatch = ApiBody<"/api/orgs/{org}/themes/{id}", "patch">;

export function useCreateTheme(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ThemeInput) =>
      api.post("/api/orgs/{org}/themes", { path: { org: slug }, body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.themes(slug) }),
  });
}

export function useUpdateTheme(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: ThemePatch }) =>
      api.patch("/api/orgs/{org}/themes/{id}", { path: { org: slug, id }, body: patch }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.themes(slug) }),
  });
}

/** The Balanced Scorecard perspective a default theme stands for. */
export const perspectiveLabels: Record<string, string> = {
  financial: "Financial",
  customer: "Customer",
  internal_process: "Internal process",
  learning_growth: "Learning & growth",
};

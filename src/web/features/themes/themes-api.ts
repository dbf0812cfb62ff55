import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, orgPath } from "../../lib/api-client.ts";
import { keys } from "../../lib/query-keys.ts";
import type { Theme } from "../../lib/types.ts";
import { usePagedList } from "../../lib/use-paged-list.ts";

/** Themes in their set order; `q` searches the name. */
export function useThemes(slug: string, q: string) {
  return usePagedList<Theme>(keys.themes(slug), orgPath(slug, "/themes"), { q, limit: 100 });
}

export type ThemePatch = { version: number; name?: string; description?: string; archived?: boolean };

export function useCreateTheme(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; description: string }) =>
      api.post<Theme>(orgPath(slug, "/themes"), input),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.themes(slug) }),
  });
}

export function useUpdateTheme(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: ThemePatch }) =>
      api.patch<Theme>(orgPath(slug, `/themes/${id}`), patch),
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

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiBody } from "../../../shared/api/client.ts";
import { api } from "../../lib/api-client.ts";
import { keys } from "../../lib/query-keys.ts";
import type { CycleState } from "../../lib/types.ts";
import { pagedListQuery, usePagedList } from "../../lib/use-paged-list.ts";

/** Cycles, newest first, searchable by name. */
export function useCycles(slug: string, q = "", limit = 50) {
  return usePagedList(keys.cycles(slug), "/api/orgs/{org}/cycles", {
    path: { org: slug },
    query: { q, limit },
  });
}

/** The first page of useCycles, for a route that prefetches it. */
export function cyclesQuery(slug: string, q = "", limit = 50) {
  return pagedListQuery(keys.cycles(slug), "/api/orgs/{org}/cycles", {
    path: { org: slug },
    query: { q, limit },
  });
}

export type CycleInput = ApiBody<"/api/orgs/{org}/cycles", "post">;
export type CyclePatch = ApiBody<"/api/orgs/{org}/cycles/{id}", "patch">;
export type GenerateCyclesInput = ApiBody<"/api/orgs/{org}/cycles/generate", "post">;

function useInvalidateCycles(slug: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: keys.cycles(slug) });
}

export function useCreateCycle(slug: string) {
  const invalidate = useInvalidateCycles(slug);
  return useMutation({
    mutationFn: (input: CycleInput) =>
      api.post("/api/orgs/{org}/cycles", { path: { org: slug }, body: input }),
    onSuccess: invalidate,
  });
}

export function useGenerateCycles(slug: string) {
  const invalidate = useInvalidateCycles(slug);
  return useMutation({
    mutationFn: (input: GenerateCyclesInput) =>
      api.post("/api/orgs/{org}/cycles/generate", { path: { org: slug }, body: input }),
    onSuccess: invalidate,
  });
}

export function useUpdateCycle(slug: string) {
  const invalidate = useInvalidateCycles(slug);
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: CyclePatch }) =>
      api.patch("/api/orgs/{org}/cycles/{id}", { path: { org: slug, id }, body: patch }),
    onSuccess: invalidate,
  });
}

/** The button that moves a cycle from one state to another, in words. */
export function transitionLabel(from: CycleState, to: CycleState): string {
  if (from === "closed" && to === "grading") return "Reopen for grading…";
  if (to === "active") return from === "planning" ? "Start" : "Back to active";
  if (to === "grading") return "Start grading";
  if (to === "closed") return "Close cycle";
  return "Back to planning";
}

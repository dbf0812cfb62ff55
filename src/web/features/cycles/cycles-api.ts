import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, orgPath } from "../../lib/api-client.ts";
import { keys } from "../../lib/query-keys.ts";
import type { Cycle, CycleState, Page } from "../../lib/types.ts";
import { usePagedList } from "../../lib/use-paged-list.ts";

/** Cycles, newest first, searchable by name. */
export function useCycles(slug: string, q = "", limit = 50) {
  return usePagedList<Cycle>(keys.cycles(slug), orgPath(slug, "/cycles"), { q, limit });
}

export type CyclePatch = {
  version: number;
  name?: string;
  startsOn?: string;
  endsOn?: string;
  state?: CycleState;
  reason?: string;
};

function useInvalidateCycles(slug: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: keys.cycles(slug) });
}

export function useCreateCycle(slug: string) {
  const invalidate = useInvalidateCycles(slug);
  return useMutation({
    mutationFn: (input: { name: string; startsOn: string; endsOn: string }) =>
      api.post<Cycle>(orgPath(slug, "/cycles"), input),
    onSuccess: invalidate,
  });
}

export function useGenerateCycles(slug: string) {
  const invalidate = useInvalidateCycles(slug);
  return useMutation({
    mutationFn: (input: { fiscalYear: number; includePast: boolean }) =>
      api.post<Page<Cycle>>(orgPath(slug, "/cycles/generate"), input),
    onSuccess: invalidate,
  });
}

export function useUpdateCycle(slug: string) {
  const invalidate = useInvalidateCycles(slug);
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: CyclePatch }) =>
      api.patch<Cycle>(orgPath(slug, `/cycles/${id}`), patch),
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

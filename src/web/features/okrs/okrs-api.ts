import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiBody, ApiQuery } from "../../../shared/api/client.ts";
import { api, getAllPages } from "../../lib/api-client.ts";
import { keys } from "../../lib/query-keys.ts";
import type { Objective } from "../../lib/types.ts";

/** The Objective form sends every field, defaults included. */
export type ObjectiveInput = Required<ApiBody<"/api/orgs/{org}/objectives", "post">>;
export type KeyResultInput = ApiBody<"/api/orgs/{org}/objectives/{id}/key-results", "post">;
export type ObjectivePatch = ApiBody<"/api/orgs/{org}/objectives/{id}", "patch">;
export type KeyResultPatch = ApiBody<"/api/orgs/{org}/key-results/{keyResultId}", "patch">;
export type Commitment = NonNullable<KeyResultInput["commitment"]>;
export type Visibility = NonNullable<ObjectiveInput["visibility"]>;
export type ObjectiveFilter = Omit<ApiQuery<"/api/orgs/{org}/objectives">, "limit">;

/** A cycle's (and optionally a team's) Objectives with their KRs, progress and status. */
export function useObjectives(slug: string, filter: ObjectiveFilter, enabled = true) {
  return useQuery({
    queryKey: [...keys.okrs(slug), "objectives", filter],
    queryFn: ({ signal }) =>
      getAllPages("/api/orgs/{org}/objectives", { path: { org: slug }, query: filter, signal }),
    enabled,
  });
}

/** The team's OKR health in a cycle, computed by the server from its Objectives. */
export function useTeamHealth(slug: string, teamId: string | null, cycleId: string | null) {
  return useQuery({
    queryKey: [...keys.okrs(slug), "team-health", teamId, cycleId],
    queryFn: ({ signal }) =>
      api.get("/api/orgs/{org}/teams/{id}/okr-health", {
        path: { org: slug, id: teamId ?? "" },
        query: { cycleId: cycleId ?? "" },
        signal,
      }),
    enabled: teamId !== null && cycleId !== null,
  });
}

export function useObjective(slug: string, id: string) {
  return useQuery({
    queryKey: [...keys.okrs(slug), "objective", id],
    queryFn: ({ signal }) => api.get("/api/orgs/{org}/objectives/{id}", { path: { org: slug, id }, signal }),
  });
}

/** The alignment tree of a cycle, from company Objectives down (optionally below one team's). */
export function useAlignment(slug: string, cycleId: string | null, teamId?: string | null) {
  return useQuery({
    queryKey: [...keys.okrs(slug), "alignment", cycleId, teamId ?? null],
    queryFn: ({ signal }) =>
      api.get("/api/orgs/{org}/alignment", {
        path: { org: slug },
        query: { cycleId: cycleId ?? "", teamId: teamId ?? undefined },
        signal,
      }),
    enabled: cycleId !== null,
  });
}

/**
 * Any OKR change moves progress, statuses, aligned progress and the check-in list:
 * refresh the whole OKR area (and the cycles, whose state grading changes).
 */
export function useInvalidateOkrs(slug: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: keys.okrs(slug) });
}

export function useCreateObjective(slug: string) {
  const invalidate = useInvalidateOkrs(slug);
  return useMutation({
    mutationFn: (input: ObjectiveInput) =>
      api.post("/api/orgs/{org}/objectives", { path: { org: slug }, body: input }),
    onSuccess: invalidate,
  });
}

export function useUpdateObjective(slug: string) {
  const invalidate = useInvalidateOkrs(slug);
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: ObjectivePatch }) =>
      api.patch("/api/orgs/{org}/objectives/{id}", { path: { org: slug, id }, body: patch }),
    onSuccess: invalidate,
  });
}

/**
 * Saves an edited Objective in the API's steps: its own fields, then each KR (new ones
 * added, changed ones patched, removed ones archived). Stops at the first refusal, so
 * the form can show it; what was saved before stays saved (and the page reloads it).
 */
export function useSaveObjectiveEdits(slug: string) {
  const invalidate = useInvalidateOkrs(slug);
  return useMutation({
    mutationFn: async (input: {
      id: string;
      patch: ObjectivePatch | null;
      added: KeyResultInput[];
      changed: Array<{ id: string; patch: KeyResultPatch }>;
    }) => {
      let latest: Objective | null = null;
      if (input.patch)
        latest = await api.patch("/api/orgs/{org}/objectives/{id}", {
          path: { org: slug, id: input.id },
          body: input.patch,
        });
      for (const kr of input.changed) {
        latest = await api.patch("/api/orgs/{org}/key-results/{keyResultId}", {
          path: { org: slug, keyResultId: kr.id },
          body: kr.patch,
        });
      }
      for (const kr of input.added) {
        latest = await api.post("/api/orgs/{org}/objectives/{id}/key-results", {
          path: { org: slug, id: input.id },
          body: kr,
        });
      }
      return latest;
    },
    onSettled: invalidate,
  });
}

/** Patches one KR; answers its Objective as it now is. */
export function useUpdateKeyResult(slug: string) {
  const invalidate = useInvalidateOkrs(slug);
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: KeyResultPatch }) =>
      api.patch("/api/orgs/{org}/key-results/{keyResultId}", {
        path: { org: slug, keyResultId: id },
        body: patch,
      }),
    onSuccess: invalidate,
  });
}

export function useSetParents(slug: string) {
  const invalidate = useInvalidateOkrs(slug);
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: { id: string } & ApiBody<"/api/orgs/{org}/objectives/{id}/parents", "put">) =>
      api.put("/api/orgs/{org}/objectives/{id}/parents", { path: { org: slug, id }, body }),
    onSuccess: invalidate,
  });
}

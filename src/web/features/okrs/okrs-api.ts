import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TeamHealthOut } from "../../../shared/schemas/okrs.ts";
import { api, getAllPages, orgPath } from "../../lib/api-client.ts";
import { keys } from "../../lib/query-keys.ts";
import type { AlignmentNode, KeyResultKind, Objective } from "../../lib/types.ts";

export type KeyResultInput = {
  title: string;
  kind: KeyResultKind;
  ownerUserId?: string | null;
  startValue?: number | null;
  targetValue?: number | null;
  unit?: string;
  weight?: number;
  commitment?: Commitment;
  contributorUserIds?: string[];
};

export type Commitment = "committed" | "aspirational";
export type Visibility = "organization" | "team";

export type ObjectiveInput = {
  cycleId: string;
  teamId: string | null;
  ownerUserId: string | null;
  title: string;
  description: string;
  themeId: string | null;
  visibility: Visibility;
  keyResults: KeyResultInput[];
};

export type ObjectivePatch = {
  version: number;
  title?: string;
  description?: string;
  teamId?: string | null;
  ownerUserId?: string | null;
  themeId?: string | null;
  visibility?: Visibility;
  state?: "draft" | "active";
  archived?: boolean;
  position?: number;
};

export type KeyResultPatch = Partial<Omit<KeyResultInput, "kind">> & {
  version: number;
  archived?: boolean;
  position?: number;
};

export type ObjectiveFilter = {
  cycleId?: string | undefined;
  teamId?: string | undefined;
  includeArchived?: "true" | undefined;
};

/** A cycle's (and optionally a team's) Objectives with their KRs, progress and status. */
export function useObjectives(slug: string, filter: ObjectiveFilter, enabled = true) {
  return useQuery({
    queryKey: [...keys.okrs(slug), "objectives", filter],
    queryFn: ({ signal }) => getAllPages<Objective>(orgPath(slug, "/objectives"), { query: filter, signal }),
    enabled,
  });
}

/** The team's OKR health in a cycle, computed by the server from its Objectives. */
export function useTeamHealth(slug: string, teamId: string | null, cycleId: string | null) {
  return useQuery({
    queryKey: [...keys.okrs(slug), "team-health", teamId, cycleId],
    queryFn: ({ signal }) =>
      api.get<TeamHealthOut>(orgPath(slug, `/teams/${teamId}/okr-health`), {
        query: { cycleId: cycleId ?? undefined },
        signal,
      }),
    enabled: teamId !== null && cycleId !== null,
  });
}

export function useObjective(slug: string, id: string) {
  return useQuery({
    queryKey: [...keys.okrs(slug), "objective", id],
    queryFn: ({ signal }) => api.get<Objective>(orgPath(slug, `/objectives/${id}`), { signal }),
  });
}

/** The alignment tree of a cycle, from company Objectives down (optionally below one team's). */
export function useAlignment(slug: string, cycleId: string | null, teamId?: string | null) {
  return useQuery({
    queryKey: [...keys.okrs(slug), "alignment", cycleId, teamId ?? null],
    queryFn: ({ signal }) =>
      api.get<{ roots: AlignmentNode[] }>(orgPath(slug, "/alignment"), {
        query: { cycleId, teamId },
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
    mutationFn: (input: ObjectiveInput) => api.post<Objective>(orgPath(slug, "/objectives"), input),
    onSuccess: invalidate,
  });
}

export function useUpdateObjective(slug: string) {
  const invalidate = useInvalidateOkrs(slug);
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: ObjectivePatch }) =>
      api.patch<Objective>(orgPath(slug, `/objectives/${id}`), patch),
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
        latest = await api.patch<Objective>(orgPath(slug, `/objectives/${input.id}`), input.patch);
      for (const kr of input.changed) {
        latest = await api.patch<Objective>(orgPath(slug, `/key-results/${kr.id}`), kr.patch);
      }
      for (const kr of input.added) {
        latest = await api.post<Objective>(orgPath(slug, `/objectives/${input.id}/key-results`), kr);
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
      api.patch<Objective>(orgPath(slug, `/key-results/${id}`), patch),
    onSuccess: invalidate,
  });
}

export function useSetParents(slug: string) {
  const invalidate = useInvalidateOkrs(slug);
  return useMutation({
    mutationFn: ({
      id,
      version,
      parents,
    }: {
      id: string;
      version: number;
      parents: Array<{ objectiveId: string; weight: number }>;
    }) => api.put<Objective>(orgPath(slug, `/objectives/${id}/parents`), { version, parents }),
    onSuccess: invalidate,
  });
}

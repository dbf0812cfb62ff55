import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, orgPath } from "../../lib/api-client.ts";
import { keys } from "../../lib/query-keys.ts";
import type { Cycle, CycleReport, CycleState, Objective, ObjectiveOutcome } from "../../lib/types.ts";

export type ScoreInput = { keyResultId: string; version: number; finalScore: number; scoreComment?: string };
export type GradeInput = {
  objectiveId: string;
  outcome: ObjectiveOutcome;
  retrospective?: string;
  grade?: number;
};

/** Grading touches Objectives, the report and (for state changes) the cycles: refresh all. */
function useInvalidateGrading(slug: string) {
  const client = useQueryClient();
  // Returned, so a mutation resolves once the pages show the new state.
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: keys.okrs(slug) }),
      client.invalidateQueries({ queryKey: keys.cycles(slug) }),
    ]);
}

export function useCycle(slug: string, id: string) {
  return useQuery({
    queryKey: [...keys.cycles(slug), "one", id],
    queryFn: ({ signal }) => api.get<Cycle>(orgPath(slug, `/cycles/${id}`), { signal }),
  });
}

export function useCycleReport(slug: string, cycleId: string, enabled = true) {
  return useQuery({
    queryKey: [...keys.okrs(slug), "report", cycleId],
    queryFn: ({ signal }) => api.get<CycleReport>(orgPath(slug, `/cycles/${cycleId}/report`), { signal }),
    enabled,
  });
}

/** Moves the cycle (grading, closed); the OKRs' states follow it on the server. */
export function useMoveCycle(slug: string) {
  const invalidate = useInvalidateGrading(slug);
  return useMutation({
    mutationFn: ({ cycle, state }: { cycle: Cycle; state: CycleState }) =>
      api.patch<Cycle>(orgPath(slug, `/cycles/${cycle.id}`), { version: cycle.version, state }),
    onSuccess: invalidate,
  });
}

export type GradingSave = { objective: Objective; scores: ScoreInput[]; grade: GradeInput | null };

/**
 * Saves one Objective's grading: each KR score that changed (each answer carries the
 * Objective's new version), then the outcome and retrospective with the latest version.
 */
async function saveGrading(slug: string, input: GradingSave): Promise<Objective> {
  let latest = input.objective;
  for (const s of input.scores) {
    latest = await api.put<Objective>(orgPath(slug, `/key-results/${s.keyResultId}/score`), {
      version: s.version,
      finalScore: s.finalScore,
      ...(s.scoreComment ? { scoreComment: s.scoreComment } : {}),
    });
  }
  if (input.grade) {
    const { objectiveId, ...body } = input.grade;
    latest = await api.put<Objective>(orgPath(slug, `/objectives/${objectiveId}/grade`), {
      version: latest.version,
      ...body,
    });
  }
  return latest;
}

export function useSaveGrading(slug: string) {
  const invalidate = useInvalidateGrading(slug);
  return useMutation({ mutationFn: (input: GradingSave) => saveGrading(slug, input), onSettled: invalidate });
}

/** Many Objectives' gradings (the wizard's "Save scores"); one refusal does not stop the others. */
export function useSaveGradings(slug: string) {
  const invalidate = useInvalidateGrading(slug);
  return useMutation({
    mutationFn: async (inputs: GradingSave[]) => {
      const out: Array<{ objectiveId: string; error: Error | null }> = [];
      for (const input of inputs) {
        try {
          await saveGrading(slug, input);
          out.push({ objectiveId: input.objective.id, error: null });
        } catch (err) {
          out.push({ objectiveId: input.objective.id, error: err as Error });
        }
      }
      return out;
    },
    onSettled: invalidate,
  });
}

export function useRollOver(slug: string) {
  const invalidate = useInvalidateGrading(slug);
  return useMutation({
    mutationFn: async ({ objectiveIds, cycleId }: { objectiveIds: string[]; cycleId: string }) => {
      const created: Objective[] = [];
      for (const id of objectiveIds) {
        created.push(await api.post<Objective>(orgPath(slug, `/objectives/${id}/roll-over`), { cycleId }));
      }
      return created;
    },
    onSettled: invalidate,
  });
}

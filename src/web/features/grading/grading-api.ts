import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiBody } from "../../../shared/api/client.ts";
import { api } from "../../lib/api-client.ts";
import { keys } from "../../lib/query-keys.ts";
import type { Cycle, CycleState, Objective } from "../../lib/types.ts";

export type ScoreInput = { keyResultId: string } & ApiBody<
  "/api/orgs/{org}/key-results/{keyResultId}/score",
  "put"
>;
/** The Objective's version is the one its last score answered with, so it is added when saving. */
export type GradeInput = { objectiveId: string } & Omit<
  ApiBody<"/api/orgs/{org}/objectives/{id}/grade", "put">,
  "version"
>;

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
    queryFn: ({ signal }) => api.get("/api/orgs/{org}/cycles/{id}", { path: { org: slug, id }, signal }),
  });
}

export function useCycleReport(slug: string, cycleId: string, enabled = true) {
  return useQuery({
    queryKey: [...keys.okrs(slug), "report", cycleId],
    queryFn: ({ signal }) =>
      api.get("/api/orgs/{org}/cycles/{id}/report", { path: { org: slug, id: cycleId }, signal }),
    enabled,
  });
}

/** Moves the cycle (grading, closed); the OKRs' states follow it on the server. */
export function useMoveCycle(slug: string) {
  const invalidate = useInvalidateGrading(slug);
  return useMutation({
    mutationFn: ({ cycle, state }: { cycle: Cycle; state: CycleState }) =>
      api.patch("/api/orgs/{org}/cycles/{id}", {
        path: { org: slug, id: cycle.id },
        body: { version: cycle.version, state },
      }),
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
    latest = await api.put("/api/orgs/{org}/key-results/{keyResultId}/score", {
      path: { org: slug, keyResultId: s.keyResultId },
      body: {
        version: s.version,
        finalScore: s.finalScore,
        ...(s.scoreComment ? { scoreComment: s.scoreComment } : {}),
      },
    });
  }
  if (input.grade) {
    const { objectiveId, ...body } = input.grade;
    latest = await api.put("/api/orgs/{org}/objectives/{id}/grade", {
      path: { org: slug, id: objectiveId },
      body: { version: latest.version, ...body },
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
        created.push(
          await api.post("/api/orgs/{org}/objectives/{id}/roll-over", {
            path: { org: slug, id },
            body: { cycleId },
          }),
        );
      }
      return created;
    },
    onSettled: invalidate,
  });
}

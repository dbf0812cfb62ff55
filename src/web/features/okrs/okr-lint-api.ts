import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiResponse } from "../../../shared/api/client.ts";
import { api } from "../../lib/api-client.ts";
import { keys } from "../../lib/query-keys.ts";
import type { LintBody } from "./lint-draft.ts";

/** How long typing must pause before the draft is linted again. */
const LINT_PAUSE_MS = 350;

/**
 * The OKR linter's findings on a draft as the user types: asked again once typing pauses,
 * keeping the last answer on screen meanwhile so findings do not flicker.
 */
export function useDraftFindings(slug: string, body: LintBody, enabled: boolean) {
  const [settled] = useDebouncedValue(JSON.stringify(body), LINT_PAUSE_MS);
  return useQuery({
    queryKey: [...keys.okrs(slug), "lint", settled],
    queryFn: ({ signal }) =>
      api.post("/api/orgs/{org}/lint", {
        path: { org: slug },
        body: JSON.parse(settled) as LintBody,
        signal,
      }),
    enabled: enabled && settled !== "",
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** The health check: a cycle's (and team's) Objectives with their findings. */
export function useHealthCheck(slug: string, cycleId: string | null, teamId: string | null) {
  return useQuery({
    queryKey: [...keys.okrs(slug), "health-check", cycleId, teamId],
    queryFn: ({ signal }) =>
      api.get("/api/orgs/{org}/health-check", {
        path: { org: slug },
        query: { cycleId: cycleId as string, ...(teamId ? { teamId } : {}) },
        signal,
      }),
    enabled: cycleId !== null,
  });
}

type FindingKey = { objectiveId: string; rule: LintRule; keyResultId: string | null };
type LintRule = LintBodyFinding["rule"];
type LintBodyFinding = ApiResponse<"/api/orgs/{org}/lint", "post">["findings"][number];

/** Dismiss a finding with a reason, or reopen it; both refresh the OKR pages. */
export function useFindingStanding(slug: string) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: keys.okrs(slug) });
  const dismiss = useMutation({
    mutationFn: ({ objectiveId, ...body }: FindingKey & { reason: string }) =>
      api.post("/api/orgs/{org}/objectives/{id}/findings/dismissals", {
        path: { org: slug, id: objectiveId },
        body,
      }),
    onSuccess: refresh,
  });
  const reopen = useMutation({
    mutationFn: ({ objectiveId, ...body }: FindingKey) =>
      api.post("/api/orgs/{org}/objectives/{id}/findings/reopen", {
        path: { org: slug, id: objectiveId },
        body,
      }),
    onSuccess: refresh,
  });
  return { dismiss, reopen };
}

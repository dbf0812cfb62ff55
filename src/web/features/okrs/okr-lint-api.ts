import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
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

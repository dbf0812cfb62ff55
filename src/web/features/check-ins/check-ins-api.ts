import { useMutation, useQueries, useQuery } from "@tanstack/react-query";
import type { ApiBody } from "../../../shared/api/client.ts";
import { api } from "../../lib/api-client.ts";
import { keys } from "../../lib/query-keys.ts";
import type { CheckIn } from "../../lib/types.ts";
import { useInvalidateOkrs } from "../okrs/okrs-api.ts";

export type CheckInInput = ApiBody<"/api/orgs/{org}/key-results/{keyResultId}/check-ins", "post">;
export type CheckInPatch = ApiBody<"/api/orgs/{org}/check-ins/{checkInId}", "patch">;

/** Every KR I own or contribute to in running cycles, with whether a check-in is due. */
export function useMyCheckIns(slug: string) {
  return useQuery({
    queryKey: [...keys.okrs(slug), "my-check-ins"],
    queryFn: ({ signal }) => api.get("/api/orgs/{org}/my/check-ins", { path: { org: slug }, signal }),
  });
}

function historyQuery(slug: string, keyResultId: string) {
  return {
    queryKey: [...keys.okrs(slug), "check-ins", keyResultId],
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get("/api/orgs/{org}/key-results/{keyResultId}/check-ins", {
        path: { org: slug, keyResultId },
        query: { limit: 200 },
        signal,
      }),
  };
}

/** The check-in histories of several KRs (an Objective's), newest first each. */
export function useCheckInHistories(slug: string, keyResultIds: string[]) {
  return useQueries({ queries: keyResultIds.map((id) => historyQuery(slug, id)) });
}

export function useCreateCheckIn(slug: string) {
  const invalidate = useInvalidateOkrs(slug);
  return useMutation({
    mutationFn: ({ keyResultId, input }: { keyResultId: string; input: CheckInInput }) =>
      api.post("/api/orgs/{org}/key-results/{keyResultId}/check-ins", {
        path: { org: slug, keyResultId },
        body: input,
      }),
    onSuccess: invalidate,
  });
}

/**
 * Several check-ins in one go (the weekly form). Each is its own request: one refusal
 * does not lose the others, and the form keeps the rows that failed, with their errors.
 */
export function useCreateCheckIns(slug: string) {
  const invalidate = useInvalidateOkrs(slug);
  return useMutation({
    mutationFn: async (rows: Array<{ keyResultId: string; input: CheckInInput }>) => {
      // One after the other: a handful of rows, and the server handles them in order anyway.
      const out: Array<
        { keyResultId: string; ok: true; checkIn: CheckIn } | { keyResultId: string; ok: false; error: Error }
      > = [];
      for (const r of rows) {
        try {
          const checkIn = await api.post("/api/orgs/{org}/key-results/{keyResultId}/check-ins", {
            path: { org: slug, keyResultId: r.keyResultId },
            body: r.input,
          });
          out.push({ keyResultId: r.keyResultId, ok: true, checkIn });
        } catch (err) {
          out.push({ keyResultId: r.keyResultId, ok: false, error: err as Error });
        }
      }
      return out;
    },
    onSettled: invalidate,
  });
}

export function useEditCheckIn(slug: string) {
  const invalidate = useInvalidateOkrs(slug);
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: CheckInPatch }) =>
      api.patch("/api/orgs/{org}/check-ins/{checkInId}", { path: { org: slug, checkInId: id }, body: patch }),
    onSuccess: invalidate,
  });
}

/** Check-ins can be corrected by their author for 24 hours (the server's rule). */
export const CHECK_IN_EDIT_WINDOW_MS = 24 * 3600_000;

export function isEditable(checkIn: CheckIn, userId: string, now = Date.now()): boolean {
  return checkIn.authorUserId === userId && now - Date.parse(checkIn.createdAt) < CHECK_IN_EDIT_WINDOW_MS;
}

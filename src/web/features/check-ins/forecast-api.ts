import { useQuery } from "@tanstack/react-query";
import { api } from "../../lib/api-client.ts";
import { keys } from "../../lib/query-keys.ts";

/**
 * A metric KR's forecast (GET /key-results/{id}/forecast). Kept under the OKR keys, so a
 * check-in, which refreshes those, refreshes the forecast too.
 */
export function useForecast(slug: string, keyResultId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...keys.okrs(slug), "forecast", keyResultId],
    queryFn: ({ signal }) =>
      api.get("/api/orgs/{org}/key-results/{keyResultId}/forecast", {
        path: { org: slug, keyResultId },
        signal,
      }),
    enabled,
  });
}

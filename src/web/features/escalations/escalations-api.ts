import { useMutation, useQuery } from "@tanstack/react-query";
import type { ApiBody, ApiQuery } from "../../../shared/api/client.ts";
import { api } from "../../lib/api-client.ts";
import { usePagedList } from "../../lib/use-paged-list.ts";
import { kpiKeys, useInvalidateKpis } from "../kpis/kpis-api.ts";

export type { Escalation } from "../../../shared/schemas/escalations.ts";

export type EscalationFilter = Omit<ApiQuery<"/api/orgs/{org}/escalations">, "cursor" | "limit">;

/** A list of escalations, newest first, a page at a time. */
export function useEscalations(slug: string, filter: EscalationFilter, enabled = true) {
  return usePagedList(
    kpiKeys.escalations(slug),
    "/api/orgs/{org}/escalations",
    { path: { org: slug }, query: { limit: 50, ...filter } },
    { enabled, keepPrevious: false },
  );
}

/**
 * My inbox count for the navigation badge: escalations sent to me and not resolved yet.
 * Refreshed every minute, since Keel opens them by itself when a value turns red.
 */
export function useMyEscalationCount(slug: string) {
  const query = useQuery({
    queryKey: [...kpiKeys.escalations(slug), "mine-count"],
    queryFn: ({ signal }) =>
      api.get("/api/orgs/{org}/escalations", {
        path: { org: slug },
        query: { mine: "true", state: "unresolved", limit: 100 },
        signal,
      }),
    refetchInterval: 60_000,
    staleTime: 15_000,
  });
  const items = query.data?.items ?? [];
  return {
    count: items.length,
    more: Boolean(query.data?.nextCursor),
    open: items.filter((e) => e.state === "open").length,
  };
}

export function useEscalation(slug: string, id: string) {
  return useQuery({
    queryKey: [...kpiKeys.escalations(slug), "one", id],
    queryFn: ({ signal }) => api.get("/api/orgs/{org}/escalations/{id}", { path: { org: slug, id }, signal }),
  });
}

export function useAcknowledgeEscalation(slug: string) {
  const invalidate = useInvalidateKpis(slug);
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: { id: string } & ApiBody<"/api/orgs/{org}/escalations/{id}/acknowledge", "post">) =>
      api.post("/api/orgs/{org}/escalations/{id}/acknowledge", { path: { org: slug, id }, body }),
    onSuccess: invalidate,
  });
}

export function useAddEscalationEntry(slug: string) {
  const invalidate = useInvalidateKpis(slug);
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: { id: string } & ApiBody<"/api/orgs/{org}/escalations/{id}/entries", "post">) =>
      api.post("/api/orgs/{org}/escalations/{id}/entries", { path: { org: slug, id }, body }),
    onSuccess: invalidate,
  });
}

export function useResolveEscalation(slug: string) {
  const invalidate = useInvalidateKpis(slug);
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: { id: string } & ApiBody<"/api/orgs/{org}/escalations/{id}/resolve", "post">) =>
      api.post("/api/orgs/{org}/escalations/{id}/resolve", { path: { org: slug, id }, body }),
    onSuccess: invalidate,
  });
}

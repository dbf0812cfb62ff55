import { useMutation, useQuery } from "@tanstack/react-query";
import type { Escalation } from "../../../shared/schemas/escalations.ts";
import { api, orgPath } from "../../lib/api-client.ts";
import type { Page } from "../../lib/types.ts";
import { usePagedList } from "../../lib/use-paged-list.ts";
import { kpiKeys, useInvalidateKpis } from "../kpis/kpis-api.ts";

export type { Escalation } from "../../../shared/schemas/escalations.ts";

export type EscalationFilter = {
  state: "unresolved" | "open" | "acknowledged" | "resolved" | "all";
  mine?: "true" | undefined;
  /** Escalations of the teams I lead and all below them; everything for admins. */
  inMyScope?: "true" | undefined;
  teamId?: string | undefined;
  /** With teamId: the team's whole subtree (the default) or the team alone. */
  scope?: "subtree" | "team" | undefined;
  kpiId?: string | undefined;
};

/** A list of escalations, newest first, a page at a time. */
export function useEscalations(slug: string, filter: EscalationFilter, enabled = true) {
  return usePagedList<Escalation>(
    kpiKeys.escalations(slug),
    orgPath(slug, "/escalations"),
    { limit: 50, ...filter },
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
      api.get<Page<Escalation>>(orgPath(slug, "/escalations"), {
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
    queryFn: ({ signal }) => api.get<Escalation>(orgPath(slug, `/escalations/${id}`), { signal }),
  });
}

export function useAcknowledgeEscalation(slug: string) {
  const invalidate = useInvalidateKpis(slug);
  return useMutation({
    mutationFn: ({ id, version, note }: { id: string; version: number; note: string }) =>
      api.post<Escalation>(orgPath(slug, `/escalations/${id}/acknowledge`), { version, note }),
    onSuccess: invalidate,
  });
}

export function useAddEscalationEntry(slug: string) {
  const invalidate = useInvalidateKpis(slug);
  return useMutation({
    mutationFn: ({ id, kind, text }: { id: string; kind: "note" | "action"; text: string }) =>
      api.post<Escalation>(orgPath(slug, `/escalations/${id}/entries`), { kind, text }),
    onSuccess: invalidate,
  });
}

export function useResolveEscalation(slug: string) {
  const invalidate = useInvalidateKpis(slug);
  return useMutation({
    mutationFn: ({ id, version, resolution }: { id: string; version: number; resolution: string }) =>
      api.post<Escalation>(orgPath(slug, `/escalations/${id}/resolve`), { version, resolution }),
    onSuccess: invalidate,
  });
}

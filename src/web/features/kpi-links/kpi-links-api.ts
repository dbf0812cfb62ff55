import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  BaselineDecisionSchema,
  BaselineOfferSchema,
  KpiKeyResultsSchema,
} from "../../../shared/schemas/kpi-links.ts";
import { api } from "../../lib/api-client.ts";
import { keys } from "../../lib/query-keys.ts";
import { kpiKeys } from "../kpis/kpis-api.ts";
import type { PromoteKpiRequest } from "./promotion-draft.ts";

export type KpiKeyResults = z.infer<typeof KpiKeyResultsSchema>;
export type BaselineDecision = z.infer<typeof BaselineDecisionSchema>;
export type BaselineOffer = z.infer<typeof BaselineOfferSchema>;

/** The KRs reading a KPI, its promotion history and its badge (part of the KPI's data). */
export function useKpiKeyResults(slug: string, kpiId: string) {
  return useQuery({
    queryKey: [...kpiKeys.kpi(slug, kpiId), "key-results"],
    queryFn: ({ signal }) =>
      api.get("/api/orgs/{org}/kpis/{id}/key-results", { path: { org: slug, id: kpiId }, signal }),
  });
}

/**
 * Open baseline offers that concern me (KR owner, KPI owner, or allowed to decide). Read
 * afresh where it is shown: closing a cycle elsewhere makes new ones.
 */
export function useBaselineOffers(slug: string) {
  return useQuery({
    queryKey: [...kpiKeys.all(slug), "baseline-offers"],
    queryFn: ({ signal }) => api.get("/api/orgs/{org}/baseline-offers", { path: { org: slug }, signal }),
    refetchOnMount: "always",
  });
}

/** Accepts or declines a met promotion's new baseline; the KPI's bands may change. */
export function useDecideBaseline(slug: string, kpiId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ promotionId, decision }: { promotionId: string; decision: BaselineDecision }) =>
      api.post("/api/orgs/{org}/kpis/{id}/promotions/{promotionId}/baseline", {
        path: { org: slug, id: kpiId, promotionId },
        body: decision,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: kpiKeys.all(slug) }),
  });
}

/** The organisation's active KPIs for the KR form's picker (the first 200 by name). */
export function useActiveKpiOptions(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: [...kpiKeys.all(slug), "options"],
    queryFn: ({ signal }) =>
      api.get("/api/orgs/{org}/kpis", {
        path: { org: slug },
        query: { state: "active", limit: 200 },
        signal,
      }),
    enabled,
    select: (page) => page.items.map((k) => ({ value: k.id, label: `${k.name} (${k.key})` })),
  });
}

/** What "Make it a Key Result" offers for a cycle (null: the API's default cycle). */
export function usePromotionDraft(slug: string, kpiId: string, cycleId: string | null) {
  return useQuery({
    queryKey: [...kpiKeys.kpi(slug, kpiId), "promotion-draft", cycleId],
    queryFn: ({ signal }) =>
      api.get("/api/orgs/{org}/kpis/{id}/promotion-draft", {
        path: { org: slug, id: kpiId },
        query: cycleId ? { cycleId } : {},
        signal,
      }),
    // Changing the cycle keeps the form on screen while that cycle's Objectives load.
    placeholderData: keepPreviousData,
  });
}

/** Makes the KPI a Key Result; the KPI's data (its readers and badge) and the OKRs reload. */
export function usePromoteKpi(slug: string, kpiId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PromoteKpiRequest) =>
      api.post("/api/orgs/{org}/kpis/{id}/promotions", { path: { org: slug, id: kpiId }, body }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: kpiKeys.kpi(slug, kpiId) }),
        client.invalidateQueries({ queryKey: keys.okrs(slug) }),
      ]),
  });
}

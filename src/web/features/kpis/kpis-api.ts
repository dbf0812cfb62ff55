import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { ApiBody } from "../../../shared/api/client.ts";
import type { TeamScope } from "../../../shared/schemas/common.ts";
import type { Connector, PutConnectorInput } from "../../../shared/schemas/connectors.ts";
import type { EntryFormItemSchema } from "../../../shared/schemas/kpi-entry.ts";
import type {
  CreateKpiInput,
  CsvImportReportSchema,
  Kpi,
  KpiBoardSchema,
  KpiTreeSchema,
  MeasurementVersionSchema,
  SeriesSchema,
  UpdateKpiInput,
  WriteOutcomeSchema,
} from "../../../shared/schemas/kpis.ts";
import { api } from "../../lib/api-client.ts";
import { usePagedList } from "../../lib/use-paged-list.ts";

// The API's types, inferred from the shared schemas the server validates with.
export type { Connector, ConnectorRun } from "../../../shared/schemas/connectors.ts";
export type { Kpi, KpiCard, KpiTreeNode, Measurement } from "../../../shared/schemas/kpis.ts";
export type KpiBoard = z.infer<typeof KpiBoardSchema>;
export type KpiSeries = z.infer<typeof SeriesSchema>;
export type KpiTree = z.infer<typeof KpiTreeSchema>;
export type MeasurementVersion = z.infer<typeof MeasurementVersionSchema>;
export type EntryItem = z.infer<typeof EntryFormItemSchema>;
export type CsvImportReport = z.infer<typeof CsvImportReportSchema>;
export type WriteOutcome = z.infer<typeof WriteOutcomeSchema>;
export type KpiBands = Kpi["bands"][number];
export type KpiStatus = NonNullable<Kpi["current"]["status"]>;

/**
 * KPIs, their measurements, escalations and floors are one area: a value entered may
 * change a status, open or close an escalation and breach a floor, so every KPI write
 * refreshes all of it.
 */
export const kpiKeys = {
  all: (slug: string) => ["org", slug, "kpis"] as const,
  board: (slug: string, teamId: string, scope: TeamScope = "subtree", asOf: string | null = null) =>
    ["org", slug, "kpis", "board", teamId, scope, asOf ?? "today"] as const,
  list: (slug: string) => ["org", slug, "kpis", "list"] as const,
  kpi: (slug: string, id: string) => ["org", slug, "kpis", "kpi", id] as const,
  entry: (slug: string) => ["org", slug, "kpis", "entry"] as const,
  escalations: (slug: string) => ["org", slug, "kpis", "escalations"] as const,
  floors: (slug: string) => ["org", slug, "kpis", "floors"] as const,
};

export function useInvalidateKpis(slug: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: kpiKeys.all(slug) });
}

/**
 * A team's KPI cards (value, target, status, sparkline, trend, open escalation) and
 * counts: of its whole subtree unless `scope` is team.
 */
export function useKpiBoard(
  slug: string,
  teamId: string | null,
  scope: TeamScope = "subtree",
  /** A past day to show the board as it was then (docs/as-of.md). */
  asOf: string | null = null,
) {
  return useQuery(kpiBoardQuery(slug, teamId, scope, asOf));
}

/** A KPI board's query, for the hook and the routes that prefetch it. */
export function kpiBoardQuery(
  slug: string,
  teamId: string | null,
  scope: TeamScope = "subtree",
  asOf: string | null = null,
) {
  return queryOptions({
    queryKey: kpiKeys.board(slug, teamId ?? "none", scope, asOf),
    queryFn: ({ signal }) =>
      api.get("/api/orgs/{org}/teams/{id}/kpi-board", {
        path: { org: slug, id: teamId ?? "" },
        query: asOf ? { scope, asOf } : { scope },
        signal,
      }),
    enabled: teamId !== null,
  });
}

/** Active KPIs, searchable by name or key (pickers: floors, formulas). */
export function useKpiList(slug: string, query: { q?: string; teamId?: string | undefined }, enabled = true) {
  return usePagedList(
    kpiKeys.list(slug),
    "/api/orgs/{org}/kpis",
    { path: { org: slug }, query: { limit: 200, ...query } },
    { enabled },
  );
}

export function useKpi(slug: string, id: string, enabled = true) {
  return useQuery({
    queryKey: kpiKeys.kpi(slug, id),
    queryFn: ({ signal }) => api.get("/api/orgs/{org}/kpis/{id}", { path: { org: slug, id }, signal }),
    enabled,
  });
}

/** The KPI's values between two dates with the band series in force over them. */
export function useKpiSeries(slug: string, id: string, range: { from?: string; to?: string }) {
  return useQuery({
    queryKey: [...kpiKeys.kpi(slug, id), "series", range],
    queryFn: ({ signal }) =>
      api.get("/api/orgs/{org}/kpis/{id}/series", { path: { org: slug, id }, query: range, signal }),
    // Switching the range keeps the old chart up until the new one arrives.
    placeholderData: keepPreviousData,
  });
}

/** The measurements table: newest period first, a page at a time. */
export function useKpiMeasurements(slug: string, id: string) {
  return usePagedList(
    [...kpiKeys.kpi(slug, id), "measurements"],
    "/api/orgs/{org}/kpis/{id}/measurements",
    { path: { org: slug, id }, query: { limit: 25 } },
    { keepPrevious: false },
  );
}

/** Every value a period has had, the one in force first; loaded when a row is opened. */
export function useMeasurementVersions(slug: string, id: string, periodStart: string, enabled: boolean) {
  return useQuery({
    queryKey: [...kpiKeys.kpi(slug, id), "versions", periodStart],
    queryFn: ({ signal }) =>
      api.get("/api/orgs/{org}/kpis/{id}/measurements/{periodStart}/versions", {
        path: { org: slug, id, periodStart },
        signal,
      }),
    enabled,
  });
}

export function useKpiTree(slug: string, id: string) {
  return useQuery({
    queryKey: [...kpiKeys.kpi(slug, id), "tree"],
    queryFn: ({ signal }) => api.get("/api/orgs/{org}/kpis/{id}/tree", { path: { org: slug, id }, signal }),
  });
}

/** The KPIs I own (or may feed) with their current period: the enter-values form. */
export function useKpiEntry(slug: string) {
  return useQuery({
    queryKey: kpiKeys.entry(slug),
    queryFn: ({ signal }) => api.get("/api/orgs/{org}/kpi-entry", { path: { org: slug }, signal }),
  });
}

export function useCreateKpi(slug: string) {
  const invalidate = useInvalidateKpis(slug);
  return useMutation({
    mutationFn: (input: CreateKpiInput) =>
      api.post("/api/orgs/{org}/kpis", { path: { org: slug }, body: input }),
    onSuccess: invalidate,
  });
}

export function useUpdateKpi(slug: string) {
  const invalidate = useInvalidateKpis(slug);
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UpdateKpiInput }) =>
      api.patch("/api/orgs/{org}/kpis/{id}", { path: { org: slug, id }, body: patch }),
    onSuccess: invalidate,
  });
}

export type MeasurementInput = ApiBody<"/api/orgs/{org}/kpis/{id}/measurements", "post">;

export function useEnterMeasurement(slug: string) {
  const invalidate = useInvalidateKpis(slug);
  return useMutation({
    mutationFn: ({ kpiId, input }: { kpiId: string; input: MeasurementInput }) =>
      api.post("/api/orgs/{org}/kpis/{id}/measurements", { path: { org: slug, id: kpiId }, body: input }),
    onSuccess: invalidate,
  });
}

export type RowResult = { kpiId: string; ok: true } | { kpiId: string; ok: false; error: Error };

/**
 * The enter-values form: one request per changed row, so one refusal does not lose the
 * others; the form keeps the rows that failed, each with its error.
 */
export function useEnterMeasurements(slug: string) {
  const invalidate = useInvalidateKpis(slug);
  return useMutation({
    mutationFn: async (rows: Array<{ kpiId: string; input: MeasurementInput }>) => {
      const out: RowResult[] = [];
      for (const r of rows) {
        try {
          await api.post("/api/orgs/{org}/kpis/{id}/measurements", {
            path: { org: slug, id: r.kpiId },
            body: r.input,
          });
          out.push({ kpiId: r.kpiId, ok: true });
        } catch (err) {
          out.push({ kpiId: r.kpiId, ok: false, error: err as Error });
        }
      }
      return out;
    },
    onSettled: invalidate,
  });
}

export function useCsvImport(slug: string) {
  const invalidate = useInvalidateKpis(slug);
  return useMutation({
    mutationFn: (input: ApiBody<"/api/orgs/{org}/kpi-imports", "post">) =>
      api.post("/api/orgs/{org}/kpi-imports", { path: { org: slug }, body: input }),
    onSuccess: (report) => {
      if (report.committed) void invalidate();
    },
  });
}

const connectorKey = (slug: string, kpiId: string) => [...kpiKeys.kpi(slug, kpiId), "connector"] as const;

/** Saving a connector makes it due at once; the server's job runs it within 15 s. */
const DUE_POLL_MS = 5_000;
/** A connector due longer than this is not waited for (no job running, its KPI cannot take values). */
const DUE_WAIT_MS = 2 * 60_000;

/**
 * The KPI's connector settings and last run (only asked for when the KPI has one). While
 * it is due (just saved) it is asked for again every few seconds, so the first run's
 * outcome shows without a reload.
 */
export function useKpiConnector(slug: string, kpiId: string, enabled: boolean) {
  return useQuery({
    queryKey: connectorKey(slug, kpiId),
    queryFn: ({ signal }) =>
      api.get("/api/orgs/{org}/kpis/{id}/connector", { path: { org: slug, id: kpiId }, signal }),
    enabled,
    refetchInterval: (query) => {
      const c = query.state.data;
      if (!c?.enabled) return false;
      const dueFor = Date.now() - Date.parse(c.nextRunAt);
      return dueFor >= -DUE_POLL_MS && dueFor < DUE_WAIT_MS ? DUE_POLL_MS : false;
    },
  });
}

export function useRunConnector(slug: string, kpiId: string) {
  const client = useQueryClient();
  const invalidate = useInvalidateKpis(slug);
  return useMutation({
    mutationFn: () => api.post("/api/orgs/{org}/kpis/{id}/connector/run", { path: { org: slug, id: kpiId } }),
    onSuccess: (run) => {
      client.setQueryData(connectorKey(slug, kpiId), run.connector);
      setKpiConnector(client, slug, kpiId, run.connector);
    },
    onSettled: invalidate,
  });
}

/** The KPI page reads the connector's state from the KPI too: keep it in step until the refetch lands. */
function setKpiConnector(
  client: ReturnType<typeof useQueryClient>,
  slug: string,
  kpiId: string,
  c: Connector | null,
) {
  client.setQueryData<Kpi>(kpiKeys.kpi(slug, kpiId), (kpi) =>
    kpi
      ? {
          ...kpi,
          connector: c && {
            kind: c.kind,
            enabled: c.enabled,
            lastRunAt: c.lastRunAt,
            lastOutcome: c.lastOutcome,
            lastError: c.lastError,
            nextRunAt: c.nextRunAt,
          },
        }
      : kpi,
  );
}

/** Creates or replaces the connector (PUT: the whole configuration; credentials omitted are kept). */
export function useSaveConnector(slug: string, kpiId: string) {
  const client = useQueryClient();
  const invalidate = useInvalidateKpis(slug);
  return useMutation({
    mutationFn: (input: PutConnectorInput) =>
      api.put("/api/orgs/{org}/kpis/{id}/connector", { path: { org: slug, id: kpiId }, body: input }),
    onSuccess: (saved) => {
      client.setQueryData(connectorKey(slug, kpiId), saved);
      setKpiConnector(client, slug, kpiId, saved);
      // Not awaited: the dialog closes on the answer; the page refreshes behind it.
      void invalidate();
    },
  });
}

/** Removes the connector; the values it wrote stay. */
export function useRemoveConnector(slug: string, kpiId: string) {
  const client = useQueryClient();
  const invalidate = useInvalidateKpis(slug);
  return useMutation({
    mutationFn: () => api.delete("/api/orgs/{org}/kpis/{id}/connector", { path: { org: slug, id: kpiId } }),
    onSuccess: () => {
      setKpiConnector(client, slug, kpiId, null);
      client.removeQueries({ queryKey: connectorKey(slug, kpiId) });
      void invalidate();
    },
  });
}

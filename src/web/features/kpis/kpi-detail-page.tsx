import { Button, Code, Text } from "@mantine/core";
import { IconGauge } from "@tabler/icons-react";
import { lazy, Suspense, useState } from "react";
import { Link, useParams } from "react-router";
import { ConfirmModal } from "../../components/confirm-modal.tsx";
import { EmptyState } from "../../components/empty-state.tsx";
import { QueryError } from "../../components/query-error.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { isApiError } from "../../lib/api-client.ts";
import { notify, notifyFailure } from "../../lib/notify.ts";
import { useOrg } from "../../lib/org-context.tsx";
import { useDocumentTitle } from "../../lib/use-document-title.ts";
import { BandHistory } from "../kpi-links/band-history.tsx";
import { KpiKeyResultsSection } from "../kpi-links/kpi-key-results-section.tsx";
import { useTeamTree } from "../teams/teams-api.ts";
import { EnterValueModal } from "./enter-value-modal.tsx";
import { GuardedObjectives } from "./guarded-objectives.tsx";
import { KpiDataSections } from "./kpi-data-sections.tsx";
import { HistoryCard } from "./kpi-detail-cards.tsx";
import { KpiDetailHeader } from "./kpi-detail-header.tsx";
import { KpiDriversSection } from "./kpi-drivers-section.tsx";
import { KpiEscalationAlert } from "./kpi-escalation-alert.tsx";
import { KpiFormModal } from "./kpi-form-modal.tsx";
import { KpiSummaryCards } from "./kpi-summary-cards.tsx";
import { useKpi, useUpdateKpi } from "./kpis-api.ts";

// Loaded on first use, so the KPI page's bundle does not carry the dialog.
const PromoteKpiModal = lazy(() =>
  import("../kpi-links/promote-kpi-modal.tsx").then((m) => ({ default: m.PromoteKpiModal })),
);

/** /o/:org/kpis/:kpiId: one KPI with its history against its bands, values, tree and connector. */
export function KpiDetailPage() {
  const { kpiId = "" } = useParams();
  const { slug, role } = useOrg();
  const kpi = useKpi(slug, kpiId);
  const tree = useTeamTree(slug);
  const roots = tree.data?.roots ?? [];
  const [dialog, setDialog] = useState<"edit" | "enter" | "archive" | "promote" | null>(null);
  const update = useUpdateKpi(slug);
  useDocumentTitle(kpi.data?.name ?? "KPI");

  if (kpi.isPending) return <TableSkeleton rows={8} />;
  if (kpi.isError) {
    return isApiError(kpi.error, "not_found") ? (
      <EmptyState
        icon={<IconGauge size={24} />}
        title="KPI not found"
        action={
          <Button component={Link} to={`/o/${slug}/kpis`} variant="default">
            Back to KPIs
          </Button>
        }
      >
        The link may be wrong, or the KPI belongs to another organisation.
      </EmptyState>
    ) : (
      <QueryError error={kpi.error} onRetry={() => void kpi.refetch()} what="the KPI" />
    );
  }
  const k = kpi.data;
  const archived = k.state === "archived";
  // Who may act comes with the KPI (`can`); whether its state lets anyone is judged here.
  const canEnter = k.can.enterValues && !archived && !k.formula;
  const canPromote = role !== "viewer" && !archived;

  const setState = (state: "active" | "archived") =>
    update.mutate(
      { id: k.id, patch: { version: k.version, state } },
      {
        onSuccess: () => {
          notify(state === "archived" ? `Archived “${k.name}”. Its history stays.` : `Restored “${k.name}”.`);
          setDialog(null);
        },
        onError: (e) => {
          if (state === "active") notifyFailure(e, () => void kpi.refetch());
        },
      },
    );

  return (
    <>
      <KpiDetailHeader
        slug={slug}
        kpi={k}
        canEnter={canEnter}
        canEdit={k.can.edit}
        canArchive={k.can.archive}
        canPromote={canPromote}
        restoring={update.isPending}
        onEnter={() => setDialog("enter")}
        onEdit={() => setDialog("edit")}
        onArchive={() => setDialog("archive")}
        onPromote={() => setDialog("promote")}
        onRestore={() => setState("active")}
      />
      <KpiEscalationAlert slug={slug} kpi={k} />
      {k.formula && (
        <Text size="sm" mb="sm">
          Computed: <Code>{k.formula}</Code>
        </Text>
      )}
      <KpiSummaryCards slug={slug} kpi={k} />
      <HistoryCard slug={slug} kpi={k} />
      <KpiKeyResultsSection slug={slug} kpiId={k.id} />
      <BandHistory slug={slug} kpi={k} />
      <KpiDriversSection slug={slug} kpi={k} />
      <KpiDataSections slug={slug} kpi={k} canRunConnector={k.can.manageConnector && !archived} />
      <GuardedObjectives slug={slug} kpiId={k.id} />

      <KpiFormModal
        slug={slug}
        opened={dialog === "edit"}
        onClose={() => setDialog(null)}
        roots={roots}
        kpi={k}
        onReload={() => void kpi.refetch()}
      />
      {dialog === "promote" && (
        <Suspense fallback={null}>
          <PromoteKpiModal
            slug={slug}
            kpiId={k.id}
            unit={{ unit: k.unit, decimals: k.decimals, currency: k.currency }}
            opened
            onClose={() => setDialog(null)}
          />
        </Suspense>
      )}
      <EnterValueModal slug={slug} kpi={dialog === "enter" ? k : null} onClose={() => setDialog(null)} />
      <ConfirmModal
        opened={dialog === "archive"}
        onClose={() => setDialog(null)}
        title={`Archive ${k.name}?`}
        confirmLabel="Archive KPI"
        danger
        loading={update.isPending}
        error={update.error}
        onConfirm={() => setState("archived")}
      >
        It leaves the team's board and the enter-values form and takes no new values; its history stays and it
        can be restored.
      </ConfirmModal>
    </>
  );
}

import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Code,
  Grid,
  Group,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import {
  IconAlertOctagon,
  IconArchive,
  IconArrowLeft,
  IconGauge,
  IconPencil,
  IconPencilPlus,
  IconRestore,
} from "@tabler/icons-react";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { ConfirmModal } from "../../components/confirm-modal.tsx";
import { EmptyState } from "../../components/empty-state.tsx";
import { QueryError } from "../../components/query-error.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { isApiError } from "../../lib/api-client.ts";
import { formatRelative } from "../../lib/format.ts";
import { notify, notifyFailure } from "../../lib/notify.ts";
import { useOrg } from "../../lib/org-context.tsx";
import { useSession } from "../../lib/session.ts";
import { useDocumentTitle } from "../../lib/use-document-title.ts";
import { reasonLabels } from "../escalations/escalation-state-badge.tsx";
import { useTeamTree } from "../teams/teams-api.ts";
import { ConnectorPanel } from "./connector-panel.tsx";
import { EnterValueModal } from "./enter-value-modal.tsx";
import { FormulaTree } from "./formula-tree.tsx";
import { mayEnterKpiValues, mayManageTeamKpis } from "./kpi-access.ts";
import { BandsSummary, Details, HistoryCard } from "./kpi-detail-cards.tsx";
import { KpiFormModal } from "./kpi-form-modal.tsx";
import {
  directionLabels,
  formatKpiValue,
  frequencyLabels,
  periodName,
  targetLabel,
  trendLabel,
} from "./kpi-format.ts";
import { KpiStatusBadge, TrendArrow } from "./kpi-status.tsx";
import { useKpi, useUpdateKpi } from "./kpis-api.ts";
import { MeasurementsTable } from "./measurements-table.tsx";

/** /o/:org/kpis/:kpiId: one KPI with its history against its bands, values, tree and connector. */
export function KpiDetailPage() {
  const { kpiId = "" } = useParams();
  const { slug, role } = useOrg();
  const userId = useSession().data?.user.id ?? null;
  const kpi = useKpi(slug, kpiId);
  const tree = useTeamTree(slug);
  const roots = tree.data?.roots ?? [];
  const [dialog, setDialog] = useState<"edit" | "enter" | "archive" | null>(null);
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
  const canManage = mayManageTeamKpis(roots, k.teamId, userId, role);
  const archived = k.state === "archived";
  const canEnter = mayEnterKpiValues(roots, k, userId, role) && !archived && !k.formula;

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
      <Breadcrumbs mb="xs" separator="›" fz="sm">
        <Anchor component={Link} to={`/o/${slug}/teams/${k.teamId}/kpis`} size="sm">
          <Group gap={4} wrap="nowrap">
            <IconArrowLeft size={14} />
            KPIs
          </Group>
        </Anchor>
        <Text size="sm" c="dimmed">
          {k.teamName}
        </Text>
      </Breadcrumbs>

      <Group justify="space-between" align="flex-start" gap="sm" mb="sm" wrap="wrap">
        <Stack gap={4} style={{ flex: "1 1 320px", minWidth: 0 }}>
          <Title order={1} style={{ overflowWrap: "anywhere" }}>
            {k.name}
          </Title>
          <Group gap="xs" wrap="wrap">
            <KpiStatusBadge status={k.current.status} />
            {archived && (
              <Badge color="gray" leftSection={<IconArchive size={11} />}>
                Archived
              </Badge>
            )}
            <Code fz="xs">{k.key}</Code>
            <Text size="sm" c="dimmed">
              {directionLabels[k.direction]} · {frequencyLabels[k.frequency]}
            </Text>
          </Group>
          {k.description && (
            <Text size="sm" c="dimmed" style={{ whiteSpace: "pre-wrap" }}>
              {k.description}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          {canEnter && (
            <Button
              leftSection={<IconPencilPlus size={16} />}
              onClick={() => setDialog("enter")}
              data-shortcut-new
            >
              Enter value
            </Button>
          )}
          {canManage && (
            <Button
              variant="default"
              leftSection={<IconPencil size={16} />}
              onClick={() => setDialog("edit")}
            >
              Edit
            </Button>
          )}
          {canManage &&
            (archived ? (
              <Button
                variant="default"
                leftSection={<IconRestore size={16} />}
                loading={update.isPending}
                onClick={() => setState("active")}
              >
                Restore
              </Button>
            ) : (
              <Button
                variant="subtle"
                color="gray"
                leftSection={<IconArchive size={16} />}
                onClick={() => setDialog("archive")}
              >
                Archive
              </Button>
            ))}
        </Group>
      </Group>

      {k.openEscalation && (
        <Alert
          color={k.openEscalation.state === "acknowledged" ? "orange" : "red"}
          icon={<IconAlertOctagon size={18} />}
          mb="md"
          title={`Escalated: ${reasonLabels[k.openEscalation.reason].toLowerCase()} ${formatRelative(k.openEscalation.openedAt)}`}
          data-testid="kpi-escalation-panel"
        >
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text size="sm">
              {k.openEscalation.state === "acknowledged"
                ? `${k.openEscalation.acknowledgedByName ?? "A former member"} acknowledged it and is on it. It closes when resolved, or by itself after `
                : "Waiting for the owner or a lead to acknowledge it. It closes when resolved, or by itself after "}
              {k.closeAfterGreenPeriods} green period{k.closeAfterGreenPeriods === 1 ? "" : "s"} in a row.
            </Text>
            <Button
              component={Link}
              to={`/o/${slug}/escalations/${k.openEscalation.id}`}
              size="xs"
              variant="white"
            >
              Open the escalation
            </Button>
          </Group>
        </Alert>
      )}
      {k.formula && (
        <Text size="sm" mb="sm">
          Computed: <Code>{k.formula}</Code>
        </Text>
      )}

      <Grid gap="md" mb="md">
        <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
          <Card withBorder padding="sm" h="100%">
            <Text size="xs" c="dimmed" fw={500}>
              Current value
            </Text>
            <Group gap="xs" align="center" wrap="nowrap">
              <Text fz={28} fw={600} className="keel-num" data-testid="kpi-current-value">
                {formatKpiValue(k.current.value, k)}
              </Text>
              <TrendArrow kpi={k} size={22} />
            </Group>
            <Text size="xs" c="dimmed">
              {k.current.periodStart ? periodName(k.current.periodStart, k.frequency) : "No period yet"} ·{" "}
              {trendLabel(k)}
            </Text>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
          <Card withBorder padding="sm" h="100%">
            <Text size="xs" c="dimmed" fw={500}>
              Target and thresholds
            </Text>
            <Text fz="lg" fw={600} className="keel-num">
              {targetLabel(k)}
            </Text>
            <BandsSummary kpi={k} />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card withBorder padding="sm" h="100%">
            <Details slug={slug} kpi={k} />
          </Card>
        </Grid.Col>
      </Grid>

      <HistoryCard slug={slug} kpi={k} />

      <Grid gap="md" mt="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card withBorder padding={0}>
            <Text fw={600} size="sm" p="sm" pb={4}>
              Values
            </Text>
            <MeasurementsTable
              slug={slug}
              kpi={k}
              emptyHint={
                k.formula
                  ? "No values yet: they appear when its inputs have values."
                  : "No values yet. Enter the first one, import a CSV, or push values through the API."
              }
            />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Card withBorder padding="sm">
              <Text fw={600} size="sm" mb={6}>
                Formula tree
              </Text>
              <FormulaTree slug={slug} kpiId={k.id} />
            </Card>
            <Card withBorder padding="sm">
              <Text fw={600} size="sm" mb={6}>
                Connector
              </Text>
              <ConnectorPanel slug={slug} kpi={k} canRun={canManage && !archived} />
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>

      <KpiFormModal
        slug={slug}
        opened={dialog === "edit"}
        onClose={() => setDialog(null)}
        roots={roots}
        kpi={k}
        onReload={() => void kpi.refetch()}
      />
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

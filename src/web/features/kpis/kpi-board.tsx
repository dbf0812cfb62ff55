import { Button, Card, Group, SimpleGrid, Text, UnstyledButton } from "@mantine/core";
import { IconGauge, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { EmptyState } from "../../components/empty-state.tsx";
import { QueryError } from "../../components/query-error.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { KpiCard } from "./kpi-card.tsx";
import { kpiStatusLabels } from "./kpi-format.ts";
import { KpiStatusIcon } from "./kpi-status.tsx";
import { type KpiBoard as Board, type KpiStatus, useKpiBoard } from "./kpis-api.ts";

type Props = {
  slug: string;
  teamId: string;
  teamName: string;
  /** Shows "New KPI" for those who may define the team's KPIs. */
  canManage: boolean;
  onCreate: () => void;
};

const order: Array<{ status: KpiStatus; key: keyof Board["counts"] }> = [
  { status: "red", key: "red" },
  { status: "amber", key: "amber" },
  { status: "green", key: "green" },
  { status: "no_data", key: "noData" },
];

/** Counts per status; each one filters the cards to that status (again: all). */
export function StatusCounts({
  board,
  filter,
  onFilter,
}: {
  board: Board;
  filter: KpiStatus | null;
  onFilter: (status: KpiStatus | null) => void;
}) {
  return (
    <Group gap="xs" wrap="wrap" aria-label={`KPI health of ${board.team.name}`} data-testid="kpi-counts">
      {order.map(({ status, key }) => {
        const count = board.counts[key];
        const active = filter === status;
        return (
          <UnstyledButton
            key={status}
            onClick={() => onFilter(active ? null : status)}
            aria-pressed={active}
            disabled={count === 0 && !active}
            px={8}
            py={2}
            style={{
              borderRadius: "var(--mantine-radius-sm)",
              border: `1px solid ${active ? "var(--mantine-primary-color-filled)" : "var(--mantine-color-default-border)"}`,
              opacity: count === 0 && !active ? 0.55 : 1,
            }}
            title={active ? "Show all KPIs" : `Show only ${kpiStatusLabels[status].toLowerCase()} KPIs`}
          >
            <Group gap={4} wrap="nowrap">
              <KpiStatusIcon status={status} size={14} />
              <Text size="sm" className="keel-num" data-testid={`kpi-count-${status}`}>
                {count} {kpiStatusLabels[status].toLowerCase()}
              </Text>
            </Group>
          </UnstyledButton>
        );
      })}
    </Group>
  );
}

/** A team's KPI board: counts per status, then a grid of cards in the order the API gives. */
export function KpiBoard({ slug, teamId, teamName, canManage, onCreate }: Props) {
  const board = useKpiBoard(slug, teamId);
  const [filter, setFilter] = useState<KpiStatus | null>(null);

  if (board.isPending) {
    return (
      <Card withBorder>
        <TableSkeleton rows={4} />
      </Card>
    );
  }
  if (board.isError) {
    return <QueryError error={board.error} onRetry={() => void board.refetch()} what="the KPI board" />;
  }
  const kpis = board.data.kpis;
  if (kpis.length === 0) {
    return (
      <Card withBorder>
        <EmptyState
          icon={<IconGauge size={24} />}
          title="No KPIs yet — add the health metrics this team watches"
          action={
            canManage && (
              <Button variant="default" leftSection={<IconPlus size={15} />} onClick={onCreate}>
                Add the first KPI
              </Button>
            )
          }
        >
          KPIs are the standing numbers that say whether {teamName} is healthy: on-time delivery, cost per
          order, churn. Each has an owner, a target and red/amber/green thresholds; values come in every
          period by hand, CSV, API or a connector, and a KPI that turns red escalates to its owner and lead.
          {!canManage && " The team's lead or an admin defines them."}
        </EmptyState>
      </Card>
    );
  }
  const shown = filter ? kpis.filter((k) => (k.current.status ?? null) === filter) : kpis;
  return (
    <>
      <StatusCounts board={board.data} filter={filter} onFilter={setFilter} />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" mt="sm" data-testid="kpi-board">
        {shown.map((kpi) => (
          <KpiCard key={kpi.id} slug={slug} kpi={kpi} />
        ))}
      </SimpleGrid>
    </>
  );
}

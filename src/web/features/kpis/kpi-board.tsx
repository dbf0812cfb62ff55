import { Button, Card, Group, SimpleGrid, Stack, Text, UnstyledButton } from "@mantine/core";
import { IconGauge, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { EmptyState } from "../../components/empty-state.tsx";
import { QueryError } from "../../components/query-error.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { groupByTeam, type TeamScope } from "../teams/team-scope.ts";
import { KpiCard } from "./kpi-card.tsx";
import { kpiStatusLabels } from "./kpi-format.ts";
import { KpiStatusIcon } from "./kpi-status.tsx";
import { type KpiBoard as Board, type KpiStatus, useKpiBoard } from "./kpis-api.ts";

type Props = {
  slug: string;
  teamId: string;
  teamName: string;
  /** The team's whole subtree (grouped by team) or its own KPIs. */
  scope: TeamScope;
  /** Shows "New KPI" for those who may define the team's KPIs. */
  canManage: boolean;
  /** A past day to show (read-only), or null for today. */
  asOf?: string | null;
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

/**
 * A team's KPI board: counts per status, then the cards in the order the API gives,
 * grouped by team when the board holds the teams below it too.
 */
export function KpiBoard({ slug, teamId, teamName, scope, canManage, onCreate, asOf = null }: Props) {
  const board = useKpiBoard(slug, teamId, scope, asOf);
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
          title={
            scope === "subtree"
              ? "No KPIs yet — add the health metrics this team watches"
              : "No KPIs of this team's own — add the health metrics it watches"
          }
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
  const groups = groupByTeam(shown, teamId, (k) => ({ id: k.teamId, name: k.teamName }));
  const grouped = groups.length > 1 || (groups[0] !== undefined && groups[0].teamId !== teamId);
  return (
    <>
      <StatusCounts board={board.data} filter={filter} onFilter={setFilter} />
      <Stack gap="sm" mt="sm" data-testid="kpi-board">
        {groups.map((group) => (
          <section key={group.teamId} aria-label={grouped ? `KPIs of ${group.teamName}` : undefined}>
            {grouped && (
              <Text size="sm" fw={600} mb={6} data-testid="kpi-board-group">
                {group.teamName}
                <Text span size="xs" c="dimmed" fw={400}>
                  {" "}
                  · {group.items.length} {group.items.length === 1 ? "KPI" : "KPIs"}
                </Text>
              </Text>
            )}
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
              {group.items.map((kpi) => (
                <KpiCard key={kpi.id} slug={slug} kpi={kpi} />
              ))}
            </SimpleGrid>
          </section>
        ))}
      </Stack>
    </>
  );
}

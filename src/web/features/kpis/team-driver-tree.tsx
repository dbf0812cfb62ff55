import { Badge, Card, Group, Skeleton, Text } from "@mantine/core";
import { IconSitemap } from "@tabler/icons-react";
import type { TeamScope } from "../../../shared/schemas/common.ts";
import { EmptyState } from "../../components/empty-state.tsx";
import { QueryError } from "../../components/query-error.tsx";
import { DriverBranch, neighbours } from "./driver-tree.tsx";
import { type KpiDriverEdge, useTeamDriverTree } from "./kpi-drivers-api.ts";

/** The tops of the answer's trees: KPIs that are driven here but drive nothing that is shown. */
function topsOf(edges: readonly KpiDriverEdge[]): string[] {
  const drivers = new Set(edges.map((e) => e.driverKpiId));
  const tops: string[] = [];
  for (const e of edges) if (!drivers.has(e.kpiId) && !tops.includes(e.kpiId)) tops.push(e.kpiId);
  // Only loops would leave no top, and the API refuses them; show something all the same.
  return tops.length > 0 || edges.length === 0 ? tops : [edges[0]?.kpiId as string];
}

type Props = { slug: string; teamId: string; teamName: string; scope: TeamScope };

/**
 * The team's part of the organisation's driver tree: every KPI its KPIs drive or are driven
 * by, as trees from the KPIs at the top; the team's own KPIs are marked.
 */
export function TeamDriverTree({ slug, teamId, teamName, scope }: Props) {
  const tree = useTeamDriverTree(slug, teamId, scope);
  if (tree.isPending) return <Skeleton height={120} />;
  if (tree.isError)
    return <QueryError error={tree.error} onRetry={() => void tree.refetch()} what="the driver tree" />;
  const { nodes, edges, teamKpiIds } = tree.data;
  if (edges.length === 0) {
    return (
      <Card withBorder>
        <EmptyState icon={<IconSitemap size={24} />} title="No drivers named yet">
          None of {teamName}'s KPIs drives or is driven by another. Open a KPI and name the KPIs that move it
          (its Drivers section): the tree across teams then shows here.
        </EmptyState>
      </Card>
    );
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const down = neighbours(edges, "drivers");
  const own = new Set(teamKpiIds);
  return (
    <Card withBorder padding="sm" data-testid="team-driver-tree">
      <Group gap="xs" mb="xs">
        <Text size="sm" c="dimmed">
          {teamName}'s part of the driver tree: each KPI above the KPIs that move it.
        </Text>
        <Badge variant="light" size="sm">
          Bold: {teamName}
          {scope === "subtree" ? " and the teams below" : ""}
        </Badge>
      </Group>
      <ul style={{ listStyle: "none", margin: 0, padding: 0 }} aria-label={`Driver tree of ${teamName}`}>
        {topsOf(edges).map((id) => (
          <DriverBranch
            key={id}
            slug={slug}
            id={id}
            byId={byId}
            next={down}
            path={[]}
            direction="drivers"
            emphasised={own}
          />
        ))}
      </ul>
    </Card>
  );
}

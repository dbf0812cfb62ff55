import { Button, Card, Grid, Group, Skeleton, Text } from "@mantine/core";
import { IconSitemap } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { QueryError } from "../../components/query-error.tsx";
import { DriverBranch, neighbours } from "./driver-tree.tsx";
import { useKpiDriverTree } from "./kpi-drivers-api.ts";
import { KpiDriversModal } from "./kpi-drivers-modal.tsx";
import type { Kpi } from "./kpis-api.ts";

/**
 * The KPI's place in the driver tree: the KPIs that move it (below) and the KPIs it moves
 * (above), each with its status word and value; those who may edit the KPI name its drivers.
 */
export function KpiDriversSection({ slug, kpi }: { slug: string; kpi: Kpi }) {
  const tree = useKpiDriverTree(slug, kpi.id);
  const [editing, setEditing] = useState(false);
  const canEdit = (tree.data?.can.editDrivers ?? false) && kpi.state === "active";

  let body: ReactNode;
  if (tree.isPending) body = <Skeleton height={60} />;
  else if (tree.isError)
    body = <QueryError error={tree.error} onRetry={() => void tree.refetch()} what="the drivers" />;
  else {
    const { nodes, edges, rootId } = tree.data;
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const down = neighbours(edges, "drivers");
    const up = neighbours(edges, "driven");
    const drivers = down.get(rootId) ?? [];
    const driven = up.get(rootId) ?? [];
    const branch = (direction: "drivers" | "driven", ids: string[]) => (
      <ul
        style={{ listStyle: "none", margin: 0, padding: 0 }}
        aria-label={direction === "drivers" ? "Driven by" : "Drives"}
      >
        {ids.map((id) => (
          <DriverBranch
            key={id}
            slug={slug}
            id={id}
            byId={byId}
            next={direction === "drivers" ? down : up}
            path={[rootId]}
            direction={direction}
          />
        ))}
      </ul>
    );
    body = (
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={4}>
            Driven by
          </Text>
          {drivers.length > 0 ? (
            branch("drivers", drivers)
          ) : (
            <Text size="sm" c="dimmed">
              Name the KPIs that move this one (turnaround time moves customer satisfaction, say), so when it
              turns amber or red everyone sees where to look.
              {!canEdit && " Admins and the leads of its team name them."}
            </Text>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={4}>
            Drives
          </Text>
          {driven.length > 0 ? (
            branch("driven", driven)
          ) : (
            <Text size="sm" c="dimmed">
              No KPI names this one as a driver yet. Add it from the KPI it moves.
            </Text>
          )}
        </Grid.Col>
      </Grid>
    );
  }

  return (
    <Card withBorder padding="sm" mt="md" data-testid="kpi-drivers">
      <Group justify="space-between" mb={6}>
        <Group gap={6}>
          <IconSitemap size={16} aria-hidden />
          <Text fw={600} size="sm">
            Drivers
          </Text>
        </Group>
        {canEdit && (
          <Button size="xs" variant="default" onClick={() => setEditing(true)}>
            Edit drivers
          </Button>
        )}
      </Group>
      {body}
      {tree.data && (
        <KpiDriversModal
          slug={slug}
          kpi={kpi}
          current={(neighbours(tree.data.edges, "drivers").get(tree.data.rootId) ?? [])
            .map((id) => tree.data.nodes.find((n) => n.id === id))
            .filter((n) => n !== undefined)}
          opened={editing}
          onClose={() => setEditing(false)}
        />
      )}
    </Card>
  );
}

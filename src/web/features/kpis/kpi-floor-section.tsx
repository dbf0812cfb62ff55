import { ActionIcon, Anchor, Button, Card, Group, Table, Text, Tooltip } from "@mantine/core";
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconClockQuestion,
  IconPencil,
  IconPlus,
  IconTrash,
} from "@tabler/icons-react";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { ConfirmModal } from "../../components/confirm-modal.tsx";
import { QueryError } from "../../components/query-error.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { notify } from "../../lib/notify.ts";
import type { Cycle, TeamNode } from "../../lib/types.ts";
import { groupByTeam, type TeamScope } from "../teams/team-scope.ts";
import { findTeam } from "../teams/team-tree-utils.ts";
import { type KpiFloor, useDeleteFloor, useKpiFloors } from "./floors-api.ts";
import { FloorModal } from "./kpi-floor-modal.tsx";
import { formatKpiValue } from "./kpi-format.ts";
import type { KpiCard } from "./kpis-api.ts";

type Props = {
  slug: string;
  teamId: string;
  teamName: string;
  /** With the floors of the teams below (grouped by team), or the team's own. */
  scope: TeamScope;
  /** The team tree, to name the team of each floor. */
  roots: TeamNode[];
  cycle: Cycle;
  /** The team's KPIs (from its board): the ones a floor can hold, and their formats. */
  kpis: KpiCard[];
  canManage: boolean;
};

function FloorState({ floor }: { floor: KpiFloor }) {
  if (floor.kpi.value === null)
    return (
      <StatusBadge
        color="gray"
        icon={<IconClockQuestion size={12} />}
        title="No value yet for its latest period"
      >
        No value
      </StatusBadge>
    );
  return floor.breached ? (
    <StatusBadge
      color="red"
      icon={<IconAlertTriangle size={12} />}
      title="The value is through the floor: it escalates"
    >
      Breached
    </StatusBadge>
  ) : (
    <StatusBadge color="green" icon={<IconCircleCheck size={12} />} title="The value holds the floor">
      Holding
    </StatusBadge>
  );
}

/**
 * The team's KPI floor for a cycle: what must not fall while the team chases its OKRs,
 * each KPI against its escalation threshold. Leads and admins add, change and remove.
 */
export function KpiFloorSection({ slug, teamId, teamName, scope, roots, cycle, kpis, canManage }: Props) {
  const floors = useKpiFloors(slug, teamId, cycle.id, scope);
  const remove = useDeleteFloor(slug);
  const [editing, setEditing] = useState<KpiFloor | "new" | null>(null);
  const [removing, setRemoving] = useState<KpiFloor | null>(null);
  // As on the server: floors change while a cycle is planned or running, not in grading.
  const frozen = cycle.state !== "planning" && cycle.state !== "active";
  const items = floors.data?.items ?? [];
  const groups = groupByTeam(items, teamId, (f) => ({
    id: f.teamId,
    name: findTeam(roots, f.teamId)?.name ?? f.kpi.teamName,
  }));
  const grouped = groups.length > 1 || (groups[0] !== undefined && groups[0].teamId !== teamId);
  // A KPI on a sub-team's floor may still go on this team's own.
  const onFloor = new Set(items.filter((f) => f.teamId === teamId).map((f) => f.kpi.id));
  const candidates = kpis.filter((k) => !onFloor.has(k.id));
  // Opened from the linter's "no floor" finding (?floor=new): the form opens once the floor is known.
  const [params, setParams] = useSearchParams();
  const askedByLink =
    params.get("floor") === "new" && canManage && !frozen && floors.isSuccess && candidates.length > 0;
  const shown = editing ?? (askedByLink ? "new" : null);
  const closeEditing = () => {
    setEditing(null);
    if (params.has("floor")) {
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          updated.delete("floor");
          return updated;
        },
        { replace: true },
      );
    }
  };

  return (
    <Card withBorder padding={0} data-testid="kpi-floor">
      <Group justify="space-between" p="sm" pb={6} gap="xs" wrap="wrap">
        <div>
          <Text fw={600} size="sm">
            KPI floor · {cycle.name}
          </Text>
          <Text size="xs" c="dimmed">
            What must not fall while {teamName} chases its OKRs; crossing a threshold escalates.
          </Text>
        </div>
        {canManage && !frozen && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlus size={14} />}
            onClick={() => setEditing("new")}
            disabled={candidates.length === 0}
            title={
              candidates.length === 0
                ? "Every KPI of the team is already on the floor (or it has none)"
                : undefined
            }
          >
            Add to floor
          </Button>
        )}
      </Group>
      {floors.isPending ? (
        <div style={{ padding: 12 }}>
          <TableSkeleton rows={2} />
        </div>
      ) : floors.isError ? (
        <div style={{ padding: 12 }}>
          <QueryError error={floors.error} onRetry={() => void floors.refetch()} what="the floor" />
        </div>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed" px="sm" pb="sm">
          {frozen
            ? `No floor was set for ${cycle.name}. Floors are set up while a cycle is planned or running.`
            : `No floor for ${cycle.name} yet. ${
                canManage
                  ? "Pick the 2–5 KPIs that must hold while this cycle's OKRs change things, each with the level that must not be crossed."
                  : "The team's lead sets it up in cycle planning."
              }`}
        </Text>
      ) : (
        <div className="keel-table-scroll">
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>KPI</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th ta="right">Value</Table.Th>
                <Table.Th ta="right">Floor</Table.Th>
                <Table.Th>State</Table.Th>
                {canManage && !frozen && <Table.Th w={70} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {groups.flatMap((group) => [
                grouped && (
                  <Table.Tr key={`team-${group.teamId}`} data-testid="floor-group">
                    <Table.Td colSpan={canManage && !frozen ? 6 : 5}>
                      <Text size="xs" fw={600} c="dimmed">
                        {group.teamId === teamId ? `${teamName}'s own floor` : `Floor of ${group.teamName}`}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ),
                ...group.items.map((f) => (
                  <Table.Tr key={f.id} data-testid="floor-row" data-breached={f.breached || undefined}>
                    <Table.Td>
                      <Anchor component={Link} to={`/o/${slug}/kpis/${f.kpi.id}`} size="sm">
                        {f.kpi.name}
                      </Anchor>
                      {f.kpi.teamId !== f.teamId && (
                        // A sub-team's KPI, or one that moved team after the floor was set up.
                        <Text size="xs" c="dimmed">
                          {f.kpi.teamName}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{f.ownerName}</Table.Td>
                    <Table.Td ta="right" className="keel-num" style={{ whiteSpace: "nowrap" }}>
                      {formatKpiValue(f.kpi.value, f.kpi)}
                    </Table.Td>
                    <Table.Td ta="right" className="keel-num" style={{ whiteSpace: "nowrap" }}>
                      {f.kpi.direction === "lower_is_better" ? "≤ " : "≥ "}
                      {formatKpiValue(f.threshold, f.kpi)}
                    </Table.Td>
                    <Table.Td>
                      <FloorState floor={f} />
                    </Table.Td>
                    {canManage && !frozen && (
                      <Table.Td>
                        <Group gap={2} wrap="nowrap">
                          <Tooltip label="Change owner or threshold">
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              aria-label={`Edit the floor of ${f.kpi.name}`}
                              onClick={() => setEditing(f)}
                            >
                              <IconPencil size={15} />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label="Remove from the floor">
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              aria-label={`Remove ${f.kpi.name} from the floor`}
                              onClick={() => setRemoving(f)}
                            >
                              <IconTrash size={15} />
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                )),
              ])}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <FloorModal
        slug={slug}
        teamId={teamId}
        cycle={cycle}
        candidates={candidates}
        kpis={kpis}
        editing={shown}
        onClose={closeEditing}
      />
      <ConfirmModal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={`Remove ${removing?.kpi.name ?? "the KPI"} from the floor?`}
        confirmLabel="Remove"
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.id, {
            onSuccess: () => {
              notify(`Removed “${removing.kpi.name}” from the floor of ${cycle.name}.`);
              setRemoving(null);
            },
          })
        }
      >
        It no longer escalates when it crosses{" "}
        {removing ? formatKpiValue(removing.threshold, removing.kpi) : "its threshold"} during {cycle.name}.
        Its own red threshold still applies.
      </ConfirmModal>
    </Card>
  );
}

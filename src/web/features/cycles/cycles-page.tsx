import { ActionIcon, Button, Card, Group, Menu, Table, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import {
  IconCalendarPlus,
  IconCalendarStats,
  IconClipboardCheck,
  IconDots,
  IconPencil,
  IconSearch,
  IconWand,
} from "@tabler/icons-react";
import { useState } from "react";
import { Link } from "react-router";
import { EmptyState } from "../../components/empty-state.tsx";
import { LoadMore } from "../../components/load-more.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { QueryError } from "../../components/query-error.tsx";
import { SearchInput } from "../../components/search-input.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { formatDate } from "../../lib/format.ts";
import { useOrg } from "../../lib/org-context.tsx";
import type { Cycle, CycleState } from "../../lib/types.ts";
import { useBreakpoints } from "../../lib/use-breakpoints.ts";
import { CycleFormModal } from "./cycle-form-modal.tsx";
import { CycleProgress } from "./cycle-progress.tsx";
import { CycleStateBadge } from "./cycle-state-badge.tsx";
import { CycleTransitionModal } from "./cycle-transition-modal.tsx";
import { nextStates, transitionLabel, useCycles } from "./cycles-api.ts";
import { GenerateCyclesModal } from "./generate-cycles-modal.tsx";

const kindLabels = { quarter: "Quarter", year: "Fiscal year", custom: "Custom" } as const;

/** /o/:org/admin/cycles: the time boxes of OKRs and their life: planning → active → grading → closed. */
export function CyclesPage() {
  const { slug, isAdmin } = useOrg();
  const bp = useBreakpoints();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const cycles = useCycles(slug, q);
  const [creating, setCreating] = useState(false);
  const [generating, setGenerating] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [transition, setTransition] = useState<{ id: string; to: CycleState } | null>(null);
  const items = cycles.items;
  const byId = (id: string | null | undefined) => items.find((c) => c.id === id) ?? null;

  return (
    <>
      <PageHeader
        title="Cycles"
        description="The time boxes of OKRs. Several may run at once, such as a year and its quarter."
        actions={
          isAdmin && (
            <>
              <Button
                variant="default"
                leftSection={<IconWand size={16} />}
                onClick={() => setGenerating(true)}
              >
                Generate fiscal year
              </Button>
              <Button
                leftSection={<IconCalendarPlus size={16} />}
                onClick={() => setCreating(true)}
                data-shortcut-new
              >
                New cycle
              </Button>
            </>
          )
        }
      />
      <Card withBorder padding={0}>
        {(items.length > 0 || q) && (
          <Group p="sm">
            <SearchInput
              value={search}
              onChange={setSearch}
              placeholder="Search by name"
              label="Search cycles"
            />
          </Group>
        )}
        {cycles.isPending ? (
          <div style={{ padding: 12 }}>
            <TableSkeleton rows={5} />
          </div>
        ) : cycles.isError ? (
          <div style={{ padding: 12 }}>
            <QueryError error={cycles.error} onRetry={() => void cycles.refetch()} what="the cycles" />
          </div>
        ) : items.length === 0 && q ? (
          <EmptyState icon={<IconSearch size={24} />} title={`No cycle matches “${q}”`}>
            Cycles are named like “Q1 2027” or “FY 2027”.
          </EmptyState>
        ) : items.length === 0 ? (
          <EmptyState
            icon={<IconCalendarStats size={24} />}
            title="No cycles yet"
            action={
              isAdmin && (
                <Button variant="default" onClick={() => setGenerating(true)}>
                  Generate fiscal year
                </Button>
              )
            }
          >
            Generate a fiscal year to get it and its four quarters in one go, or create a custom cycle.
          </EmptyState>
        ) : (
          <div className="keel-table-scroll">
            <Table highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>State</Table.Th>
                  {bp.sm && <Table.Th>Dates</Table.Th>}
                  {bp.md && <Table.Th w={260}>Progress</Table.Th>}
                  {isAdmin && <Table.Th aria-label="Actions" />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((cycle) => (
                  <Table.Tr key={cycle.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {cycle.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {kindLabels[cycle.kind]}
                        {!bp.sm && ` · ${formatDate(cycle.startsOn)} – ${formatDate(cycle.endsOn)}`}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <CycleStateBadge state={cycle.state} />
                    </Table.Td>
                    {bp.sm && (
                      <Table.Td>
                        <Text size="sm" className="keel-num">
                          {formatDate(cycle.startsOn)} – {formatDate(cycle.endsOn)}
                        </Text>
                      </Table.Td>
                    )}
                    {bp.md && (
                      <Table.Td>
                        {cycle.state === "active" || cycle.state === "grading" ? (
                          <CycleProgress cycle={cycle} showDates={false} />
                        ) : (
                          <Text size="xs" c="dimmed">
                            {cycle.state === "planning" ? "Not started" : "Closed"}
                          </Text>
                        )}
                      </Table.Td>
                    )}
                    {isAdmin && (
                      <Table.Td>
                        <CycleActions
                          cycle={cycle}
                          onEdit={() => setEditingId(cycle.id)}
                          onMove={(to) => setTransition({ id: cycle.id, to })}
                        />
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
        <LoadMore
          hasNextPage={cycles.hasNextPage}
          isFetchingNextPage={cycles.isFetchingNextPage}
          onLoadMore={() => void cycles.fetchNextPage()}
          shown={items.length}
          noun="cycles"
        />
      </Card>

      <CycleFormModal opened={creating} onClose={() => setCreating(false)} />
      <CycleFormModal
        opened={editingId !== null}
        onClose={() => setEditingId(null)}
        cycle={byId(editingId)}
        onReload={() => void cycles.refetch()}
      />
      <GenerateCyclesModal opened={generating} onClose={() => setGenerating(false)} />
      <CycleTransitionModal
        cycle={byId(transition?.id)}
        to={transition?.to ?? null}
        onClose={() => setTransition(null)}
        onReload={() => void cycles.refetch()}
      />
    </>
  );
}

function CycleActions({
  cycle,
  onEdit,
  onMove,
}: {
  cycle: Cycle;
  onEdit: () => void;
  onMove: (to: CycleState) => void;
}) {
  // The usual next step is a button; stepping back (and reopening) sits in the menu. A
  // running cycle ends through the close wizard (grading, report, close, roll-over).
  const [forward, ...others] = nextStates[cycle.state];
  const ending = cycle.state === "active" || cycle.state === "grading";
  const primary = cycle.state === "closed" || ending ? undefined : forward;
  const more = primary ? others : nextStates[cycle.state];
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      {ending && (
        <Button
          size="compact-xs"
          variant="light"
          component={Link}
          to={`${cycle.id}/close`}
          leftSection={<IconClipboardCheck size={13} />}
        >
          Grade and close
        </Button>
      )}
      {primary && (
        <Button size="compact-xs" variant="light" onClick={() => onMove(primary)}>
          {transitionLabel(cycle.state, primary)}
        </Button>
      )}
      <Menu position="bottom-end" shadow="md" width={200}>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`More actions for ${cycle.name}`}>
            <IconDots size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {cycle.state === "closed" && (
            <Menu.Item
              component={Link}
              to={`${cycle.id}/close`}
              leftSection={<IconClipboardCheck size={14} />}
            >
              Report and roll-over
            </Menu.Item>
          )}
          <Menu.Item
            leftSection={<IconPencil size={14} />}
            onClick={onEdit}
            disabled={cycle.state === "closed"}
          >
            Rename or re-date
          </Menu.Item>
          {more.map((to) => (
            <Menu.Item key={to} onClick={() => onMove(to)}>
              {transitionLabel(cycle.state, to)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}

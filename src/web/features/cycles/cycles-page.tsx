import { Button, Table, Text } from "@mantine/core";
import { IconCalendarPlus, IconCalendarStats, IconSearch, IconWand } from "@tabler/icons-react";
import { useState } from "react";
import { EmptyState } from "../../components/empty-state.tsx";
import { ListPage, useListSearch } from "../../components/list-page.tsx";
import { formatDate } from "../../lib/format.ts";
import { useOrg } from "../../lib/org-context.tsx";
import type { CycleState } from "../../lib/types.ts";
import { useBreakpoints } from "../../lib/use-breakpoints.ts";
import { CycleActions } from "./cycle-actions.tsx";
import { CycleFormModal } from "./cycle-form-modal.tsx";
import { CycleProgress } from "./cycle-progress.tsx";
import { CycleStateBadge } from "./cycle-state-badge.tsx";
import { CycleTransitionModal } from "./cycle-transition-modal.tsx";
import { useCycles } from "./cycles-api.ts";
import { GenerateCyclesModal } from "./generate-cycles-modal.tsx";

const kindLabels = { quarter: "Quarter", year: "Fiscal year", custom: "Custom" } as const;

/** /o/:org/admin/cycles: the time boxes of OKRs and their life: planning → active → grading → closed. */
export function CyclesPage() {
  const { slug, isAdmin } = useOrg();
  const bp = useBreakpoints();
  const search = useListSearch();
  const cycles = useCycles(slug, search.q);
  const [creating, setCreating] = useState(false);
  const [generating, setGenerating] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [transition, setTransition] = useState<{ id: string; to: CycleState } | null>(null);
  const items = cycles.items;
  const byId = (id: string | null | undefined) => items.find((c) => c.id === id) ?? null;

  return (
    <>
      <ListPage
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
        load={cycles}
        what="the cycles"
        skeletonRows={5}
        search={{ ...search, placeholder: "Search by name", label: "Search cycles" }}
        isEmpty={items.length === 0}
        noMatch={
          <EmptyState icon={<IconSearch size={24} />} title={`No cycle matches “${search.q}”`}>
            Cycles are named like “Q1 2027” or “FY 2027”.
          </EmptyState>
        }
        empty={
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
        }
        paging={{ ...cycles, noun: "cycles" }}
      >
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
      </ListPage>

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

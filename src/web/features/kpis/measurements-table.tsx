import { Badge, Card, Group, Skeleton, Stack, Table, Text, Tooltip, UnstyledButton } from "@mantine/core";
import { IconChevronDown, IconChevronRight, IconHistory } from "@tabler/icons-react";
import { Fragment, useState } from "react";
import { LoadMore } from "../../components/load-more.tsx";
import { QueryError } from "../../components/query-error.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { formatDateTime, formatRelative } from "../../lib/format.ts";
import { useBreakpoints } from "../../lib/use-breakpoints.ts";
import { formatKpiValue, periodName, sourceLabels } from "./kpi-format.ts";
import { KpiStatusBadge } from "./kpi-status.tsx";
import { type Kpi, type Measurement, useKpiMeasurements, useMeasurementVersions } from "./kpis-api.ts";

type Props = { slug: string; kpi: Kpi; emptyHint: string };

/**
 * Every period's value in force, newest first. A corrected value (revision 2 or more)
 * opens to show each value the period has had: who wrote it, when, and why.
 */
export function MeasurementsTable({ slug, kpi, emptyHint }: Props) {
  const list = useKpiMeasurements(slug, kpi.id);
  const bp = useBreakpoints();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (period: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(period)) next.delete(period);
      else next.add(period);
      return next;
    });
  const columns = bp.md ? 5 : 4;

  if (list.isPending) return <TableSkeleton rows={5} />;
  if (list.isError)
    return <QueryError error={list.error} onRetry={() => void list.refetch()} what="the values" />;
  if (list.items.length === 0)
    return (
      <Text size="sm" c="dimmed" p="sm">
        {emptyHint}
      </Text>
    );

  return (
    <>
      <div className="keel-table-scroll">
        <Table highlightOnHover data-testid="measurements-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Period</Table.Th>
              <Table.Th ta="right">Value</Table.Th>
              <Table.Th>Status</Table.Th>
              {bp.md && <Table.Th>Entered by</Table.Th>}
              <Table.Th>History</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((m) => {
              const corrected = m.revision > 1;
              const expanded = open.has(m.periodStart);
              return (
                <Fragment key={m.periodStart}>
                  <Table.Tr data-testid="measurement-row" data-period={m.periodStart}>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>
                      {periodName(m.periodStart, kpi.frequency)}
                    </Table.Td>
                    <Table.Td ta="right" className="keel-num" fw={500} style={{ whiteSpace: "nowrap" }}>
                      {formatKpiValue(m.value, kpi)}
                    </Table.Td>
                    <Table.Td>
                      <KpiStatusBadge status={m.status} />
                    </Table.Td>
                    {bp.md && (
                      <Table.Td maw={200}>
                        <Tooltip label={`${m.authorName ?? "Keel"}, ${formatDateTime(m.recordedAt)}`}>
                          <div>
                            <Text size="sm" truncate>
                              {m.authorName ?? "Keel"}
                            </Text>
                            <Text size="xs" c="dimmed" truncate>
                              {sourceLabels[m.source] ?? m.source} · {formatRelative(m.recordedAt)}
                            </Text>
                          </div>
                        </Tooltip>
                        {m.note && (
                          <Text size="xs" fs="italic" lineClamp={2} title={m.note}>
                            “{m.note}”
                          </Text>
                        )}
                      </Table.Td>
                    )}
                    <Table.Td>
                      {corrected ? (
                        <UnstyledButton
                          onClick={() => toggle(m.periodStart)}
                          aria-expanded={expanded}
                          aria-label={`${expanded ? "Hide" : "Show"} the ${m.revision} values of ${periodName(m.periodStart, kpi.frequency)}`}
                        >
                          <Group gap={4} wrap="nowrap">
                            {expanded ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
                            <Badge
                              color="grape"
                              variant="light"
                              leftSection={<IconHistory size={11} />}
                              title={`Corrected: revision ${m.revision}`}
                            >
                              Rev. {m.revision}
                            </Badge>
                          </Group>
                        </UnstyledButton>
                      ) : (
                        <Text size="xs" c="dimmed" title="Never corrected">
                          Original
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                  {expanded && (
                    <Table.Tr>
                      <Table.Td colSpan={columns} p={0}>
                        <Versions slug={slug} kpi={kpi} measurement={m} />
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </div>
      <LoadMore
        hasNextPage={Boolean(list.hasNextPage)}
        isFetchingNextPage={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        shown={list.items.length}
        noun="periods"
      />
    </>
  );
}

/** Each value one period has had, newest first: the correction trail. */
function Versions({ slug, kpi, measurement }: { slug: string; kpi: Kpi; measurement: Measurement }) {
  const versions = useMeasurementVersions(slug, kpi.id, measurement.periodStart, true);
  return (
    <Card
      radius={0}
      padding="xs"
      bg="var(--keel-row-hover)"
      data-testid="measurement-versions"
      style={{ borderLeft: "3px solid var(--mantine-color-grape-filled)" }}
    >
      {versions.isPending ? (
        <Skeleton height={40} />
      ) : versions.isError ? (
        <QueryError error={versions.error} onRetry={() => void versions.refetch()} what="the history" />
      ) : (
        <Stack gap={6}>
          {versions.data.items.map((v, i) => {
            const older = versions.data.items[i + 1];
            return (
              <Group key={`${v.recordedAt}-${v.revision}`} gap="xs" wrap="wrap" align="baseline">
                {v.supersededAt === null ? (
                  <Badge size="xs" color="green" variant="light">
                    In force
                  </Badge>
                ) : (
                  <Text size="xs" c="dimmed">
                    Revision {v.revision}
                  </Text>
                )}
                <Text size="sm" className="keel-num" fw={500}>
                  {older && older.value !== v.value ? (
                    <>
                      <Text span size="xs" c="dimmed" td="line-through">
                        {formatKpiValue(older.value, kpi)}
                      </Text>{" "}
                      → {formatKpiValue(v.value, kpi)}
                    </>
                  ) : (
                    formatKpiValue(v.value, kpi)
                  )}
                </Text>
                <Text size="xs" c="dimmed">
                  {v.authorName ?? "Keel"} · {sourceLabels[v.source] ?? v.source} ·{" "}
                  {formatDateTime(v.recordedAt)}
                </Text>
                <Text size="xs" fs={v.note ? "italic" : undefined} c={v.note ? undefined : "dimmed"}>
                  {v.note ? `“${v.note}”` : "No note"}
                </Text>
              </Group>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}

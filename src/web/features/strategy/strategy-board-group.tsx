import { Anchor, Button, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import { formatKpiValue } from "../kpis/kpi-format.ts";
import { KpiStatusBadge, TrendArrow } from "../kpis/kpi-status.tsx";
import { Sparkline } from "../kpis/sparkline.tsx";
import { OkrProgressBar } from "../okrs/okr-progress-bar.tsx";
import { OkrStatusBadge } from "../okrs/okr-status-badge.tsx";
import type { StrategyBoard } from "./strategy-api.ts";

type BoardGroup = StrategyBoard["groups"][number];
/** Rows shown before "Show all": a review reads the worst first, the rest on demand. */
const FIRST_ROWS = 8;

const kpiRank = { red: 0, amber: 1, no_data: 2, green: 4 } as const;
const objectiveRank = { off_track: 0, at_risk: 1, stale: 2, not_started: 3, draft: 5, on_track: 4 } as const;

function countLine(group: BoardGroup): string {
  const k = group.counts.kpis;
  const o = group.counts.objectives;
  return `KPIs: ${k.green} green, ${k.amber} amber, ${k.red} red · Objectives: ${o.onTrack} on track, ${o.atRisk} at risk, ${o.offTrack} off track`;
}

/** One theme's column of the scorecard: its counts, KPI rows and Objective rows, worst first. */
export function StrategyBoardGroup({ slug, group }: { slug: string; group: BoardGroup }) {
  const [all, setAll] = useState(false);
  const name = group.theme?.name ?? "No theme";
  const kpis = [...group.kpis].sort(
    (a, b) => (kpiRank[a.status ?? "no_data"] ?? 3) - (kpiRank[b.status ?? "no_data"] ?? 3),
  );
  const objectives = [...group.objectives].sort((a, b) => objectiveRank[a.status] - objectiveRank[b.status]);
  const more = kpis.length > FIRST_ROWS || objectives.length > FIRST_ROWS;
  const shownKpis = all ? kpis : kpis.slice(0, FIRST_ROWS);
  const shownObjectives = all ? objectives : objectives.slice(0, FIRST_ROWS);
  return (
    <Card withBorder component="section" aria-label={name} data-testid="strategy-group">
      <Title order={2} size="h4">
        {name}
      </Title>
      <Text size="xs" c="dimmed" mb="sm" data-testid="strategy-group-counts">
        {countLine(group)}
      </Text>
      <Stack gap="sm">
        {kpis.length === 0 && objectives.length === 0 && (
          <Text size="sm" c="dimmed">
            Nothing links to {name} yet: give KPIs and Objectives this theme to see them here.
          </Text>
        )}
        {kpis.length > 0 && (
          <Table aria-label={`KPIs of ${name}`} verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>KPI</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Value</Table.Th>
                <Table.Th>Last values</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shownKpis.map((k) => (
                <Table.Tr key={k.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/o/${slug}/kpis/${k.id}`} size="sm">
                      {k.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {k.teamName}
                      {k.target !== null && ` · target ${formatKpiValue(k.target, k)}`}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <KpiStatusBadge status={k.status} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Text size="sm">{formatKpiValue(k.value, k)}</Text>
                      <TrendArrow kpi={k} size={14} />
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Sparkline
                      points={k.sparkline}
                      status={k.status}
                      target={k.target}
                      label={`${k.name}, last values`}
                      width={96}
                      height={28}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {objectives.length > 0 && (
          <Table aria-label={`Objectives of ${name}`} verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Objective</Table.Th>
                <Table.Th>Progress</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shownObjectives.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>
                    {o.restricted ? (
                      <Text size="sm">{o.title}</Text>
                    ) : (
                      <Anchor component={Link} to={`/o/${slug}/okrs/${o.id}`} size="sm">
                        {o.title}
                      </Anchor>
                    )}
                    <Text size="xs" c="dimmed">
                      {o.teamName ?? "Personal"}
                    </Text>
                  </Table.Td>
                  <Table.Td miw={110}>
                    <OkrProgressBar
                      progress={o.progress}
                      status={o.status}
                      label={`Progress of ${o.title}`}
                    />
                  </Table.Td>
                  <Table.Td>
                    <OkrStatusBadge status={o.status} compact />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {more && (
          <Button variant="subtle" size="compact-sm" onClick={() => setAll((v) => !v)}>
            {all
              ? "Show the first rows only"
              : `Show all ${kpis.length} KPIs and ${objectives.length} Objectives`}
          </Button>
        )}
      </Stack>
    </Card>
  );
}

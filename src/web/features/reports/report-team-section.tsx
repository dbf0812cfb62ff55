import { Badge, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { formatKpiValue } from "../kpis/kpi-format.ts";
import { KpiStatusBadge } from "../kpis/kpi-status.tsx";
import { Sparkline } from "../kpis/sparkline.tsx";
import { formatProgress, formatScore, formatValue, statusLabels } from "../okrs/okr-format.ts";
import { OkrStatusBadge } from "../okrs/okr-status-badge.tsx";
import type { ReportTeam } from "./reports-api.ts";

type Okrs = NonNullable<ReportTeam["okrs"]>;
type Kpis = NonNullable<ReportTeam["kpis"]>;

function OkrSection({ okrs, teamName }: { okrs: Okrs; teamName: string }) {
  const { health, lint } = okrs;
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Title order={3} size="h5">
          OKRs
        </Title>
        {health.overall && <OkrStatusBadge status={health.overall} compact />}
        <Text size="sm" c="dimmed">
          {health.total} {health.total === 1 ? "Objective" : "Objectives"} · linter: {lint.open} open,{" "}
          {lint.dismissed} dismissed
        </Text>
      </Group>
      {okrs.objectives.length === 0 && (
        <Text size="sm" c="dimmed">
          No Objectives of {teamName} in this cycle.
        </Text>
      )}
      {okrs.objectives.map((o) => (
        <div key={o.id}>
          <Group gap="xs" wrap="nowrap">
            <OkrStatusBadge status={o.status} compact />
            <Text size="sm" fw={600} fs={o.restricted ? "italic" : undefined}>
              {o.title ?? "An Objective visible to its team only"}
            </Text>
            <Text size="sm" c="dimmed">
              {formatProgress(o.progress)} of {formatProgress(o.expectedProgress)} expected
              {o.grade !== null ? ` · grade ${formatScore(o.grade)}` : ""}
            </Text>
          </Group>
          {o.keyResults.length > 0 && (
            <Table fz="sm" withRowBorders={false} verticalSpacing={2} ml="md">
              <Table.Tbody>
                {o.keyResults.map((kr) => (
                  <Table.Tr key={kr.id}>
                    <Table.Td>{kr.title}</Table.Td>
                    <Table.Td>
                      {kr.kind === "milestone"
                        ? kr.done
                          ? "Done"
                          : "Not done"
                        : `${formatValue(kr.currentValue)} / ${formatValue(kr.targetValue, kr.unit)}`}
                    </Table.Td>
                    <Table.Td>{formatProgress(kr.progress)}</Table.Td>
                    <Table.Td>{statusLabels[kr.status]}</Table.Td>
                    <Table.Td>{kr.finalScore !== null ? `score ${formatScore(kr.finalScore)}` : ""}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </div>
      ))}
    </Stack>
  );
}

function KpiSection({ kpis }: { kpis: Kpis }) {
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        KPIs
      </Title>
      {kpis.kpis.length === 0 && (
        <Text size="sm" c="dimmed">
          No KPIs.
        </Text>
      )}
      {kpis.kpis.length > 0 && (
        <Table fz="sm" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>KPI</Table.Th>
              <Table.Th>Value</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>In this cycle</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {kpis.kpis.map((k) => (
              <Table.Tr key={k.id}>
                <Table.Td>{k.name}</Table.Td>
                <Table.Td>{formatKpiValue(k.value, k)}</Table.Td>
                <Table.Td>
                  <KpiStatusBadge status={k.status} />
                </Table.Td>
                <Table.Td>
                  <Sparkline
                    points={k.values}
                    status={k.status}
                    target={k.target}
                    label={`${k.name} in this cycle`}
                    width={120}
                    height={28}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {kpis.floors.length > 0 && (
        <Text size="sm">
          Floor:{" "}
          {kpis.floors
            .map(
              (f) =>
                `${f.kpi.name} at ${formatKpiValue(f.threshold, f.kpi)}${f.breached ? " (breached)" : ""}`,
            )
            .join("; ")}
        </Text>
      )}
      {kpis.escalations.length > 0 && (
        <Text size="sm">
          Escalations: {kpis.escalations.map((e) => `${e.kpiName} (${e.reason}, ${e.state})`).join("; ")}
        </Text>
      )}
    </Stack>
  );
}

/** One team of the report: a KPI-only team shows no OKR section, an OKR-only one no KPI section. */
export function ReportTeamSection({ team }: { team: ReportTeam }) {
  const headingId = `report-team-${team.id}`;
  return (
    <Card
      withBorder
      padding="sm"
      component="section"
      aria-labelledby={headingId}
      ml={Math.min(team.depth, 4) * 16}
    >
      <Group gap="xs" mb="xs">
        <Title order={2} size="h4" id={headingId}>
          {team.name}
        </Title>
        <Badge variant="light" color="gray">
          {team.methodology === "both" ? "OKRs and KPIs" : team.methodology === "okr" ? "OKRs" : "KPIs"}
        </Badge>
      </Group>
      <Stack gap="md">
        {team.okrs && <OkrSection okrs={team.okrs} teamName={team.name} />}
        {team.kpis && <KpiSection kpis={team.kpis} />}
      </Stack>
    </Card>
  );
}

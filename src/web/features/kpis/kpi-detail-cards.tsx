import { Anchor, Card, Group, SegmentedControl, Stack, Table, Text } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { Link } from "react-router";
import { greenBounds, redLimits, type ThresholdField } from "../../../domain/kpi/bands.ts";
import { dayMs } from "../../../shared/charts/kpi-geometry.ts";
import { QueryError } from "../../components/query-error.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { todayIso } from "../okrs/okr-defaults.ts";
import { useThemes } from "../themes/themes-api.ts";
import { KpiChart } from "./kpi-chart.tsx";
import { aggregationLabels, formatKpiValue, unitLabels } from "./kpi-format.ts";
import { type RangeKey, rangeQuery } from "./kpi-range.ts";
import { type Kpi, useKpiSeries } from "./kpis-api.ts";

const ranges: Array<{ value: RangeKey; label: string }> = [
  { value: "1y", label: "1 year" },
  { value: "2y", label: "2 years" },
  { value: "5y", label: "5 years" },
  { value: "all", label: "All" },
];

/** The chart card with its range selector. */
export function HistoryCard({ slug, kpi }: { slug: string; kpi: Kpi }) {
  const [range, setRange] = useState<RangeKey>("2y");
  const query = rangeQuery(range, todayIso());
  const series = useKpiSeries(slug, kpi.id, query);
  return (
    <Card withBorder padding="sm">
      <Group justify="space-between" mb="xs" gap="xs" wrap="wrap">
        <Text fw={600} size="sm">
          History
        </Text>
        <SegmentedControl
          size="xs"
          aria-label="Range"
          value={range}
          onChange={(v) => setRange(v as RangeKey)}
          data={ranges}
        />
      </Group>
      {series.isPending ? (
        <TableSkeleton rows={5} />
      ) : series.isError ? (
        <QueryError error={series.error} onRetry={() => void series.refetch()} what="the history" />
      ) : (
        <div style={{ opacity: series.isPlaceholderData ? 0.6 : 1, transition: "opacity 120ms" }}>
          <KpiChart kpi={kpi} series={series.data} from={dayMs(query.from)} to={dayMs(query.to)} />
        </div>
      )}
    </Card>
  );
}

/** The thresholds in force, in words. */
export function BandsSummary({ kpi }: { kpi: Kpi }) {
  const b = kpi.bandsInForce;
  if (!b)
    return (
      <Text size="xs" c="dimmed">
        No thresholds in force: no colour, no escalations.
      </Text>
    );
  const f = (field: ThresholdField) => formatKpiValue(b[field], kpi);
  const green = greenBounds(kpi.direction);
  const red = redLimits(kpi.direction);
  const greenLine =
    green.min && green.max
      ? `Green ${f(green.min)} to ${f(green.max)}`
      : green.min
        ? `Green at ${f(green.min)} or more`
        : green.max && `Green at ${f(green.max)} or less`;
  const redLine =
    red.min && red.max
      ? `Red below ${f(red.min)} or above ${f(red.max)}`
      : red.min
        ? `Red below ${f(red.min)}`
        : red.max && `Red above ${f(red.max)}`;
  const lines = [greenLine, redLine].filter((line): line is string => Boolean(line));
  return (
    <Stack gap={0} mt={2}>
      {lines.map((l) => (
        <Text key={l} size="xs" className="keel-num">
          {l}
        </Text>
      ))}
      <Text size="xs" c="dimmed">
        In force since {b.effectiveFrom}
        {kpi.bands.length > 1 ? ` · ${kpi.bands.length} versions over time` : ""}
      </Text>
    </Stack>
  );
}

export function Details({ slug, kpi }: { slug: string; kpi: Kpi }) {
  const themes = useThemes(slug, "");
  const theme = themes.items.find((t) => t.id === kpi.themeId);
  const row = (label: string, value: ReactNode) => (
    <Table.Tr>
      <Table.Td c="dimmed" w={100} fz="xs" py={2}>
        {label}
      </Table.Td>
      <Table.Td fz="sm" py={2}>
        {value}
      </Table.Td>
    </Table.Tr>
  );
  return (
    <Table withRowBorders={false}>
      <Table.Tbody>
        {row("Owner", kpi.ownerName)}
        {row(
          "Team",
          <Anchor component={Link} to={`/o/${slug}/teams/${kpi.teamId}/kpis`} size="sm">
            {kpi.teamName}
          </Anchor>,
        )}
        {row("Theme", theme?.name ?? (kpi.themeId ? "…" : "None"))}
        {row("Unit", `${unitLabels[kpi.unit]}${kpi.currency ? ` (${kpi.currency})` : ""}`)}
        {row("Roll-up", aggregationLabels[kpi.aggregation])}
      </Table.Tbody>
    </Table>
  );
}

import { Card, Grid, Group, Text } from "@mantine/core";
import { BandsSummary, Details } from "./kpi-detail-cards.tsx";
import { formatKpiValue, periodName, targetLabel, trendLabel } from "./kpi-format.ts";
import { TrendArrow } from "./kpi-status.tsx";
import { UnusualNote } from "./kpi-unusual.tsx";
import type { Kpi } from "./kpis-api.ts";

/** The three cards at the top of a KPI: where it stands, what it aims at, and its details. */
export function KpiSummaryCards({ slug, kpi: k }: { slug: string; kpi: Kpi }) {
  return (
    <Grid gap="md" mb="md">
      <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
        <Card withBorder padding="sm" h="100%">
          <Text size="xs" c="dimmed" fw={500}>
            Current value
          </Text>
          <Group gap="xs" align="center" wrap="nowrap">
            <Text fz={28} fw={600} className="keel-num" data-testid="kpi-current-value">
              {formatKpiValue(k.current.value, k)}
            </Text>
            <TrendArrow kpi={k} size={22} />
          </Group>
          <Text size="xs" c="dimmed">
            {k.current.periodStart ? periodName(k.current.periodStart, k.frequency) : "No period yet"} ·{" "}
            {trendLabel(k)}
          </Text>
          <UnusualNote kpi={k} />
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
        <Card withBorder padding="sm" h="100%">
          <Text size="xs" c="dimmed" fw={500}>
            Target and thresholds
          </Text>
          <Text fz="lg" fw={600} className="keel-num">
            {targetLabel(k)}
          </Text>
          <BandsSummary kpi={k} />
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Card withBorder padding="sm" h="100%">
          <Details slug={slug} kpi={k} />
        </Card>
      </Grid.Col>
    </Grid>
  );
}

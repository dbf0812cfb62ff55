import { Card, Grid, Stack, Text } from "@mantine/core";
import { ConnectorPanel } from "./connector-panel.tsx";
import { FormulaTree } from "./formula-tree.tsx";
import type { Kpi } from "./kpis-api.ts";
import { MeasurementsTable } from "./measurements-table.tsx";

type Props = { slug: string; kpi: Kpi; canRunConnector: boolean };

/** Where a KPI's values come from: the values themselves, its formula tree and its connector. */
export function KpiDataSections({ slug, kpi: k, canRunConnector }: Props) {
  return (
    <Grid gap="md" mt="md">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Card withBorder padding={0}>
          <Text fw={600} size="sm" p="sm" pb={4}>
            Values
          </Text>
          <MeasurementsTable
            slug={slug}
            kpi={k}
            emptyHint={
              k.formula
                ? "No values yet: they appear when its inputs have values."
                : "No values yet. Enter the first one, import a CSV, or push values through the API."
            }
          />
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="md">
          <Card withBorder padding="sm">
            <Text fw={600} size="sm" mb={6}>
              Formula tree
            </Text>
            <FormulaTree slug={slug} kpiId={k.id} />
          </Card>
          <Card withBorder padding="sm">
            <Text fw={600} size="sm" mb={6}>
              Connector
            </Text>
            <ConnectorPanel slug={slug} kpi={k} canRun={canRunConnector} />
          </Card>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

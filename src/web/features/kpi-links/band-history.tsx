import { Badge, Card, Stack, Table, Text, Title } from "@mantine/core";
import { FIELDS_BY_DIRECTION } from "../../../domain/kpi/bands.ts";
import { type BandField, bandFieldLabels } from "../kpis/kpi-draft.ts";
import { formatKpiValue } from "../kpis/kpi-format.ts";
import type { Kpi } from "../kpis/kpis-api.ts";
import { useKpiKeyResults } from "./kpi-links-api.ts";

/**
 * The KPI's band series, newest first: every dated entry with its target and thresholds,
 * and which ones a met Key Result's accepted baseline wrote. A new baseline takes effect
 * from the period after its cycle, so it is often still ahead of today and would not show
 * in the thresholds in force.
 */
export function BandHistory({ slug, kpi }: { slug: string; kpi: Kpi }) {
  const promotions = useKpiKeyResults(slug, kpi.id).data?.promotions ?? [];
  if (kpi.bands.length === 0) return null;
  const fields: BandField[] = ["target", ...FIELDS_BY_DIRECTION[kpi.direction]];
  const labels: Partial<Record<BandField, string>> = { target: "Target", ...bandFieldLabels[kpi.direction] };
  const baselineFrom = new Map(
    promotions
      .filter((p) => p.baseline === "accepted" && p.baselineEffectiveFrom)
      .map((p) => [p.baselineEffectiveFrom!, p.cycleName]),
  );
  const entries = [...kpi.bands].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  return (
    <Card withBorder padding="sm" mt="md">
      <Stack gap="xs">
        <Title order={3} size="h4">
          Band history
        </Title>
        <Text size="xs" c="dimmed">
          Each entry applies from its date until the next one, so earlier periods keep the bar of their time.
        </Text>
        <Table aria-label="Band history" className="keel-num">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>From</Table.Th>
              {fields.map((f) => (
                <Table.Th key={f}>{labels[f] ?? f}</Table.Th>
              ))}
              <Table.Th>Why</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((b) => {
              const cycleName = baselineFrom.get(b.effectiveFrom);
              return (
                <Table.Tr key={b.effectiveFrom}>
                  <Table.Td>{b.effectiveFrom}</Table.Td>
                  {fields.map((f) => (
                    <Table.Td key={f}>{b[f] === null ? "—" : formatKpiValue(b[f], kpi)}</Table.Td>
                  ))}
                  <Table.Td>
                    {cycleName ? (
                      <Badge variant="light" color="indigo">
                        New baseline from {cycleName}
                      </Badge>
                    ) : (
                      <Text size="xs" c="dimmed">
                        Set on the KPI
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
}

import { Anchor, Badge, Card, Group, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { OkrStatusBadge } from "../okrs/okr-status-badge.tsx";
import { BaselineOfferList } from "./baseline-offer-card.tsx";
import { type KpiKeyResults, useBaselineOffers, useKpiKeyResults } from "./kpi-links-api.ts";

const outcomeWords: Record<KpiKeyResults["promotions"][number]["outcome"], string> = {
  running: "Running",
  met: "Met",
  missed: "Missed",
  unlinked: "Unlinked",
};
const baselineWords: Record<KpiKeyResults["promotions"][number]["baseline"], string> = {
  accepted: "New baseline accepted",
  declined: "New baseline declined",
  pending: "New baseline waiting for a decision",
  not_offered: "—",
};

/** The "Key Result in <cycle>" badges a promoted KPI shows beside its name. */
export function PromotedBadges({ data }: { data: KpiKeyResults | undefined }) {
  if (!data || data.promotedIn.length === 0) return null;
  return (
    <Group gap="xs" mb="sm">
      {data.promotedIn.map((c) => (
        <Badge key={c.cycleId} variant="light" color="indigo">
          Key Result in {c.cycleName}
        </Badge>
      ))}
    </Group>
  );
}

/**
 * The KPI page's "Key Results reading this KPI": who reads it now, every time it was a
 * Key Result and how that ended, and the new baseline a met one offers (edit and accept,
 * or decline, for whoever may change the KPI's bands; shown to the KPI's and KR's owners).
 */
export function KpiKeyResultsSection({ slug, kpiId }: { slug: string; kpiId: string }) {
  const query = useKpiKeyResults(slug, kpiId);
  const offers = useBaselineOffers(slug);
  const data = query.data;
  // While loading, hold the section's place: appearing later would push the sections
  // below it down under the reader's pointer.
  if (!data) return query.isPending ? <SectionPlaceholder /> : null;
  const open = (offers.data?.items ?? []).filter((o) => o.kpiId === kpiId);
  return (
    <Card withBorder padding="sm" mt="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Key Results reading this KPI
        </Title>
        <PromotedBadges data={data} />
        <BaselineOfferList slug={slug} offers={open} title="A Key Result met its target" />
        {data.keyResults.length === 0 ? (
          <Text size="sm" c="dimmed">
            No Key Result reads this KPI. Link it from a Key Result's form, or make it a Key Result for a
            cycle when it needs to change rather than hold.
          </Text>
        ) : (
          <Table aria-label="Key Results reading this KPI">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Key Result</Table.Th>
                <Table.Th>Cycle</Table.Th>
                <Table.Th>Current → target</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.keyResults.map((kr) => (
                <Table.Tr key={kr.keyResultId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/o/${slug}/okrs/${kr.objectiveId}`}>
                      {kr.title}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {kr.objectiveTitle}
                    </Text>
                  </Table.Td>
                  <Table.Td>{kr.cycleName}</Table.Td>
                  <Table.Td>
                    {kr.currentValue ?? "—"} → {kr.targetValue ?? "—"}
                  </Table.Td>
                  <Table.Td>
                    <OkrStatusBadge status={kr.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {data.promotions.length > 0 && (
          <Table aria-label="Promotion history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Cycle</Table.Th>
                <Table.Th>Key Result</Table.Th>
                <Table.Th>Outcome</Table.Th>
                <Table.Th>Baseline</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.promotions.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{p.cycleName}</Table.Td>
                  <Table.Td>{p.keyResultTitle}</Table.Td>
                  <Table.Td>
                    {outcomeWords[p.outcome]}
                    {p.finalValue !== null ? ` at ${p.finalValue}` : ""}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {baselineWords[p.baseline]}
                      {p.baselineEffectiveFrom ? ` from ${p.baselineEffectiveFrom}` : ""}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}

function SectionPlaceholder() {
  return (
    <Card withBorder padding="sm" mt="md" aria-busy="true" data-testid="kpi-key-results-loading">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Key Results reading this KPI
        </Title>
        <Skeleton height={40} />
      </Stack>
    </Card>
  );
}

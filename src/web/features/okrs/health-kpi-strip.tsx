import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconHeartbeat } from "@tabler/icons-react";
import { Link } from "react-router";
import type { Objective } from "../../lib/types.ts";
import { formatKpiValue } from "../kpis/kpi-format.ts";
import { KpiStatusBadge, TrendArrow } from "../kpis/kpi-status.tsx";
import { Sparkline } from "../kpis/sparkline.tsx";

type HealthKpi = Objective["healthKpis"][number];
type Props = { slug: string; objective: Objective; onEdit: (() => void) | null };

/**
 * The KPIs this Objective must not break: each with its value, status word and colour,
 * a sparkline of its last periods, where it is heading and a link to it. Empty, it says
 * what to pick and why. Hidden when the reader may not read the Objective's text.
 */
export function HealthKpiStrip({ slug, objective: o, onEdit }: Props) {
  if (o.restricted) return null;
  return (
    <Stack gap="xs" my="md" data-testid="health-kpis">
      <Group justify="space-between" gap="xs">
        <Title order={2} size="h4">
          Health KPIs
        </Title>
        {onEdit && o.healthKpis.length > 0 && (
          <Button variant="subtle" size="compact-sm" onClick={onEdit}>
            Change
          </Button>
        )}
      </Group>
      {o.healthKpis.length === 0 ? (
        <Card withBorder padding="sm">
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <IconHeartbeat size={20} color="var(--mantine-color-dimmed)" aria-hidden />
            <Stack gap={4}>
              <Text size="sm">
                Pick 2–4 KPIs this Objective must not break while it changes things: cutting the cost per
                parcel should not cost on-time delivery or raise damage claims.
              </Text>
              {onEdit && (
                <Button
                  variant="light"
                  size="compact-sm"
                  onClick={onEdit}
                  style={{ alignSelf: "flex-start" }}
                >
                  Pick health KPIs
                </Button>
              )}
            </Stack>
          </Group>
        </Card>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          {o.healthKpis.map((k) => (
            <HealthKpiCard key={k.id} slug={slug} kpi={k} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

function HealthKpiCard({ slug, kpi: k }: { slug: string; kpi: HealthKpi }) {
  return (
    <Card withBorder padding="sm" data-testid="health-kpi" data-status={k.status ?? "none"}>
      <Anchor component={Link} to={`/o/${slug}/kpis/${k.id}`} fw={600} size="sm" lineClamp={2}>
        {k.name}
      </Anchor>
      <Text size="xs" c="dimmed" mb={6}>
        {k.teamName}
        {k.state === "archived" ? " · archived" : ""}
      </Text>
      <Group gap="xs" align="center" mb={6} wrap="nowrap">
        <Text fz={20} fw={600} className="keel-num">
          {formatKpiValue(k.value, k)}
        </Text>
        <TrendArrow kpi={k} />
        <KpiStatusBadge status={k.status} />
      </Group>
      <Sparkline points={k.sparkline} status={k.status} target={k.target} label={`${k.name}, last periods`} />
    </Card>
  );
}

import { Anchor, Badge, Card, Group, Stack, Text } from "@mantine/core";
import { IconAlertOctagon, IconPlugConnected, IconUser } from "@tabler/icons-react";
import { Link } from "react-router";
import { formatKpiValue, kpiStatusFill, periodName, targetLabel } from "./kpi-format.ts";
import { KpiStatusBadge, TrendArrow } from "./kpi-status.tsx";
import type { Kpi, KpiCard as KpiCardData } from "./kpis-api.ts";
import { Sparkline } from "./sparkline.tsx";

/** An open escalation on a KPI: red while nobody took it, orange once acknowledged. */
export function EscalationBadge({ slug, escalation }: { slug: string; escalation: Kpi["openEscalation"] }) {
  if (!escalation) return null;
  const acknowledged = escalation.state === "acknowledged";
  return (
    <Badge
      component={Link}
      to={`/o/${slug}/escalations/${escalation.id}`}
      color={acknowledged ? "orange" : "red"}
      variant={acknowledged ? "light" : "filled"}
      leftSection={<IconAlertOctagon size={12} />}
      style={{ cursor: "pointer", flexShrink: 0 }}
      data-testid="escalation-badge"
      title={`${escalation.reason === "floor" ? "Fell through a cycle's floor" : "Crossed its red threshold"}; ${acknowledged ? "someone is on it" : "waiting for someone to acknowledge it"}`}
    >
      {acknowledged ? "Escalation acknowledged" : "Escalated"}
    </Badge>
  );
}

/** One KPI on a team's board: value, target, status, trend, the last periods, escalation. */
export function KpiCard({ slug, kpi }: { slug: string; kpi: KpiCardData }) {
  const status = kpi.current.status;
  const target = kpi.bandsInForce?.target ?? null;
  return (
    <Card
      withBorder
      padding="sm"
      data-testid="kpi-card"
      data-kpi-key={kpi.key}
      style={{ borderLeft: `3px solid ${kpiStatusFill(status)}` }}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap={6} wrap="nowrap" align="flex-start">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Anchor
              component={Link}
              to={`/o/${slug}/kpis/${kpi.id}`}
              c="var(--mantine-color-text)"
              fw={600}
              size="sm"
              lineClamp={2}
              data-testid="kpi-card-name"
            >
              {kpi.name}
            </Anchor>
            <Group gap={4} wrap="nowrap">
              <IconUser size={12} color="var(--mantine-color-dimmed)" aria-hidden />
              <Text size="xs" c="dimmed" truncate>
                {kpi.ownerName}
              </Text>
              {kpi.connector && (
                <IconPlugConnected
                  size={12}
                  color={
                    kpi.connector.lastOutcome === "failed"
                      ? "var(--mantine-color-red-filled)"
                      : "var(--mantine-color-dimmed)"
                  }
                  aria-label={
                    kpi.connector.lastOutcome === "failed"
                      ? "Connector: last run failed"
                      : "Fed by a connector"
                  }
                />
              )}
            </Group>
          </Stack>
        </Group>
        <Group justify="space-between" gap={6} wrap="nowrap" align="flex-end">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Group gap={6} wrap="nowrap" align="center">
              <Text fz={22} fw={600} className="keel-num" lh={1.2} data-testid="kpi-card-value">
                {formatKpiValue(kpi.current.value, kpi)}
              </Text>
              <TrendArrow kpi={kpi} size={18} />
            </Group>
            <Text size="xs" c="dimmed" className="keel-num" truncate>
              {targetLabel(kpi)}
            </Text>
          </Stack>
          <KpiStatusBadge status={status} />
        </Group>
        <Sparkline
          points={kpi.sparkline}
          status={status}
          target={target}
          label={`${kpi.name}, last periods`}
          width={260}
          height={34}
        />
        <Group justify="space-between" gap={6} wrap="nowrap" mih={20}>
          <Text size="xs" c="dimmed" truncate>
            {kpi.current.periodStart ? periodName(kpi.current.periodStart, kpi.frequency) : "No period yet"}
            {kpi.formula ? " · formula" : ""}
          </Text>
          <EscalationBadge slug={slug} escalation={kpi.openEscalation} />
        </Group>
      </Stack>
    </Card>
  );
}

import { Alert, Button, Group, Text } from "@mantine/core";
import { IconAlertOctagon } from "@tabler/icons-react";
import { Link } from "react-router";
import { formatRelative } from "../../lib/format.ts";
import { reasonLabels } from "../escalations/escalation-state-badge.tsx";
import type { Kpi } from "./kpis-api.ts";

/** The KPI's open escalation, if any: who is on it, when it closes, and the way to it. */
export function KpiEscalationAlert({ slug, kpi: k }: { slug: string; kpi: Kpi }) {
  const escalation = k.openEscalation;
  if (!escalation) return null;
  return (
    <Alert
      color={escalation.state === "acknowledged" ? "orange" : "red"}
      icon={<IconAlertOctagon size={18} />}
      mb="md"
      title={`Escalated: ${reasonLabels[escalation.reason].toLowerCase()} ${formatRelative(escalation.openedAt)}`}
      data-testid="kpi-escalation-panel"
    >
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text size="sm">
          {escalation.state === "acknowledged"
            ? `${escalation.acknowledgedByName ?? "A former member"} acknowledged it and is on it. It closes when resolved, or by itself after `
            : "Waiting for the owner or a lead to acknowledge it. It closes when resolved, or by itself after "}
          {k.closeAfterGreenPeriods} green period{k.closeAfterGreenPeriods === 1 ? "" : "s"} in a row.
        </Text>
        <Button component={Link} to={`/o/${slug}/escalations/${escalation.id}`} size="xs" variant="white">
          Open the escalation
        </Button>
      </Group>
    </Alert>
  );
}

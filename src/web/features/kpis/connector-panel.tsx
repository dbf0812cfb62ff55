import { Alert, Badge, Button, Code, Group, Stack, Table, Text, Tooltip } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck, IconPlayerPlay, IconPlugConnected } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { formatDateTime, formatRelative } from "../../lib/format.ts";
import { notify } from "../../lib/notify.ts";
import { formatKpiValue, periodName } from "./kpi-format.ts";
import { type Kpi, useKpiConnector, useRunConnector } from "./kpis-api.ts";

const kindLabels = { http_json: "HTTP JSON endpoint", postgres_sql: "PostgreSQL query" } as const;

/**
 * Where a connector-fed KPI gets its values: the source, the last run (and why it failed),
 * the next one; "Run now" for those who manage the team's KPIs.
 */
export function ConnectorPanel({ slug, kpi, canRun }: { slug: string; kpi: Kpi; canRun: boolean }) {
  const summary = kpi.connector;
  const detail = useKpiConnector(slug, kpi.id, summary !== null);
  const run = useRunConnector(slug, kpi.id);
  if (!summary) {
    return (
      <Text size="sm" c="dimmed" data-testid="connector-panel">
        No connector: values come in by hand, CSV import or the API. A connector pulls the value on the KPI's
        frequency from an HTTP JSON endpoint or a PostgreSQL query.
      </Text>
    );
  }
  const c = detail.data;
  const failed = summary.lastOutcome === "failed";
  return (
    <Stack gap="xs" data-testid="connector-panel">
      <Group gap="xs" justify="space-between" wrap="wrap">
        <Group gap={6} wrap="wrap">
          <Group gap={4} wrap="nowrap">
            <IconPlugConnected size={16} aria-hidden />
            <Text size="sm" fw={500} style={{ whiteSpace: "nowrap" }}>
              {kindLabels[summary.kind]}
            </Text>
          </Group>
          {!summary.enabled && (
            <Badge color="gray" variant="outline">
              Paused
            </Badge>
          )}
          {summary.lastOutcome === "succeeded" && (
            <Badge color="green" leftSection={<IconCircleCheck size={11} />}>
              Last run succeeded
            </Badge>
          )}
          {failed && (
            <Badge color="red" leftSection={<IconAlertTriangle size={11} />}>
              Last run failed
            </Badge>
          )}
          {summary.lastOutcome === null && <Badge color="gray">Not run yet</Badge>}
        </Group>
        {canRun && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlayerPlay size={14} />}
            loading={run.isPending}
            onClick={() =>
              run.mutate(undefined, {
                onSuccess: (r) =>
                  r.outcome === "succeeded"
                    ? notify(
                        `Connector read ${formatKpiValue(r.value, kpi)}${r.periodStart ? ` for ${periodName(r.periodStart, kpi.frequency)}` : ""}${r.written === "unchanged" ? " (no change)" : ""}.`,
                      )
                    : notify(
                        `The connector run failed: ${r.error ?? "no reason given"}. Old values stay.`,
                        "error",
                      ),
                onError: (e) => notify(e.message, "error"),
              })
            }
          >
            Run now
          </Button>
        )}
      </Group>
      {failed && summary.lastError && (
        <Alert color="red" icon={<IconAlertTriangle size={16} />} p="xs" data-testid="connector-error">
          <Text size="sm">{summary.lastError}</Text>
          <Text size="xs" c="dimmed">
            Old values stay; the next run retries{c ? ` (${c.consecutiveFailures} failed in a row)` : ""}.
          </Text>
        </Alert>
      )}
      <Table withRowBorders={false} verticalSpacing={2} fz="sm">
        <Table.Tbody>
          {c?.url && (
            <Row label="URL">
              <Code fz="xs" style={{ overflowWrap: "anywhere" }}>
                {c.url}
              </Code>
            </Row>
          )}
          {c?.jsonPath && (
            <Row label="JSON path">
              <Code fz="xs">{c.jsonPath}</Code>
            </Row>
          )}
          {c?.query && (
            <Row label="Query">
              <Code fz="xs" block style={{ maxHeight: 120, overflow: "auto" }}>
                {c.query}
              </Code>
            </Row>
          )}
          <Row label="Last run">
            {summary.lastRunAt ? (
              <Tooltip label={formatDateTime(summary.lastRunAt)}>
                <span>{formatRelative(summary.lastRunAt)}</span>
              </Tooltip>
            ) : (
              "Never"
            )}
            {c?.lastValue !== null &&
              c?.lastValue !== undefined &&
              ` · read ${formatKpiValue(c.lastValue, kpi)}`}
          </Row>
          <Row label="Next run">{formatDateTime(summary.nextRunAt)}</Row>
          {c?.credentialsError && (
            <Row label="Credentials">
              <Text size="sm" c="red">
                {c.credentialsError}
              </Text>
            </Row>
          )}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td w={90} c="dimmed" fz="sm" style={{ verticalAlign: "top" }}>
        {label}
      </Table.Td>
      <Table.Td fz="sm">{children}</Table.Td>
    </Table.Tr>
  );
}

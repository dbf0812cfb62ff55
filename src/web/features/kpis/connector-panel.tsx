import { Alert, Badge, Button, Code, Group, Stack, Table, Text, Tooltip } from "@mantine/core";
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconPencil,
  IconPlayerPause,
  IconPlayerPlay,
  IconPlugConnected,
} from "@tabler/icons-react";
import { useIsFetching, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState } from "react";
import { formatDateTime, formatRelative } from "../../lib/format.ts";
import { notify } from "../../lib/notify.ts";
import { connectorKindLabels } from "./connector-draft.ts";
import { ConnectorFormModal } from "./connector-form-modal.tsx";
import { formatKpiValue, periodName } from "./kpi-format.ts";
import { type Kpi, kpiKeys, useKpiConnector, useRunConnector } from "./kpis-api.ts";

/**
 * Where a connector-fed KPI gets its values: the source, the last run (and why it failed),
 * the next one. Those who manage the team's KPIs add, edit, remove and run it.
 */
export function ConnectorPanel({ slug, kpi, canRun }: { slug: string; kpi: Kpi; canRun: boolean }) {
  const summary = kpi.connector;
  const detail = useKpiConnector(slug, kpi.id, summary !== null);
  const run = useRunConnector(slug, kpi.id);
  const [editing, setEditing] = useState(false);
  const client = useQueryClient();
  const fetching = useIsFetching({ queryKey: kpiKeys.kpi(slug, kpi.id) });
  const c = detail.data;
  // A scheduled run landed (the connector is polled while due): the value, status and
  // chart on this page changed with it.
  const ranSince = c !== undefined && summary !== null && c.lastRunAt !== summary.lastRunAt;
  useEffect(() => {
    if (ranSince && fetching === 0) void client.invalidateQueries({ queryKey: kpiKeys.kpi(slug, kpi.id) });
  }, [ranSince, fetching, client, slug, kpi.id]);

  // Formula KPIs compute their values; canRun already excludes archived KPIs.
  const canManage = canRun && !kpi.formula;
  const form = (
    <ConnectorFormModal
      slug={slug}
      kpi={kpi}
      opened={editing}
      onClose={() => setEditing(false)}
      connector={summary ? (c ?? null) : null}
      onReload={async () => (await detail.refetch()).data}
    />
  );
  // Both branches end with the same dialog at the same place, so a save that creates the
  // connector (and switches the branch) does not remount the dialog mid-request.
  if (!summary) {
    return (
      <>
        <Stack gap="xs" data-testid="connector-panel">
          <Text size="sm" c="dimmed">
            {kpi.formula
              ? "Computed from its formula, so it takes no connector."
              : "No connector: values come in by hand, CSV import or the API. A connector pulls the value on the KPI's frequency from an HTTP JSON endpoint or a PostgreSQL query."}
          </Text>
          {canManage && (
            <Group>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconPlugConnected size={14} />}
                onClick={() => setEditing(true)}
              >
                Add connector
              </Button>
            </Group>
          )}
        </Stack>
        {form}
      </>
    );
  }
  // The connector's own answer is fresher than the KPI's copy after a run or a save.
  const state = c ?? summary;
  const failed = state.lastOutcome === "failed";
  return (
    <>
      <Stack gap="xs" data-testid="connector-panel">
        <Group gap={6} wrap="wrap">
          <Group gap={4} wrap="nowrap">
            <IconPlugConnected size={16} aria-hidden />
            <Text size="sm" fw={500} style={{ whiteSpace: "nowrap" }}>
              {connectorKindLabels[state.kind]}
            </Text>
          </Group>
          {!state.enabled && (
            <Badge color="gray" variant="outline" leftSection={<IconPlayerPause size={11} />}>
              Paused
            </Badge>
          )}
          {state.lastOutcome === "succeeded" && (
            <Badge color="green" leftSection={<IconCircleCheck size={11} />} data-testid="connector-outcome">
              Last run succeeded
            </Badge>
          )}
          {failed && (
            <Badge color="red" leftSection={<IconAlertTriangle size={11} />} data-testid="connector-outcome">
              Last run failed
            </Badge>
          )}
          {state.lastOutcome === null && <Badge color="gray">Not run yet</Badge>}
        </Group>
        {canManage && (
          <Group gap="xs">
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
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconPencil size={14} />}
              disabled={!c}
              onClick={() => setEditing(true)}
            >
              Edit connector
            </Button>
          </Group>
        )}
        {failed && state.lastError && (
          <Alert color="red" icon={<IconAlertTriangle size={16} />} p="xs" data-testid="connector-error">
            <Text size="sm">{state.lastError}</Text>
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
            {c && c.headerNames.length > 0 && (
              <Row label="Headers">
                <Code fz="xs">{c.headerNames.join(", ")}</Code>{" "}
                <Text span size="xs" c="dimmed">
                  values hidden
                </Text>
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
              {state.lastRunAt ? (
                <Tooltip label={formatDateTime(state.lastRunAt)}>
                  <span>{formatRelative(state.lastRunAt)}</span>
                </Tooltip>
              ) : (
                "Never"
              )}
              {/* lastValue is the last successful read: after a failure it would pass for the outcome. */}
              {state.lastOutcome === "succeeded" && c?.lastValue !== null && c?.lastValue !== undefined && (
                <span data-testid="connector-last-value"> · read {formatKpiValue(c.lastValue, kpi)}</span>
              )}
            </Row>
            <Row label="Next run">
              {state.enabled ? formatDateTime(state.nextRunAt) : "Paused: runs only with Run now"}
            </Row>
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
      {form}
    </>
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

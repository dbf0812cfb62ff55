import { Code, Skeleton, Table, Text } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck, IconClock } from "@tabler/icons-react";
import { QueryError } from "../../components/query-error.tsx";
import { StatusBadge } from "../../components/status-badge.tsx";
import { formatRelative } from "../../lib/format.ts";
import { useDeliveries } from "./webhooks-api.ts";

const statusColor = { succeeded: "teal", pending: "yellow", failed: "red" } as const;
const statusIcon = {
  succeeded: <IconCircleCheck size={11} />,
  pending: <IconClock size={11} />,
  failed: <IconAlertTriangle size={11} />,
};

/** A webhook's newest deliveries: what was sent, what the target answered, what comes next. */
export function WebhookDeliveries({ slug, id }: { slug: string; id: string }) {
  const log = useDeliveries(slug, id);
  if (log.isPending) return <Skeleton height={60} />;
  if (log.isError)
    return <QueryError error={log.error} onRetry={() => void log.refetch()} what="the deliveries" />;
  if (log.data.items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing sent yet. Send a test, or wait for one of its events.
      </Text>
    );
  }
  return (
    <div className="keel-table-scroll">
      <Table fz="sm" aria-label="Deliveries">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Event</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Answer</Table.Th>
            <Table.Th>When</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {log.data.items.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>
                <Code fz="xs">{d.eventType}</Code>
              </Table.Td>
              <Table.Td>
                <StatusBadge color={statusColor[d.status]} icon={statusIcon[d.status]}>
                  {d.status === "pending" && d.attempts > 0 ? `retrying (${d.attempts} tried)` : d.status}
                </StatusBadge>
              </Table.Td>
              <Table.Td maw={320}>
                <Text size="xs" lineClamp={2} title={d.responseBody ?? undefined}>
                  {[
                    d.responseStatus && `HTTP ${d.responseStatus}`,
                    d.error !== `HTTP ${d.responseStatus}` && d.error,
                    d.responseBody,
                  ]
                    .filter(Boolean)
                    .join(" · ") || "—"}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {formatRelative(d.deliveredAt ?? d.createdAt)}
                  {d.status === "pending" && d.nextAttemptAt && d.attempts > 0
                    ? `; next try ${formatRelative(d.nextAttemptAt)}`
                    : ""}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

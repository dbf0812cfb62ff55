import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Card,
  Grid,
  Group,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Timeline,
  Title,
  Tooltip,
} from "@mantine/core";
import {
  IconAlertOctagon,
  IconArrowLeft,
  IconBolt,
  IconCircleCheck,
  IconEye,
  IconInbox,
  IconLock,
  IconMessage,
} from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { Link, useParams } from "react-router";
import { EmptyState } from "../../components/empty-state.tsx";
import { QueryError } from "../../components/query-error.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { isApiError } from "../../lib/api-client.ts";
import { formatDate, formatDateTime, formatRelative } from "../../lib/format.ts";
import { notify } from "../../lib/notify.ts";
import { useOrg } from "../../lib/org-context.tsx";
import { useSession } from "../../lib/session.ts";
import { useDocumentTitle } from "../../lib/use-document-title.ts";
import { formatKpiValue } from "../kpis/kpi-format.ts";
import { KpiStatusBadge } from "../kpis/kpi-status.tsx";
import { useKpi } from "../kpis/kpis-api.ts";
import { EntryForm, ResolveModal } from "./escalation-actions.tsx";
import { EscalationStateBadge, escalationValue, reasonLabels } from "./escalation-state-badge.tsx";
import { type Escalation, useAcknowledgeEscalation, useEscalation } from "./escalations-api.ts";

const roleLabels: Record<string, string> = {
  owner: "KPI owner",
  lead: "Team lead",
  floor_owner: "Floor owner",
  admin: "Admin",
};

const entryLooks: Record<
  Escalation["entries"][number]["kind"],
  { icon: ReactNode; color: string; verb: string }
> = {
  opened: { icon: <IconAlertOctagon size={13} />, color: "red", verb: "opened it" },
  acknowledged: { icon: <IconEye size={13} />, color: "orange", verb: "acknowledged it" },
  note: { icon: <IconMessage size={13} />, color: "gray", verb: "added a note" },
  action: { icon: <IconBolt size={13} />, color: "indigo", verb: "set an action" },
  resolved: { icon: <IconCircleCheck size={13} />, color: "green", verb: "resolved it" },
};

/** /o/:org/escalations/:escalationId: what crossed, who must act, and what they did. */
export function EscalationPage() {
  const { escalationId = "" } = useParams();
  const { slug } = useOrg();
  const userId = useSession().data?.user.id ?? null;
  const query = useEscalation(slug, escalationId);
  const acknowledge = useAcknowledgeEscalation(slug);
  // The KPI as it stands now: is it still red?
  const kpi = useKpi(slug, query.data?.kpi.id ?? "", query.data !== undefined);
  const [resolving, setResolving] = useState(false);
  useDocumentTitle(query.data ? `Escalation · ${query.data.kpi.name}` : "Escalation");

  if (query.isPending) return <TableSkeleton rows={8} />;
  if (query.isError) {
    return isApiError(query.error, "not_found") ? (
      <EmptyState
        icon={<IconInbox size={24} />}
        title="Escalation not found"
        action={
          <Button component={Link} to={`/o/${slug}/escalations`} variant="default">
            Back to escalations
          </Button>
        }
      >
        The link may be wrong, or it belongs to another organisation.
      </EmptyState>
    ) : (
      <QueryError error={query.error} onRetry={() => void query.refetch()} what="the escalation" />
    );
  }
  const e = query.data;
  const resolved = e.state === "resolved";
  // The server says who may act (recipients, leads up the tree, admins; never a viewer).
  const mayAct = e.mayAct;

  return (
    <>
      <Breadcrumbs mb="xs" separator="›" fz="sm">
        <Anchor component={Link} to={`/o/${slug}/escalations`} size="sm">
          <Group gap={4} wrap="nowrap">
            <IconArrowLeft size={14} />
            Escalations
          </Group>
        </Anchor>
        <Text size="sm" c="dimmed">
          {e.kpi.teamName}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" gap="sm" mb="md" wrap="wrap">
        <Stack gap={4} style={{ flex: "1 1 320px", minWidth: 0 }}>
          <Title order={1}>
            <Anchor component={Link} to={`/o/${slug}/kpis/${e.kpi.id}`} inherit c="var(--mantine-color-text)">
              {e.kpi.name}
            </Anchor>{" "}
            {e.reason === "floor" ? "fell through its floor" : "turned red"}
          </Title>
          <Group gap="xs" wrap="wrap">
            <EscalationStateBadge state={e.state} />
            <Text size="sm" c="dimmed">
              {reasonLabels[e.reason]} at <b className="keel-num">{escalationValue(e)}</b> for the period from{" "}
              {formatDate(e.periodStart)} · opened {formatRelative(e.openedAt)}
            </Text>
          </Group>
        </Stack>
        {mayAct && !resolved && (
          <Group gap="xs">
            {e.state === "open" && (
              <Button
                leftSection={<IconEye size={16} />}
                loading={acknowledge.isPending}
                onClick={() =>
                  acknowledge.mutate(
                    { id: e.id, version: e.version, note: "" },
                    {
                      onSuccess: () => notify("Acknowledged: the others it went to see that you are on it."),
                      onError: (err) => notify(err.message, "error"),
                    },
                  )
                }
              >
                Acknowledge
              </Button>
            )}
            <Button
              variant={e.state === "open" ? "default" : "filled"}
              color="green"
              leftSection={<IconCircleCheck size={16} />}
              onClick={() => setResolving(true)}
            >
              Resolve…
            </Button>
          </Group>
        )}
      </Group>

      {resolved && (
        <Alert
          color="green"
          icon={<IconCircleCheck size={18} />}
          mb="md"
          title="Resolved"
          data-testid="resolution"
        >
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {e.resolution ?? "Closed by itself: the KPI was back to green for enough periods in a row."}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            {e.resolvedByName ? `By ${e.resolvedByName}` : "By Keel"}
            {e.resolvedAt ? `, ${formatDateTime(e.resolvedAt)}` : ""}
          </Text>
        </Alert>
      )}
      {!mayAct && !resolved && (
        <Alert color="gray" icon={<IconLock size={18} />} mb="md">
          The people it went to, the leads of {e.kpi.teamName} (and above) and admins answer it; you can
          follow it here.
        </Alert>
      )}

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card withBorder padding="md">
            <Text fw={600} size="sm" mb="sm">
              Timeline
            </Text>
            <Timeline bulletSize={24} lineWidth={1} data-testid="escalation-timeline">
              {e.entries.map((entry) => {
                const look = entryLooks[entry.kind];
                return (
                  <Timeline.Item
                    key={entry.id}
                    bullet={
                      <ThemeIcon size={22} radius="xl" color={look.color} variant="light">
                        {look.icon}
                      </ThemeIcon>
                    }
                    data-testid="escalation-entry"
                    data-kind={entry.kind}
                  >
                    <Group gap={6} wrap="wrap">
                      <Text size="sm" fw={500}>
                        {entry.authorName ?? "Keel"}
                      </Text>
                      <Text size="sm" c="dimmed">
                        {look.verb}
                      </Text>
                      <Tooltip label={formatDateTime(entry.createdAt)}>
                        <Text size="xs" c="dimmed">
                          {formatRelative(entry.createdAt)}
                        </Text>
                      </Tooltip>
                    </Group>
                    {entry.text && (
                      <Text size="sm" mt={2} style={{ whiteSpace: "pre-wrap" }}>
                        {entry.text}
                      </Text>
                    )}
                  </Timeline.Item>
                );
              })}
            </Timeline>
            {mayAct && !resolved && <EntryForm slug={slug} escalation={e} />}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card withBorder padding="sm">
            <Table withRowBorders={false} verticalSpacing={3}>
              <Table.Tbody>
                <Detail label="KPI">
                  <Anchor component={Link} to={`/o/${slug}/kpis/${e.kpi.id}`} size="sm">
                    {e.kpi.name}
                  </Anchor>
                </Detail>
                <Detail label="Team">
                  <Anchor component={Link} to={`/o/${slug}/teams/${e.kpi.teamId}/kpis`} size="sm">
                    {e.kpi.teamName}
                  </Anchor>
                </Detail>
                <Detail label="Value">
                  <span className="keel-num">{escalationValue(e)}</span>
                </Detail>
                {kpi.data && (
                  <Detail label="Now">
                    <Group gap={6} wrap="nowrap">
                      <span className="keel-num">{formatKpiValue(kpi.data.current.value, kpi.data)}</span>
                      <KpiStatusBadge status={kpi.data.current.status} />
                    </Group>
                  </Detail>
                )}
                <Detail label="Period from">{formatDate(e.periodStart)}</Detail>
                <Detail label="Opened">{formatDateTime(e.openedAt)}</Detail>
                {e.acknowledgedAt && (
                  <Detail label="Acknowledged">
                    {e.acknowledgedByName ?? "A former member"}, {formatRelative(e.acknowledgedAt)}
                  </Detail>
                )}
              </Table.Tbody>
            </Table>
            <Text size="xs" c="dimmed" fw={600} mt="sm" mb={4}>
              Sent to
            </Text>
            <Stack gap={2} data-testid="escalation-recipients">
              {e.recipients.map((r) => (
                <Group key={r.userId} gap={6} justify="space-between" wrap="nowrap">
                  <Text size="sm">
                    {r.name}
                    {r.userId === userId ? " (you)" : ""}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {roleLabels[r.role] ?? r.role}
                  </Text>
                </Group>
              ))}
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
      <ResolveModal slug={slug} escalation={resolving ? e : null} onClose={() => setResolving(false)} />
    </>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td c="dimmed" fz="xs" w={100}>
        {label}
      </Table.Td>
      <Table.Td fz="sm">{children}</Table.Td>
    </Table.Tr>
  );
}

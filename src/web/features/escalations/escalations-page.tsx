import { Anchor, Button, Card, Table, Tabs, Text, Tooltip } from "@mantine/core";
import { IconAlertOctagon, IconCircleCheck, IconHierarchy2, IconInbox } from "@tabler/icons-react";
import { Link, useSearchParams } from "react-router";
import { EmptyState } from "../../components/empty-state.tsx";
import { LoadMore } from "../../components/load-more.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { QueryError } from "../../components/query-error.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { formatDate, formatDateTime, formatRelative } from "../../lib/format.ts";
import { useOrg } from "../../lib/org-context.tsx";
import { useSession } from "../../lib/session.ts";
import { useBreakpoints } from "../../lib/use-breakpoints.ts";
import { hasLeaderScope } from "../teams/team-scope.ts";
import { useTeamTree } from "../teams/teams-api.ts";
import { EscalationStateBadge, escalationValue, reasonLabels } from "./escalation-state-badge.tsx";
import {
  type Escalation,
  type EscalationFilter,
  useEscalations,
  useMyEscalationCount,
} from "./escalations-api.ts";

type Tab = "scope" | "mine" | "unresolved" | "resolved";
const tabs: Tab[] = ["scope", "mine", "unresolved", "resolved"];

const filters: Record<Tab, EscalationFilter> = {
  scope: { state: "unresolved", inMyScope: "true" },
  mine: { state: "unresolved", mine: "true" },
  unresolved: { state: "unresolved" },
  resolved: { state: "resolved" },
};

const empties: Record<Tab, { title: string; text: string }> = {
  scope: {
    title: "Nothing open in your scope",
    text: "No KPI of a team you lead, or of a team below it, is red or through a cycle's floor. Admins see every team's here.",
  },
  mine: {
    title: "Nothing waiting for you",
    text: "When a KPI you own, a KPI of a team you lead, or a floor you answer for turns red or falls through a cycle's floor, its escalation lands here: acknowledge it, say what will be done, and resolve it.",
  },
  unresolved: {
    title: "No open escalations",
    text: "No KPI is waiting for an answer. Keel opens an escalation by itself when a KPI's value turns red or falls through a cycle's floor.",
  },
  resolved: {
    title: "None resolved yet",
    text: "Resolved escalations stay here with their timeline and resolution, so anyone can see what happened and why.",
  },
};

/**
 * /o/:org/escalations: what I answer for as a lead or admin (where leads and admins
 * start: everything under them), my inbox (where everyone else starts), everything
 * unresolved, and the resolved history.
 */
export function EscalationsPage() {
  const { slug, isAdmin } = useOrg();
  const userId = useSession().data?.user.id ?? null;
  const tree = useTeamTree(slug);
  const leader = hasLeaderScope(tree.data?.roots ?? [], userId, isAdmin);
  const [params, setParams] = useSearchParams();
  const fallback: Tab = leader ? "scope" : "mine";
  const asked = params.get("tab");
  const tab: Tab = tabs.find((t) => t === asked && (t !== "scope" || leader)) ?? fallback;
  // Until the tree says whether I lead a team, a member's page would guess wrong.
  const list = useEscalations(slug, filters[tab], isAdmin || !tree.isPending);
  const mine = useMyEscalationCount(slug);
  const bp = useBreakpoints();

  return (
    <>
      <PageHeader
        title="Escalations"
        description="KPIs that turned red or fell through a floor, and what the people who must act did about it."
      />
      <Tabs
        value={tab}
        onChange={(v) => setParams(v && v !== fallback ? { tab: v } : {}, { replace: true })}
        mb="sm"
        keepMounted={false}
      >
        <Tabs.List>
          {leader && (
            <Tabs.Tab value="scope" leftSection={<IconHierarchy2 size={15} />}>
              In my scope
            </Tabs.Tab>
          )}
          <Tabs.Tab value="mine" leftSection={<IconInbox size={15} />}>
            Mine{mine.count > 0 ? ` (${mine.count}${mine.more ? "+" : ""})` : ""}
          </Tabs.Tab>
          <Tabs.Tab value="unresolved" leftSection={<IconAlertOctagon size={15} />}>
            All unresolved
          </Tabs.Tab>
          <Tabs.Tab value="resolved" leftSection={<IconCircleCheck size={15} />}>
            Resolved
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Card withBorder padding={0}>
        {list.isPending ? (
          <div style={{ padding: 12 }}>
            <TableSkeleton rows={5} />
          </div>
        ) : list.isError ? (
          <div style={{ padding: 12 }}>
            <QueryError error={list.error} onRetry={() => void list.refetch()} what="the escalations" />
          </div>
        ) : list.items.length === 0 ? (
          <EmptyState
            icon={tab === "resolved" ? <IconCircleCheck size={24} /> : <IconInbox size={24} />}
            title={empties[tab].title}
            action={
              (tab === "mine" || tab === "scope") && (
                <Button variant="default" onClick={() => setParams({ tab: "unresolved" }, { replace: true })}>
                  See all unresolved escalations
                </Button>
              )
            }
          >
            {empties[tab].text}
          </EmptyState>
        ) : (
          <div className="keel-table-scroll">
            <Table highlightOnHover data-testid="escalations-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>KPI</Table.Th>
                  <Table.Th>State</Table.Th>
                  {bp.sm && <Table.Th>Why</Table.Th>}
                  <Table.Th ta="right">Value</Table.Th>
                  {bp.md && <Table.Th>Sent to</Table.Th>}
                  {bp.sm && <Table.Th>{tab === "resolved" ? "Resolved" : "Opened"}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((e) => (
                  <EscalationRow
                    key={e.id}
                    slug={slug}
                    e={e}
                    resolved={tab === "resolved"}
                    wide={bp.md}
                    sm={bp.sm}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Card>
      <LoadMore
        hasNextPage={Boolean(list.hasNextPage)}
        isFetchingNextPage={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        shown={list.items.length}
        noun="escalations"
      />
    </>
  );
}

function EscalationRow({
  slug,
  e,
  resolved,
  wide,
  sm,
}: {
  slug: string;
  e: Escalation;
  resolved: boolean;
  wide: boolean;
  sm: boolean;
}) {
  const when = resolved ? (e.resolvedAt ?? e.openedAt) : e.openedAt;
  return (
    <Table.Tr data-testid="escalation-row" data-escalation-id={e.id}>
      <Table.Td>
        <Anchor component={Link} to={`/o/${slug}/escalations/${e.id}`} fw={500} size="sm">
          {e.kpi.name}
        </Anchor>
        <Text size="xs" c="dimmed">
          {e.kpi.teamName}
        </Text>
      </Table.Td>
      <Table.Td>
        <EscalationStateBadge state={e.state} />
        {!sm && (
          <Text size="xs" c="dimmed" mt={2}>
            {formatRelative(when)}
          </Text>
        )}
      </Table.Td>
      {sm && <Table.Td>{reasonLabels[e.reason]}</Table.Td>}
      <Table.Td ta="right" className="keel-num" style={{ whiteSpace: "nowrap" }}>
        {escalationValue(e)}
        <Text size="xs" c="dimmed">
          {formatDate(e.periodStart)}
        </Text>
      </Table.Td>
      {wide && (
        <Table.Td>
          <Text size="sm" lineClamp={2}>
            {e.recipients.map((r) => r.name).join(", ") || "–"}
          </Text>
        </Table.Td>
      )}
      {sm && (
        <Table.Td>
          <Tooltip label={formatDateTime(when)}>
            <Text size="sm" span>
              {formatRelative(when)}
            </Text>
          </Tooltip>
          {resolved && (
            <Text size="xs" c="dimmed">
              {e.resolvedByName ? `by ${e.resolvedByName}` : "closed itself"}
            </Text>
          )}
        </Table.Td>
      )}
    </Table.Tr>
  );
}

import { Anchor, Card, Group, Skeleton, Table, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { QueryError } from "../../components/query-error.tsx";
import { type LeadershipFilters, type LeadershipListName, useLeadershipList } from "./leadership-api.ts";

export const listTitles: Record<LeadershipListName, string> = {
  escalations: "Open escalations",
  flags: "Flagged KRs",
  findings: "Linter findings",
  "overdue-check-ins": "Overdue check-ins",
};

type Props = { slug: string; list: LeadershipListName; filters: LeadershipFilters; onClose: () => void };

/** The list behind a count, with the home's filters: its rows are what the count counted. */
export function LeadershipList({ slug, list, filters, onClose }: Props) {
  const query = useLeadershipList(slug, list, filters);
  const o = (id: string, title: string) => (
    <Anchor component={Link} to={`/o/${slug}/okrs/${id}`}>
      {title}
    </Anchor>
  );
  let head: string[] = [];
  let rows: ReactNode[][] = [];
  const data = query.data;
  if (data?.list === "escalations") {
    head = ["KPI", "Team", "State", "Opened"];
    rows = data.items.map((e) => [
      <Anchor key="k" component={Link} to={`/o/${slug}/escalations/${e.id}`}>
        {e.kpiName}
      </Anchor>,
      e.teamName,
      `${e.state === "open" ? "Open" : "Acknowledged"} (${e.reason === "red" ? "red" : "floor"})`,
      e.openedAt.slice(0, 10),
    ]);
  } else if (data?.list === "flags") {
    head = ["Key result", "Objective", "Team", "Owner", "Raised"];
    rows = data.items.map((f) => [
      f.keyResultTitle,
      o(f.objectiveId, f.objectiveTitle),
      f.teamName,
      f.ownerName ?? "–",
      f.raisedAt.slice(0, 10),
    ]);
  } else if (data?.list === "findings") {
    head = ["Objective", "Team", "Finding"];
    rows = data.items.map((f) => [o(f.objectiveId, f.objectiveTitle), f.teamName, f.message]);
  } else if (data?.list === "overdue-check-ins") {
    head = ["Key result", "Objective", "Team", "Owner", "Last check-in"];
    rows = data.items.map((k) => [
      k.keyResultTitle,
      o(k.objectiveId, k.objectiveTitle),
      k.teamName,
      k.ownerName ?? "–",
      k.lastCheckInAt ? `${k.daysSinceLastCheckIn} days ago` : "Never",
    ]);
  }
  return (
    <Card withBorder padding="md" data-testid="leadership-list" data-list={list}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {listTitles[list]}
        </Title>
        <Anchor component="button" type="button" size="sm" onClick={onClose}>
          Close list
        </Anchor>
      </Group>
      {query.isPending ? (
        <Skeleton height={80} />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} what="the list" />
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing here with these filters.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                {head.map((h) => (
                  <Table.Th key={h}>{h}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((cells, i) => (
                // Rows have no stable id shared by every list; their order is the server's.
                // biome-ignore lint/suspicious/noArrayIndexKey: the list is read-only and never reordered here
                <Table.Tr key={i} data-testid="leadership-list-row">
                  {cells.map((cell, j) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional columns
                    <Table.Td key={j}>{cell}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

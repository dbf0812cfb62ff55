import { Anchor, Badge, Card, Group, Table, Text } from "@mantine/core";
import { IconUsersGroup } from "@tabler/icons-react";
import { useMemo } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { EmptyState } from "../../components/empty-state.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { QueryError } from "../../components/query-error.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import { formatRelative, plural } from "../../lib/format.ts";
import { useOrg } from "../../lib/org-context.tsx";
import { useSession } from "../../lib/session.ts";
import type { TeamCheckIn } from "../../lib/types.ts";
import { CalibrationCard, useTeamCalibration } from "../check-ins/calibration-card.tsx";
import { OkrStatusBadge } from "../okrs/okr-status-badge.tsx";
import { TeamSelect } from "../teams/team-select.tsx";
import { useTeamTree } from "../teams/teams-api.ts";
import { useTeamCheckIns } from "./team-check-ins-api.ts";
import { followedRoots } from "./team-check-ins-scope.ts";

/**
 * /o/:org/team-check-ins and /o/:org/teams/:teamId/check-ins: for a team's leads (and
 * admins), who has checked in this week, who is due and who is overdue. Keel sends no
 * reminders yet, so there is no "nudge" here: the list says whom to ask.
 */
export function TeamCheckInsPage() {
  const { teamId } = useParams();
  const { slug, isAdmin } = useOrg();
  const userId = useSession().data?.user.id ?? "";
  const navigate = useNavigate();
  const tree = useTeamTree(slug);
  const roots = useMemo(
    () => followedRoots(tree.data?.roots ?? [], userId, isAdmin),
    [tree.data, userId, isAdmin],
  );
  const chosen = teamId ?? roots[0]?.id ?? null;
  const list = useTeamCheckIns(slug, chosen);
  // Leads and admins may read it; anyone else gets no card (the request is refused).
  const calibration = useTeamCalibration(slug, chosen);

  const header = (
    <PageHeader
      title="Team check-ins"
      description="Each key result of the team's running Objectives: who checked in this week, who is due and who is overdue."
      actions={
        roots.length > 0 ? (
          <TeamSelect
            ariaLabel="Team"
            roots={roots}
            value={chosen}
            onChange={(id) => id && navigate(`/o/${slug}/teams/${id}/check-ins`)}
            w={240}
          />
        ) : undefined
      }
    />
  );
  if (tree.isPending) return <TableSkeleton rows={6} />;
  if (roots.length === 0 && !teamId) {
    return (
      <>
        {header}
        <EmptyState icon={<IconUsersGroup size={24} />} title="You lead no team">
          Team check-ins are for a team's lead, the leads of the teams above it and admins.
        </EmptyState>
      </>
    );
  }
  return (
    <>
      {header}
      {list.isPending ? (
        <TableSkeleton rows={6} />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} what="the team's check-ins" />
      ) : (
        <TeamCheckInTable slug={slug} items={list.data.items} />
      )}
      <CalibrationCard calibration={calibration.data} whose="the team's" />
    </>
  );
}

function TeamCheckInTable({ slug, items }: { slug: string; items: TeamCheckIn[] }) {
  if (items.length === 0) {
    return (
      <EmptyState icon={<IconUsersGroup size={24} />} title="Nothing to follow yet">
        The team has no active Objectives in a running cycle. Activate one (and start its cycle) to see its
        check-ins here.
      </EmptyState>
    );
  }
  const overdue = items.filter((i) => i.overdue).length;
  const due = items.filter((i) => i.due && !i.overdue).length;
  return (
    <Card withBorder padding={0}>
      <Group gap="md" p="sm">
        <Text size="sm" data-testid="team-check-ins-summary">
          {plural(overdue, "key result")} overdue, {due} more due this week, {items.length - overdue - due}{" "}
          checked in.
        </Text>
      </Group>
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="xs" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Key result</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Last check-in</Table.Th>
              <Table.Th>This week</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((i) => (
              <Table.Tr key={i.keyResult.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/o/${slug}/okrs/${i.objective.id}`} size="sm">
                    {i.keyResult.title}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {i.objective.title}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{i.keyResult.ownerName ?? "No owner"}</Text>
                </Table.Td>
                <Table.Td>
                  <OkrStatusBadge status={i.keyResult.status} compact />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{i.lastCheckInAt ? formatRelative(i.lastCheckInAt) : "Never"}</Text>
                </Table.Td>
                <Table.Td>
                  {i.overdue ? (
                    <Badge color="red" variant="light">
                      Overdue
                    </Badge>
                  ) : i.due ? (
                    <Badge color="yellow" variant="light">
                      Due
                    </Badge>
                  ) : (
                    <Badge color="green" variant="light">
                      Checked in
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

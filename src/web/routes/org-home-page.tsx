import { Anchor, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconCalendarStats, IconHierarchy2 } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import { EmptyState } from "../components/empty-state.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { QueryError } from "../components/query-error.tsx";
import { TableSkeleton } from "../components/table-skeleton.tsx";
import { CycleProgress } from "../features/cycles/cycle-progress.tsx";
import { CycleStateBadge } from "../features/cycles/cycle-state-badge.tsx";
import { useCycles } from "../features/cycles/cycles-api.ts";
import { LeadershipPage } from "../features/leadership/leadership-page.tsx";
import { leadsAnyTeam } from "../features/leadership/leads-any-team.ts";
import { idsToDepth, treeTotals } from "../features/teams/team-tree-utils.ts";
import { TeamTreeView } from "../features/teams/team-tree-view.tsx";
import { useTeamTree } from "../features/teams/teams-api.ts";
import { useOrg } from "../lib/org-context.tsx";
import { useSession } from "../lib/session.ts";

/**
 * /o/:org: the leadership home for owners, admins and team leads (what they open Keel for);
 * for everyone else the organisation at a glance.
 */
export function OrgHomePage() {
  const { slug, isAdmin } = useOrg();
  const session = useSession();
  const tree = useTeamTree(slug);
  const userId = session.data?.user.id;
  if (isAdmin) return <LeadershipPage />;
  if (tree.isPending || session.isPending) return <TableSkeleton rows={8} />;
  if (userId && leadsAnyTeam(tree.data?.roots ?? [], userId)) return <LeadershipPage />;
  return <OrgOverview />;
}

/** The organisation at a glance: cycles in progress and the team tree with counts. */
function OrgOverview() {
  const { slug, org, isAdmin } = useOrg();
  const tree = useTeamTree(slug);
  const cycles = useCycles(slug, "", 200);
  const [expanded, setExpanded] = useState<Set<string> | null>(null);
  const roots = tree.data?.roots ?? [];
  const shown = expanded ?? idsToDepth(roots, 1);
  const totals = useMemo(() => treeTotals(roots), [roots]);
  const running = cycles.items.filter((c) => c.state === "active" || c.state === "grading");
  const planned = cycles.items.filter((c) => c.state === "planning");

  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev ?? shown);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <>
      <PageHeader
        title={org.name}
        description="Overview: cycles in progress and how the organisation is organised."
      />
      <SimpleGrid cols={3} spacing={{ base: "xs", sm: "sm" }} mb="md">
        <Stat label="Teams" value={tree.isSuccess ? totals.teams : null} to="teams" />
        <Stat label="Team memberships" value={tree.isSuccess ? totals.memberships : null} to="people" />
        <Stat
          label="Cycles in progress"
          value={cycles.isSuccess ? running.length : null}
          to={isAdmin ? "admin/cycles" : undefined}
        />
      </SimpleGrid>

      <Stack gap="md">
        <Card withBorder padding="md">
          <Group justify="space-between" mb="sm">
            <Title order={2}>Cycles in progress</Title>
            {isAdmin && (
              <Anchor component={Link} to="admin/cycles" size="sm">
                Manage cycles
              </Anchor>
            )}
          </Group>
          {cycles.isPending ? (
            <Skeleton height={48} />
          ) : cycles.isError ? (
            <QueryError error={cycles.error} onRetry={() => void cycles.refetch()} what="the cycles" />
          ) : running.length === 0 ? (
            <EmptyState
              icon={<IconCalendarStats size={22} />}
              title="No cycle is running"
              action={
                isAdmin && (
                  <Button component={Link} to="admin/cycles" variant="default" size="xs">
                    Go to cycles
                  </Button>
                )
              }
            >
              {planned.length === 1 ? `${planned[0]?.name} is in planning. ` : ""}
              {planned.length > 1 ? `${planned.length} cycles are in planning. ` : ""}
              {isAdmin
                ? "Start a cycle when its OKRs are ready; teams check in on them weekly while it runs."
                : "An admin starts cycles; teams then check in on their OKRs weekly."}
            </EmptyState>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              {running.map((cycle) => (
                <Stack key={cycle.id} gap={6} data-testid="cycle-in-progress">
                  <Group gap="xs">
                    <Text fw={600} size="sm">
                      {cycle.name}
                    </Text>
                    <CycleStateBadge state={cycle.state} />
                  </Group>
                  <CycleProgress cycle={cycle} />
                </Stack>
              ))}
            </SimpleGrid>
          )}
        </Card>

        <Card withBorder padding={0}>
          <Group justify="space-between" p="md" pb="xs">
            <Title order={2}>Teams</Title>
            <Anchor component={Link} to="teams" size="sm">
              {isAdmin ? "Manage teams" : "All teams"}
            </Anchor>
          </Group>
          {tree.isPending ? (
            <div style={{ padding: 16 }}>
              <TableSkeleton rows={6} />
            </div>
          ) : tree.isError ? (
            <div style={{ padding: 16 }}>
              <QueryError error={tree.error} onRetry={() => void tree.refetch()} what="the teams" />
            </div>
          ) : roots.length === 0 ? (
            <EmptyState
              icon={<IconHierarchy2 size={22} />}
              title="No teams yet"
              action={
                isAdmin && (
                  <Button component={Link} to="teams" size="xs">
                    Create the first team
                  </Button>
                )
              }
            >
              Teams hold OKRs and KPIs. Start with the company as the top team and add its divisions below.
            </EmptyState>
          ) : (
            <TeamTreeView roots={roots} expanded={shown} onToggle={toggle} />
          )}
        </Card>
      </Stack>
    </>
  );
}

function Stat({ label, value, to }: { label: string; value: number | null; to?: string | undefined }) {
  const body = (
    <>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      {value === null ? (
        <Skeleton height={24} width={48} mt={4} />
      ) : (
        <Text fz={22} fw={600} className="keel-num">
          {value}
        </Text>
      )}
    </>
  );
  return to ? (
    <Card withBorder padding="sm" component={Link} to={to}>
      {body}
    </Card>
  ) : (
    <Card withBorder padding="sm">
      {body}
    </Card>
  );
}

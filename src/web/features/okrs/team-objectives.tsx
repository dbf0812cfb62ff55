import { Anchor, Button, Card, Group, Stack, Text } from "@mantine/core";
import { IconHierarchy2, IconPlus, IconTarget } from "@tabler/icons-react";
import { Link } from "react-router";
import { EmptyState } from "../../components/empty-state.tsx";
import { QueryError } from "../../components/query-error.tsx";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import type { Objective } from "../../lib/types.ts";
import { ObjectiveCard } from "./objective-card.tsx";
import type { useObjectives, useTeamHealth } from "./okrs-api.ts";
import { StatusSummary } from "./status-summary.tsx";
import { TeamHealthBadge } from "./team-health-badge.tsx";
import type { useOkrScope } from "./use-okr-scope.ts";

type Props = {
  scope: ReturnType<typeof useOkrScope>;
  objectives: ReturnType<typeof useObjectives>;
  health: ReturnType<typeof useTeamHealth>;
  /** Admins set up cycles and teams; others are told who does. */
  isAdmin: boolean;
  canCreate: boolean;
  onCreate: () => void;
  onEdit: (objective: Objective) => void;
  onAlign: (objective: Objective) => void;
};

/**
 * The team's Objectives in the cycle, or why there are none yet: no cycles, no teams, a
 * KPI-only team, a closed cycle, or nothing written so far.
 */
export function TeamObjectives({ scope, objectives, health, isAdmin, canCreate, ...props }: Props) {
  const { slug, cycle, team } = scope;
  const items = objectives.data?.items ?? [];
  if (!scope.ready || (objectives.isPending && cycle && team)) {
    return (
      <Card withBorder>
        <TableSkeleton rows={6} />
      </Card>
    );
  }
  if (scope.cycles.isError || scope.tree.isError) {
    return (
      <QueryError
        error={scope.cycles.error ?? scope.tree.error}
        onRetry={() => {
          void scope.cycles.refetch();
          void scope.tree.refetch();
        }}
        what="the cycles and teams"
      />
    );
  }
  if (!cycle) {
    return (
      <EmptyState
        icon={<IconTarget size={24} />}
        title="No cycles yet"
        action={
          isAdmin && (
            <Button component={Link} to={`/o/${slug}/admin/cycles`} variant="default">
              Go to cycles
            </Button>
          )
        }
      >
        OKRs live in cycles, usually quarters.{" "}
        {isAdmin ? "Generate a fiscal year of cycles first." : "An admin creates them."}
      </EmptyState>
    );
  }
  if (!team) {
    return (
      <EmptyState icon={<IconHierarchy2 size={24} />} title="No teams yet">
        OKRs belong to teams.{" "}
        {isAdmin ? "Create the company as the top team first." : "An admin creates teams."}
      </EmptyState>
    );
  }
  if (objectives.isError) {
    return (
      <QueryError error={objectives.error} onRetry={() => void objectives.refetch()} what="the objectives" />
    );
  }
  if (items.length === 0) {
    const frozen = cycle.state === "closed";
    const kpiOnly = team.methodology === "kpi";
    return (
      <Card withBorder>
        <EmptyState
          icon={<IconTarget size={24} />}
          title={
            kpiOnly ? `${team.name} runs KPIs only` : `No Objectives for ${team.name} in ${cycle.name} yet`
          }
          action={
            canCreate &&
            !frozen &&
            !kpiOnly && (
              <Button variant="default" leftSection={<IconPlus size={15} />} onClick={props.onCreate}>
                Write the first objective
              </Button>
            )
          }
        >
          {kpiOnly
            ? `Teams that run KPIs only keep their health on the KPI board. To set OKRs, an admin changes ${team.name}'s methodology to OKRs or both.`
            : frozen
              ? `${cycle.name} is closed, so nothing can be added to it.`
              : "An Objective says what must change this cycle, in words that inspire; add 2–5 measurable Key Results that prove it happened, and align it to what the level above aims at. It starts as a draft: activate it when every key result has an owner and a target."}
        </EmptyState>
      </Card>
    );
  }
  return (
    <Stack gap="sm">
      <Group gap="lg" wrap="wrap">
        {health.data && <TeamHealthBadge health={health.data} teamName={team.name} />}
        <StatusSummary objectives={items} label={`${team.name} · ${cycle.name}`} />
      </Group>
      {items.map((o) => (
        <ObjectiveCard
          key={o.id}
          slug={slug}
          objective={o}
          onEdit={props.onEdit}
          onAlign={props.onAlign}
          onReload={() => void objectives.refetch()}
        />
      ))}
      {isAdmin && (
        <Anchor component={Link} to={`../teams?newUnder=${team.id}`} relative="path" size="xs">
          New sub-team under {team.name}
        </Anchor>
      )}
      {team.children.length > 0 && (
        <Text size="xs" c="dimmed">
          Sub-teams:{" "}
          {team.children
            .filter((c) => !c.archived)
            .map((c, i) => (
              <span key={c.id}>
                {i > 0 && " · "}
                <Anchor size="xs" onClick={() => scope.setTeam(c.id)} component="button" type="button">
                  {c.name}
                </Anchor>
              </span>
            ))}
        </Text>
      )}
    </Stack>
  );
}

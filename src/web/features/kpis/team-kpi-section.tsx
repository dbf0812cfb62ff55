import { Anchor, Button, Card, Grid, Group, Stack, Text, Title } from "@mantine/core";
import { IconArrowRight, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { Link } from "react-router";
import { formatRelative } from "../../lib/format.ts";
import type { Cycle, TeamNode } from "../../lib/types.ts";
import {
  EscalationStateBadge,
  escalationValue,
  reasonLabels,
} from "../escalations/escalation-state-badge.tsx";
import { useEscalations } from "../escalations/escalations-api.ts";
import { TeamScopeSwitch, useTeamScope } from "../teams/team-scope-switch.tsx";
import { KpiBoard } from "./kpi-board.tsx";
import { KpiFloorSection } from "./kpi-floor-section.tsx";
import { KpiFormModal } from "./kpi-form-modal.tsx";
import { useKpiBoard } from "./kpis-api.ts";

type Props = { slug: string; team: TeamNode; cycle: Cycle | null; roots: TeamNode[] };

/**
 * The run half of the team page, beside its OKRs: the KPI board, the floor that must hold
 * during the selected cycle, and the escalations still open on the team's KPIs; for a
 * team with teams below it, theirs too unless "This team only" is on.
 */
export function TeamKpiSection({ slug, team, cycle, roots }: Props) {
  // A team with teams below it shows their KPIs, floors and escalations too, unless narrowed.
  const [chosenScope, setScope] = useTeamScope();
  const hasSubTeams = team.children.length > 0;
  const scope = hasSubTeams ? chosenScope : "team";
  const board = useKpiBoard(slug, team.id, scope);
  const canManage = board.data?.team.can.manageKpis ?? false;
  const escalations = useEscalations(slug, { state: "unresolved", teamId: team.id, scope });
  const [creating, setCreating] = useState(false);

  return (
    <section aria-labelledby="team-kpis-title" data-testid="team-kpis">
      <Group justify="space-between" mt="xl" mb="xs" gap="xs" wrap="wrap">
        <Title order={2} id="team-kpis-title">
          KPIs
        </Title>
        <Group gap="sm">
          {hasSubTeams && <TeamScopeSwitch scope={chosenScope} onChange={setScope} />}
          <Anchor
            component={Link}
            to={`/o/${slug}/teams/${team.id}/kpis${scope === "team" && hasSubTeams ? "?scope=team" : ""}`}
            size="sm"
          >
            <Group gap={4} wrap="nowrap">
              KPI board
              <IconArrowRight size={14} />
            </Group>
          </Anchor>
          {canManage && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconPlus size={14} />}
              onClick={() => setCreating(true)}
            >
              New KPI
            </Button>
          )}
        </Group>
      </Group>
      <KpiBoard
        slug={slug}
        teamId={team.id}
        teamName={team.name}
        scope={scope}
        canManage={canManage}
        onCreate={() => setCreating(true)}
      />
      <Grid gap="md" mt="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          {cycle ? (
            <KpiFloorSection
              slug={slug}
              teamId={team.id}
              teamName={team.name}
              scope={scope}
              roots={roots}
              cycle={cycle}
              kpis={board.data?.kpis ?? []}
              canManage={canManage}
            />
          ) : (
            <Card withBorder padding="sm">
              <Text size="sm" c="dimmed">
                The KPI floor belongs to a cycle: pick one above.
              </Text>
            </Card>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card withBorder padding="sm" h="100%" data-testid="team-escalations">
            <Group justify="space-between" mb={6}>
              <Text fw={600} size="sm">
                Open escalations
              </Text>
              <Anchor component={Link} to={`/o/${slug}/escalations?tab=unresolved`} size="xs">
                All escalations
              </Anchor>
            </Group>
            {escalations.isPending ? (
              <Text size="sm" c="dimmed">
                Loading…
              </Text>
            ) : escalations.items.length === 0 ? (
              <Text size="sm" c="dimmed">
                None: no KPI of {team.name}
                {scope === "subtree" ? " or of a team below it" : ""} is red or through its floor.
              </Text>
            ) : (
              <Stack gap={6}>
                {escalations.items.slice(0, 6).map((e) => (
                  <Group key={e.id} gap={6} justify="space-between" wrap="nowrap">
                    <div style={{ minWidth: 0 }}>
                      <Anchor component={Link} to={`/o/${slug}/escalations/${e.id}`} size="sm" lineClamp={1}>
                        {e.kpi.name}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {e.kpi.teamId !== team.id && `${e.kpi.teamName} · `}
                        {reasonLabels[e.reason]} at {escalationValue(e)} · {formatRelative(e.openedAt)}
                      </Text>
                    </div>
                    <EscalationStateBadge state={e.state} />
                  </Group>
                ))}
                {escalations.items.length > 6 && (
                  <Text size="xs" c="dimmed">
                    and {escalations.items.length - 6} more
                  </Text>
                )}
              </Stack>
            )}
          </Card>
        </Grid.Col>
      </Grid>
      <KpiFormModal
        slug={slug}
        opened={creating}
        onClose={() => setCreating(false)}
        roots={roots}
        teamId={team.id}
      />
    </section>
  );
}

import { Anchor, Card, Group, Switch } from "@mantine/core";
import { IconBinaryTree, IconHierarchy2, IconStethoscope, IconUsersGroup } from "@tabler/icons-react";
import { Link } from "react-router";
import { CycleProgress } from "../cycles/cycle-progress.tsx";
import { CycleStateBadge } from "../cycles/cycle-state-badge.tsx";
import { TeamSelect } from "../teams/team-select.tsx";
import { CycleSelect } from "./cycle-select.tsx";
import type { useOkrScope } from "./use-okr-scope.ts";

type Props = {
  scope: ReturnType<typeof useOkrScope>;
  /** Whether the reader follows this team's check-ins (its lead, a lead above, an admin). */
  followsTeam: boolean;
  showArchived: boolean;
  onShowArchived: (show: boolean) => void;
};

/** Which cycle and team the page shows, how far the cycle has run, and the ways to related views. */
export function OkrsToolbar({ scope, followsTeam, showArchived, onShowArchived }: Props) {
  const { slug, cycle, team, roots } = scope;
  return (
    <Card withBorder padding="sm" mb="md">
      <Group gap="sm" wrap="wrap" align="center">
        <CycleSelect
          cycles={scope.cycles.items}
          value={cycle?.id ?? null}
          onChange={scope.setCycle}
          ariaLabel="Choose cycle"
          w={170}
        />
        <TeamSelect
          ariaLabel="Choose team"
          roots={roots}
          value={team?.id ?? null}
          onChange={(v) => v && scope.setTeam(v)}
          leftSection={<IconHierarchy2 size={15} />}
          w={230}
          testId="okr-team-select"
        />
        {cycle && <CycleStateBadge state={cycle.state} />}
        {cycle && (cycle.state === "active" || cycle.state === "grading") && (
          <div style={{ flex: "1 1 220px", maxWidth: 320 }}>
            <CycleProgress cycle={cycle} showDates={false} />
          </div>
        )}
        <Group gap="md" ml="auto" wrap="nowrap">
          <Anchor
            component={Link}
            to={`../health-check${cycle ? `?cycle=${cycle.id}` : ""}${team ? `${cycle ? "&" : "?"}team=${team.id}` : ""}`}
            relative="path"
            size="sm"
          >
            <Group gap={4} wrap="nowrap">
              <IconStethoscope size={15} />
              Health check
            </Group>
          </Anchor>
          <Anchor
            component={Link}
            to={`../alignment${cycle ? `?cycle=${cycle.id}` : ""}`}
            relative="path"
            size="sm"
          >
            <Group gap={4} wrap="nowrap">
              <IconBinaryTree size={15} />
              Alignment
            </Group>
          </Anchor>
          {team && followsTeam && (
            <Anchor component={Link} to={`/o/${slug}/teams/${team.id}/check-ins`} size="sm">
              <Group gap={4} wrap="nowrap">
                <IconUsersGroup size={15} />
                Team check-ins
              </Group>
            </Anchor>
          )}
          <Switch
            size="xs"
            label="Show archived"
            checked={showArchived}
            onChange={(e) => onShowArchived(e.currentTarget.checked)}
          />
        </Group>
      </Group>
    </Card>
  );
}

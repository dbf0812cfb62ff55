import { Group, Text } from "@mantine/core";
import type { TeamHealthOut } from "../../../shared/schemas/okr-reviews.ts";
import { OkrStatusBadge } from "./okr-status-badge.tsx";

/**
 * The team's health as one word with its colour and icon (docs/okr-status.md, "Team
 * health"), with what it rests on for anyone who hovers.
 */
export function TeamHealthBadge({ health, teamName }: { health: TeamHealthOut; teamName: string }) {
  const { counts, total, overall } = health;
  const basis = `${total} Objective${total === 1 ? "" : "s"}: ${counts.on_track} on track, ${counts.at_risk} at risk, ${counts.off_track} off track, ${counts.stale} stale`;
  return (
    <Group gap={6} wrap="nowrap" data-testid="team-health" title={basis}>
      <Text size="sm" fw={600}>
        Health of {teamName}
      </Text>
      {overall === null ? (
        <Text size="sm" c="dimmed">
          no active Objectives yet
        </Text>
      ) : (
        <OkrStatusBadge status={overall} />
      )}
    </Group>
  );
}

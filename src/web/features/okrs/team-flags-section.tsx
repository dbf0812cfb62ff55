import { Anchor, Card, Group, Stack, Text } from "@mantine/core";
import { IconFlag } from "@tabler/icons-react";
import { Link } from "react-router";
import { useTeamFlags } from "./key-result-flag-api.ts";

/**
 * The team's Key Results that need a look (open risk flags, the team and every team below
 * it), above its Objectives, so a lead sees them without opening each one. Nothing is
 * shown when there are none.
 */
export function TeamFlagsSection({
  slug,
  teamId,
  teamName,
}: {
  slug: string;
  teamId: string;
  teamName: string;
}) {
  const flags = useTeamFlags(slug, teamId);
  const items = flags.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card
      withBorder
      padding="sm"
      component="section"
      aria-label={`Key results that need a look in ${teamName}`}
      data-testid="team-flags"
    >
      <Group gap={6} mb={6}>
        <IconFlag size={16} color="var(--mantine-color-orange-text)" aria-hidden />
        <Text size="sm" fw={600}>
          Needs a look ({items.length})
        </Text>
        <Text size="xs" c="dimmed">
          Confidence fell twice in a row and a note mentions a blocker
        </Text>
      </Group>
      <Stack gap={6}>
        {items.map((i) => (
          <div key={i.flag.id}>
            <Anchor component={Link} to={`/o/${slug}/okrs/${i.objective.id}`} size="sm">
              {i.keyResult.title}
            </Anchor>
            <Text size="xs" c="dimmed">
              {i.keyResult.ownerName ?? "No owner"}
              {i.objective.teamName ? ` · ${i.objective.teamName}` : ""} · confidence{" "}
              {i.flag.confidenceBefore} → {i.flag.confidenceNow}
            </Text>
            {i.flag.quote && (
              <Text size="xs" fs="italic">
                “{i.flag.quote}”
              </Text>
            )}
          </div>
        ))}
      </Stack>
    </Card>
  );
}

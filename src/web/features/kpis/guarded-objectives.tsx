import { Anchor, Card, Group, Stack, Text } from "@mantine/core";
import { IconShieldCheck } from "@tabler/icons-react";
import { Link } from "react-router";
import { useGuardedObjectives } from "../okrs/health-kpis-api.ts";

/**
 * "Guards these Objectives": the live Objectives that carry this KPI as a health KPI, so
 * its owner knows which changes lean on it staying healthy.
 */
export function GuardedObjectives({ slug, kpiId }: { slug: string; kpiId: string }) {
  const guarded = useGuardedObjectives(slug, kpiId);
  const items = guarded.data?.items ?? [];
  return (
    <Card withBorder padding="sm" my="md" data-testid="guarded-objectives">
      <Group gap={6} mb={4}>
        <IconShieldCheck size={16} color="var(--mantine-color-dimmed)" aria-hidden />
        <Text size="sm" fw={600}>
          Guards these Objectives
        </Text>
      </Group>
      {guarded.isPending ? (
        <Text size="sm" c="dimmed">
          Loading…
        </Text>
      ) : guarded.isError ? (
        <Text size="sm" c="dimmed">
          Could not load the Objectives this KPI guards.
        </Text>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No Objective carries it as a health KPI yet. An Objective that must not break it can pick it in its
          form, under Health KPIs.
        </Text>
      ) : (
        <Stack gap={2}>
          {items.map((o) => (
            <Group key={o.id} gap="xs" wrap="nowrap">
              <Anchor component={Link} to={`/o/${slug}/okrs/${o.id}`} size="sm" truncate>
                {o.title}
              </Anchor>
              <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                {[o.teamName ?? "Personal", o.cycleName, o.state === "draft" ? "draft" : null]
                  .filter(Boolean)
                  .join(" · ")}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}

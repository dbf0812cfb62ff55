import { Anchor, Breadcrumbs, Group, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft, IconUser } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { Cycle, Objective } from "../../lib/types.ts";
import { CycleStateBadge } from "../cycles/cycle-state-badge.tsx";
import { ThemeLabel } from "../themes/theme-label.tsx";
import { HealthAlertBadge } from "./health-alert-badge.tsx";
import { ObjectiveStateBadge } from "./objective-state-badge.tsx";
import { OkrStatusBadge } from "./okr-status-badge.tsx";

type Props = { slug: string; objective: Objective; cycle: Cycle | null; actions: ReactNode };

/** The way back to the team's OKRs, the Objective's title, badges and owner, and its actions. */
export function ObjectiveHeader({ slug, objective: o, cycle, actions }: Props) {
  const back = `/o/${slug}/okrs?cycle=${o.cycleId}${o.teamId ? `&team=${o.teamId}` : ""}`;
  return (
    <>
      <Breadcrumbs mb="xs" separator="›" fz="sm">
        <Anchor component={Link} to={back} size="sm">
          <Group gap={4} wrap="nowrap">
            <IconArrowLeft size={14} />
            OKRs
          </Group>
        </Anchor>
        {o.teamName && (
          <Text size="sm" c="dimmed">
            {o.teamName}
          </Text>
        )}
        {cycle && (
          <Text size="sm" c="dimmed">
            {cycle.name}
          </Text>
        )}
      </Breadcrumbs>

      <Group justify="space-between" align="flex-start" gap="sm" mb="sm" wrap="wrap">
        <Stack gap={4} style={{ flex: "1 1 320px", minWidth: 0 }}>
          <Title order={1} style={{ overflowWrap: "anywhere" }}>
            {o.restricted ? "Objective visible to its team only" : o.title}
          </Title>
          <Group gap="xs" wrap="wrap">
            {o.state !== "draft" && <OkrStatusBadge status={o.status} />}
            <HealthAlertBadge alert={o.healthAlert} />
            <ObjectiveStateBadge objective={o} />
            {cycle && cycle.state !== "active" && <CycleStateBadge state={cycle.state} />}
            <Group gap={4} wrap="nowrap">
              <IconUser size={14} color="var(--mantine-color-dimmed)" aria-hidden />
              <Text size="sm">{o.ownerName ?? "No owner"}</Text>
            </Group>
            <ThemeLabel slug={slug} themeId={o.themeId} />
            {o.archived && (
              <Text size="sm" c="dimmed">
                Archived
              </Text>
            )}
          </Group>
          {o.description && (
            <Text size="sm" c="dimmed" style={{ whiteSpace: "pre-wrap" }}>
              {o.description}
            </Text>
          )}
        </Stack>
        {actions}
      </Group>
    </>
  );
}

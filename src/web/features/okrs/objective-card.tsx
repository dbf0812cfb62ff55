import { Anchor, Box, Card, Group, Stack, Text } from "@mantine/core";
import { IconArrowUpRight, IconUser } from "@tabler/icons-react";
import { useState } from "react";
import { Link } from "react-router";
import type { ApiError } from "../../lib/api-client.ts";
import { formatRelative } from "../../lib/format.ts";
import type { Objective } from "../../lib/types.ts";
import { HealthAlertBadge } from "./health-alert-badge.tsx";
import { KeyResultLine } from "./key-result-line.tsx";
import { ActivationAlert, ObjectiveActions } from "./objective-actions.tsx";
import { ObjectiveStateBadge } from "./objective-state-badge.tsx";
import { formatScore } from "./okr-format.ts";
import { OkrProgressBar } from "./okr-progress-bar.tsx";
import { OkrStatusBadge } from "./okr-status-badge.tsx";

type Props = {
  slug: string;
  objective: Objective;
  onEdit: (o: Objective) => void;
  onAlign: (o: Objective) => void;
  onReload?: () => void;
};

/** The newest check-in over an Objective's KRs. */
export function lastCheckIn(o: Objective): string | null {
  let latest: string | null = null;
  for (const kr of o.keyResults)
    if (kr.lastCheckInAt && (!latest || kr.lastCheckInAt > latest)) latest = kr.lastCheckInAt;
  return latest;
}

/** An Objective on the team page: status, owner, progress against pace, and every KR inline. */
export function ObjectiveCard({ slug, objective: o, onEdit, onAlign, onReload }: Props) {
  const [activationError, setActivationError] = useState<ApiError | Error | null>(null);
  const krs = o.keyResults.filter((k) => !k.archived);
  const last = lastCheckIn(o);
  const detail = `/o/${slug}/okrs/${o.id}`;
  return (
    <Card withBorder padding={0} data-testid="objective-card" data-objective-id={o.id}>
      <Stack gap={6} p="sm">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
          <Group gap={8} wrap="nowrap" align="flex-start" style={{ flex: "1 1 300px", minWidth: 0 }}>
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Anchor
                component={Link}
                to={detail}
                c="var(--mantine-color-text)"
                fw={600}
                size="md"
                data-testid="objective-title"
                style={{ overflowWrap: "anywhere" }}
              >
                {o.restricted ? "Objective visible to its team only" : o.title}
              </Anchor>
              <Group gap="xs" wrap="wrap">
                {o.state !== "draft" && <OkrStatusBadge status={o.status} />}
                <HealthAlertBadge alert={o.healthAlert} />
                <ObjectiveStateBadge objective={o} />
                {o.grade !== null && (
                  <Text size="xs" fw={600} className="keel-num" data-testid="objective-grade">
                    Grade {formatScore(o.grade)}
                  </Text>
                )}
                <Group gap={4} wrap="nowrap">
                  <IconUser size={13} color="var(--mantine-color-dimmed)" aria-hidden />
                  <Text size="xs" c={o.ownerName ? undefined : "dimmed"}>
                    {o.ownerName ?? "No owner"}
                  </Text>
                </Group>
                <Text size="xs" c="dimmed">
                  {last ? `Last check-in ${formatRelative(last)}` : "No check-in yet"}
                </Text>
              </Group>
            </Stack>
          </Group>
          {o.can.edit && (
            <ObjectiveActions
              slug={slug}
              objective={o}
              size="compact"
              onEdit={() => onEdit(o)}
              onAlign={() => onAlign(o)}
              onActivateError={setActivationError}
              onReload={onReload}
            />
          )}
        </Group>
        <Box maw={520}>
          <OkrProgressBar
            progress={o.progress}
            expected={o.state === "draft" ? null : o.expectedProgress}
            status={o.state === "draft" ? undefined : o.status}
            size="md"
            label={`Progress of ${o.title}`}
          />
        </Box>
        {o.parents.length > 0 && (
          <Group gap={4} wrap="wrap">
            <IconArrowUpRight size={13} color="var(--mantine-color-dimmed)" aria-hidden />
            <Text size="xs" c="dimmed">
              Contributes to{" "}
              {o.parents.map((p, i) => (
                <span key={p.objectiveId}>
                  {i > 0 && ", "}
                  <Anchor component={Link} to={`/o/${slug}/okrs/${p.objectiveId}`} size="xs">
                    {p.title}
                  </Anchor>{" "}
                  ({p.weight})
                </span>
              ))}
            </Text>
          </Group>
        )}
        <ActivationAlert
          error={activationError}
          onDismiss={() => setActivationError(null)}
          onEdit={() => onEdit(o)}
        />
      </Stack>
      {krs.length === 0 ? (
        <Text
          size="sm"
          c="dimmed"
          px="sm"
          py={8}
          style={{ borderTop: "1px solid var(--mantine-color-default-border)" }}
        >
          No key results yet. Add 2–5 measurable ones: how will you know this Objective was reached?
        </Text>
      ) : (
        <ul aria-label={`Key results of ${o.title}`} style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {krs.map((kr) => (
            <li key={kr.id}>
              <KeyResultLine kr={kr} expected={o.expectedProgress} showScore={o.state !== "draft"} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

import { Avatar, Badge, Box, Button, Group, Stack, Text, Timeline, Tooltip } from "@mantine/core";
import { IconArrowDownRight, IconArrowUpRight, IconMessage, IconPencil } from "@tabler/icons-react";
import { useState } from "react";
import { formatDateTime, formatRelative, initials } from "../../lib/format.ts";
import type { CheckIn, KeyResult } from "../../lib/types.ts";
import { formatValue } from "../okrs/okr-format.ts";
import { isEditable } from "./check-ins-api.ts";
import { confidenceColor } from "./confidence-input.tsx";

export type TimelineEntry = { checkIn: CheckIn; kr: KeyResult; previous: CheckIn | null };

/** All check-ins of some KRs, newest first, each with the one before it on the same KR. */
export function timelineEntries(keyResults: KeyResult[], histories: Map<string, CheckIn[]>): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (const kr of keyResults) {
    const list = [...(histories.get(kr.id) ?? [])].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    for (const [i, checkIn] of list.entries()) out.push({ checkIn, kr, previous: list[i - 1] ?? null });
  }
  return out.sort((a, b) => b.checkIn.createdAt.localeCompare(a.checkIn.createdAt));
}

type Props = {
  entries: TimelineEntry[];
  userId: string;
  frozen: boolean;
  onEdit: (entry: TimelineEntry) => void;
};

const PAGE = 12;

/** The check-in timeline with notes: who said what, when, and how value and confidence moved. */
export function CheckInTimeline({ entries, userId, frozen, onEdit }: Props) {
  const [limit, setLimit] = useState(PAGE);
  const shown = entries.slice(0, limit);
  return (
    <Stack gap="xs">
      <Timeline bulletSize={22} lineWidth={1} data-testid="check-in-timeline">
        {shown.map(({ checkIn: c, kr, previous }) => {
          const value =
            kr.kind === "milestone"
              ? c.done
                ? "Done"
                : "Not done yet"
              : formatValue(c.value, kr.kind === "percentage" ? "%" : kr.unit);
          const before =
            previous && kr.kind !== "milestone" && previous.value !== c.value
              ? formatValue(previous.value, kr.kind === "percentage" ? "%" : kr.unit)
              : null;
          const delta = previous ? c.confidence - previous.confidence : 0;
          return (
            <Timeline.Item
              key={c.id}
              bullet={
                <Avatar size={20} radius="xl" color="indigo" variant="light">
                  <Text size="9px" fw={600}>
                    {initials(c.authorName ?? "?")}
                  </Text>
                </Avatar>
              }
              data-testid="timeline-entry"
            >
              <Group gap={6} wrap="wrap" justify="space-between">
                <Group gap={6} wrap="wrap">
                  <Text size="sm" fw={500}>
                    {c.authorName ?? "Someone"}
                  </Text>
                  <Tooltip label={formatDateTime(c.createdAt)}>
                    <Text size="xs" c="dimmed">
                      {formatRelative(c.createdAt)}
                    </Text>
                  </Tooltip>
                  {c.editedAt && (
                    <Badge size="xs" color="gray" variant="outline">
                      Edited
                    </Badge>
                  )}
                </Group>
                {!frozen && isEditable(c, userId) && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    leftSection={<IconPencil size={12} />}
                    onClick={() => onEdit({ checkIn: c, kr, previous })}
                    aria-label={`Edit check-in on ${kr.title}`}
                  >
                    Edit check-in
                  </Button>
                )}
              </Group>
              <Text size="xs" c="dimmed" lineClamp={1}>
                {kr.title}
              </Text>
              <Group gap="md" mt={2} wrap="wrap">
                <Text size="sm" className="keel-num">
                  {before ? `${before} → ` : ""}
                  <b>{value}</b>
                </Text>
                <Group gap={2} wrap="nowrap">
                  <Text
                    size="sm"
                    className="keel-num"
                    c={`var(--mantine-color-${confidenceColor(c.confidence)}-text)`}
                  >
                    Confidence {c.confidence}/10
                  </Text>
                  {delta > 0 && (
                    <IconArrowUpRight size={14} color="var(--mantine-color-green-6)" aria-label="up" />
                  )}
                  {delta < 0 && (
                    <IconArrowDownRight size={14} color="var(--mantine-color-red-6)" aria-label="down" />
                  )}
                </Group>
              </Group>
              {c.note && (
                <Box mt={4} pl={8} style={{ borderLeft: "2px solid var(--mantine-color-default-border)" }}>
                  <Group gap={4} wrap="nowrap" align="flex-start">
                    <IconMessage
                      size={13}
                      color="var(--mantine-color-dimmed)"
                      style={{ marginTop: 3, flexShrink: 0 }}
                      aria-hidden
                    />
                    <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                      {c.note}
                    </Text>
                  </Group>
                </Box>
              )}
            </Timeline.Item>
          );
        })}
      </Timeline>
      {entries.length > limit && (
        <Button
          variant="subtle"
          size="xs"
          onClick={() => setLimit((l) => l + PAGE * 2)}
          style={{ alignSelf: "flex-start" }}
        >
          Show {Math.min(PAGE * 2, entries.length - limit)} older check-ins
        </Button>
      )}
    </Stack>
  );
}

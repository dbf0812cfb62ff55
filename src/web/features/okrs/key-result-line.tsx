import { Avatar, Box, Group, Text, Tooltip } from "@mantine/core";
import { IconGauge } from "@tabler/icons-react";
import { formatRelative, initials } from "../../lib/format.ts";
import type { KeyResult } from "../../lib/types.ts";
import { useBreakpoints } from "../../lib/use-breakpoints.ts";
import { FlagLine } from "./key-result-flag.tsx";
import { confidenceLabel, formatScore, standingLabel } from "./okr-format.ts";
import { OkrProgressBar } from "./okr-progress-bar.tsx";
import { OkrStatusBadge } from "./okr-status-badge.tsx";

type Props = { kr: KeyResult; expected: number | null; showScore?: boolean };

/**
 * One Key Result as a dense row: title and definition, owner, progress with the
 * expected tick, confidence, status and the last check-in. On a phone the row wraps
 * into two lines instead of hiding what matters.
 */
export function KeyResultLine({ kr, expected, showScore }: Props) {
  const bp = useBreakpoints();
  const last = kr.lastCheckInAt ? formatRelative(kr.lastCheckInAt) : "No check-in yet";
  const owner = (
    <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
      <Avatar size={20} radius="xl" color={kr.ownerName ? "indigo" : "gray"} variant="light">
        <Text size="9px" fw={600}>
          {kr.ownerName ? initials(kr.ownerName) : "?"}
        </Text>
      </Avatar>
      <Text size="xs" truncate c={kr.ownerName ? undefined : "dimmed"}>
        {kr.ownerName ?? "No owner"}
      </Text>
    </Group>
  );
  const confidence = (
    <Tooltip label={`Confidence: ${confidenceLabel(kr.lastConfidence)}`}>
      <Group
        gap={3}
        wrap="nowrap"
        style={{ flexShrink: 0 }}
        aria-label={`Confidence ${confidenceLabel(kr.lastConfidence)}`}
      >
        <IconGauge size={13} color="var(--mantine-color-dimmed)" aria-hidden />
        <Text size="xs" className="keel-num" c={kr.lastConfidence === null ? "dimmed" : undefined}>
          {kr.lastConfidence ?? "–"}
        </Text>
      </Group>
    </Tooltip>
  );
  const bar = (
    <OkrProgressBar
      progress={kr.progress}
      expected={kr.kind === "milestone" ? null : expected}
      status={kr.status}
      size="xs"
      label={`Progress of ${kr.title}`}
    />
  );
  const title = (
    <Box style={{ minWidth: 0, flex: 1 }}>
      <Text size="sm" lineClamp={2} data-testid="key-result-title">
        {kr.title}
      </Text>
      <Text size="xs" c="dimmed" className="keel-num" truncate>
        {standingLabel(kr)}
        {showScore && kr.finalScore !== null ? ` · score ${formatScore(kr.finalScore)}` : ""}
      </Text>
      {kr.flag && <FlagLine flag={kr.flag} />}
    </Box>
  );

  if (!bp.sm) {
    return (
      <Box py={8} px="sm" className="keel-okr-row" data-testid="key-result-line" style={rowBorder}>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          {title}
          <OkrStatusBadge status={kr.status} compact />
        </Group>
        <Group gap="sm" wrap="nowrap" mt={6}>
          {bar}
          {confidence}
        </Group>
        <Group gap="xs" justify="space-between" wrap="nowrap" mt={4}>
          {owner}
          <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
            {last}
          </Text>
        </Group>
      </Box>
    );
  }

  return (
    <Group
      gap="sm"
      wrap="nowrap"
      py={7}
      px="sm"
      className="keel-okr-row"
      data-testid="key-result-line"
      style={rowBorder}
    >
      {title}
      {bp.md && <Box w={140}>{owner}</Box>}
      <Box w={bp.md ? 170 : 140} style={{ flexShrink: 0 }}>
        {bar}
      </Box>
      {confidence}
      <Box w={96} style={{ flexShrink: 0 }}>
        <OkrStatusBadge status={kr.status} compact />
      </Box>
      {bp.md && (
        <Text size="xs" c="dimmed" w={92} ta="right" style={{ flexShrink: 0 }} truncate>
          {last}
        </Text>
      )}
    </Group>
  );
}

const rowBorder = { borderTop: "1px solid var(--mantine-color-default-border)" };

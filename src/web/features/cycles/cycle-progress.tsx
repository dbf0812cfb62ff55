import { Group, Progress, Stack, Text } from "@mantine/core";
import { daysUntil, elapsedShare, formatDateRange, parseIsoDate } from "../../lib/format.ts";
import type { Cycle } from "../../lib/types.ts";

/** How far a cycle has run: the bar every check-in's "expected progress" is measured against. */
export function CycleProgress({ cycle, showDates = true }: { cycle: Cycle; showDates?: boolean }) {
  const share = elapsedShare(cycle.startsOn, cycle.endsOn);
  const totalDays =
    Math.round((parseIsoDate(cycle.endsOn).getTime() - parseIsoDate(cycle.startsOn).getTime()) / 86_400_000) +
    1;
  const left = daysUntil(cycle.endsOn);
  const toStart = daysUntil(cycle.startsOn);
  const status =
    toStart > 0
      ? `Starts in ${toStart} day${toStart === 1 ? "" : "s"}`
      : left < 0
        ? `Ended ${-left} day${left === -1 ? "" : "s"} ago`
        : `${left} day${left === 1 ? "" : "s"} left of ${totalDays}`;
  return (
    <Stack gap={4}>
      <Group justify={showDates ? "space-between" : "flex-start"} gap="xs">
        {showDates && (
          <Text size="xs" c="dimmed">
            {formatDateRange(cycle.startsOn, cycle.endsOn)}
          </Text>
        )}
        <Text size="xs" c="dimmed" className="keel-num">
          {status}
        </Text>
      </Group>
      <Progress
        value={share * 100}
        size="sm"
        aria-label={`${Math.round(share * 100)}% of ${cycle.name} elapsed`}
      />
    </Stack>
  );
}

import { Card, Text, Title } from "@mantine/core";
import { TableSkeleton } from "../../components/table-skeleton.tsx";
import type { Objective } from "../../lib/types.ts";
import { CheckInTimeline, type TimelineEntry } from "../check-ins/check-in-timeline.tsx";

type Props = {
  objective: Objective;
  entries: TimelineEntry[];
  loading: boolean;
  userId: string;
  frozen: boolean;
  onEdit: (entry: TimelineEntry) => void;
};

/** Every check-in on the Objective's key results, newest first; authors may correct their own. */
export function ObjectiveCheckIns({ objective: o, entries, loading, userId, frozen, onEdit }: Props) {
  return (
    <>
      <Title order={2} mb="xs" mt="lg">
        Check-ins
      </Title>
      <Card withBorder padding="md">
        {loading ? (
          <TableSkeleton rows={4} />
        ) : entries.length === 0 ? (
          <Text size="sm" c="dimmed">
            {o.state === "draft"
              ? "Check-ins start once the Objective is active."
              : "No check-ins yet. Owners check in weekly: the new value, a confidence from 0 to 10, and a note on progress, next steps and blockers."}
          </Text>
        ) : (
          <CheckInTimeline entries={entries} userId={userId} frozen={frozen} onEdit={onEdit} />
        )}
      </Card>
    </>
  );
}

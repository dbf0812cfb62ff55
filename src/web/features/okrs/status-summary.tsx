import { Group, Text } from "@mantine/core";
import type { Objective, OkrStatus } from "../../lib/types.ts";
import { formatProgress, statusLabels } from "./okr-format.ts";
import { OkrStatusIcon } from "./okr-status-badge.tsx";

const order: OkrStatus[] = ["on_track", "at_risk", "off_track", "stale", "not_started"];

/** Counts of Objectives per status and their mean progress: a team's health in one line. */
export function statusCounts(objectives: readonly Objective[]): Array<{ status: OkrStatus; count: number }> {
  const counted = objectives.filter((o) => o.state !== "draft" && !o.archived);
  return order
    .map((status) => ({ status, count: counted.filter((o) => o.status === status).length }))
    .filter((c) => c.count > 0);
}

export function StatusSummary({ objectives, label }: { objectives: readonly Objective[]; label: string }) {
  const counts = statusCounts(objectives);
  const active = objectives.filter((o) => o.state !== "draft" && !o.archived && o.progress !== null);
  const mean = active.length > 0 ? active.reduce((s, o) => s + (o.progress ?? 0), 0) / active.length : null;
  const drafts = objectives.filter((o) => o.state === "draft" && !o.archived).length;
  return (
    <Group gap="md" wrap="wrap" aria-label={`Health of ${label}`} data-testid="status-summary" px={2}>
      {counts.map((c) => (
        <Group key={c.status} gap={4} wrap="nowrap">
          <OkrStatusIcon status={c.status} size={14} />
          <Text size="sm" className="keel-num">
            {c.count} {statusLabels[c.status].toLowerCase()}
          </Text>
        </Group>
      ))}
      {drafts > 0 && (
        <Text size="sm" c="dimmed">
          {drafts} draft{drafts === 1 ? "" : "s"}
        </Text>
      )}
      {mean !== null && (
        <Text size="sm" c="dimmed" className="keel-num">
          Mean progress {formatProgress(mean)}
        </Text>
      )}
    </Group>
  );
}

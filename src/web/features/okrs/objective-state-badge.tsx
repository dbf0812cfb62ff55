import { IconCheck, IconLock, IconPencil, IconPlayerSkipForward, IconX } from "@tabler/icons-react";
import { StatusBadge } from "../../components/status-badge.tsx";
import type { Objective } from "../../lib/types.ts";

/**
 * Draft and closed Objectives say so; an active one needs no badge (its status says
 * how it goes). A graded Objective shows its outcome instead.
 */
export function ObjectiveStateBadge({ objective }: { objective: Objective }) {
  if (objective.outcome === "achieved")
    return (
      <StatusBadge color="green" icon={<IconCheck size={11} />} title="Graded: the Objective was achieved">
        Achieved
      </StatusBadge>
    );
  if (objective.outcome === "missed")
    return (
      <StatusBadge color="orange" icon={<IconX size={11} />} title="Graded: the Objective was missed">
        Missed
      </StatusBadge>
    );
  if (objective.outcome === "dropped")
    return (
      <StatusBadge color="gray" icon={<IconPlayerSkipForward size={11} />} title="Dropped during the cycle">
        Dropped
      </StatusBadge>
    );
  if (objective.state === "draft")
    return (
      <StatusBadge
        color="blue"
        icon={<IconPencil size={11} />}
        title="A draft: not counted until it is activated"
      >
        Draft
      </StatusBadge>
    );
  if (objective.state === "closed")
    return (
      <StatusBadge color="gray" icon={<IconLock size={11} />} title="The cycle is closed: frozen">
        Closed
      </StatusBadge>
    );
  return null;
}

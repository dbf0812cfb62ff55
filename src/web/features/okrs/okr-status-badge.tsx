import {
  IconAlertTriangle,
  IconCircleCheck,
  IconCircleDashed,
  IconCircleX,
  IconClockPause,
  IconPencil,
} from "@tabler/icons-react";
import type { ReactNode } from "react";
import { StatusBadge } from "../../components/status-badge.tsx";
import type { OkrStatus } from "../../lib/types.ts";
import { statusColors, statusLabels } from "./okr-format.ts";

const icons: Record<OkrStatus, (size: number) => ReactNode> = {
  on_track: (s) => <IconCircleCheck size={s} />,
  at_risk: (s) => <IconAlertTriangle size={s} />,
  off_track: (s) => <IconCircleX size={s} />,
  stale: (s) => <IconClockPause size={s} />,
  not_started: (s) => <IconCircleDashed size={s} />,
  draft: (s) => <IconPencil size={s} />,
};

const explanations: Record<OkrStatus, string> = {
  on_track: "Progress keeps pace with the cycle and confidence is good",
  at_risk: "Behind the expected pace, or confidence is dropping",
  off_track: "Far behind the expected pace, or confidence is low",
  stale: "No check-in for more than 10 days",
  not_started: "No check-in yet",
  draft: "A draft is not judged until it is activated",
};

/** An OKR status: icon, word and colour together (never colour alone). */
export function OkrStatusBadge({ status, compact = false }: { status: OkrStatus; compact?: boolean }) {
  return (
    <span data-testid="okr-status" data-status={status} style={{ display: "inline-flex" }}>
      <StatusBadge
        color={statusColors[status]}
        icon={icons[status](compact ? 11 : 12)}
        title={explanations[status]}
      >
        {statusLabels[status]}
      </StatusBadge>
    </span>
  );
}

/** Just the icon in the status colour, with the word for screen readers and on hover. */
export function OkrStatusIcon({ status, size = 15 }: { status: OkrStatus; size?: number }) {
  return (
    <span
      role="img"
      aria-label={statusLabels[status]}
      title={statusLabels[status]}
      data-status={status}
      style={{
        display: "inline-flex",
        color: `var(--mantine-color-${statusColors[status]}-filled)`,
        flexShrink: 0,
      }}
    >
      {icons[status](size)}
    </span>
  );
}

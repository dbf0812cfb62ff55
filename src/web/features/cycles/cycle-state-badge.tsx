import { IconCircleCheck, IconClipboardCheck, IconPencil, IconPlayerPlay } from "@tabler/icons-react";
import { StatusBadge } from "../../components/status-badge.tsx";
import type { CycleState } from "../../lib/types.ts";

const look = {
  planning: { color: "blue", icon: <IconPencil size={11} />, label: "Planning" },
  active: { color: "teal", icon: <IconPlayerPlay size={11} />, label: "Active" },
  grading: { color: "yellow", icon: <IconClipboardCheck size={11} />, label: "Grading" },
  closed: { color: "gray", icon: <IconCircleCheck size={11} />, label: "Closed" },
} as const;

export function CycleStateBadge({ state }: { state: CycleState }) {
  const { color, icon, label } = look[state];
  return (
    <StatusBadge color={color} icon={icon}>
      {label}
    </StatusBadge>
  );
}

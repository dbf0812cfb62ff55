import { IconCircleCheck, IconClockHour4, IconHourglassEmpty, IconX } from "@tabler/icons-react";
import { StatusBadge } from "../../components/status-badge.tsx";
import type { Invitation } from "../../lib/types.ts";

const look = {
  pending: { color: "indigo", icon: <IconClockHour4 size={11} />, label: "Pending" },
  accepted: { color: "teal", icon: <IconCircleCheck size={11} />, label: "Accepted" },
  revoked: { color: "gray", icon: <IconX size={11} />, label: "Revoked" },
  expired: { color: "gray", icon: <IconHourglassEmpty size={11} />, label: "Expired" },
} as const;

export function InvitationStatus({ status }: { status: Invitation["status"] }) {
  const { color, icon, label } = look[status];
  return (
    <StatusBadge color={color} icon={icon}>
      {label}
    </StatusBadge>
  );
}

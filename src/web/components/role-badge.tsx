import { IconCrown, IconEye, IconShieldCheck, IconUser } from "@tabler/icons-react";
import { roleDescriptions, roleLabels } from "../lib/roles.ts";
import type { Role } from "../lib/types.ts";
import { StatusBadge } from "./status-badge.tsx";

const look = {
  owner: { color: "grape", icon: <IconCrown size={12} /> },
  admin: { color: "indigo", icon: <IconShieldCheck size={12} /> },
  member: { color: "gray", icon: <IconUser size={12} /> },
  viewer: { color: "gray", icon: <IconEye size={12} /> },
} as const;

export function RoleBadge({ role }: { role: Role }) {
  return (
    <StatusBadge color={look[role].color} icon={look[role].icon} title={roleDescriptions[role]}>
      {roleLabels[role]}
    </StatusBadge>
  );
}

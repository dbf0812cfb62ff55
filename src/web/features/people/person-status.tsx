import { Group } from "@mantine/core";
import { IconCircleCheck, IconCircleOff, IconKeyOff } from "@tabler/icons-react";
import { StatusBadge } from "../../components/status-badge.tsx";
import type { Person } from "../../lib/types.ts";

/** Active or deactivated, and whether the person has ever set a password. */
export function PersonStatus({ person }: { person: Person }) {
  return (
    <Group gap={4} wrap="nowrap">
      {person.status === "active" ? (
        <StatusBadge color="teal" icon={<IconCircleCheck size={11} />}>
          Active
        </StatusBadge>
      ) : (
        <StatusBadge color="gray" icon={<IconCircleOff size={11} />}>
          Deactivated
        </StatusBadge>
      )}
      {!person.hasPassword && person.status === "active" && (
        <StatusBadge
          color="yellow"
          icon={<IconKeyOff size={11} />}
          title="Has not set a password yet: give them a set-password link"
        >
          No password
        </StatusBadge>
      )}
    </Group>
  );
}

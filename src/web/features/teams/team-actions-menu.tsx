import { ActionIcon, Menu } from "@mantine/core";
import {
  IconArchive,
  IconArrowsMove,
  IconDots,
  IconPencil,
  IconRestore,
  IconSubtask,
  IconUsers,
} from "@tabler/icons-react";
import type { TeamNode } from "../../lib/types.ts";

export type TeamAction = "add-child" | "edit" | "move" | "members" | "archive" | "restore";

type Props = { team: TeamNode; onAction: (action: TeamAction, team: TeamNode) => void };

/** The admin's actions on one team, from its row in the tree. */
export function TeamActionsMenu({ team, onAction }: Props) {
  return (
    <Menu position="bottom-end" width={190} shadow="md">
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Actions for ${team.name}`}>
          <IconDots size={16} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {!team.archived && (
          <Menu.Item leftSection={<IconSubtask size={14} />} onClick={() => onAction("add-child", team)}>
            Add sub-team
          </Menu.Item>
        )}
        <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => onAction("edit", team)}>
          Edit details
        </Menu.Item>
        <Menu.Item leftSection={<IconArrowsMove size={14} />} onClick={() => onAction("move", team)}>
          Move…
        </Menu.Item>
        <Menu.Item leftSection={<IconUsers size={14} />} onClick={() => onAction("members", team)}>
          Members
        </Menu.Item>
        <Menu.Divider />
        {team.archived ? (
          <Menu.Item leftSection={<IconRestore size={14} />} onClick={() => onAction("restore", team)}>
            Restore
          </Menu.Item>
        ) : (
          <Menu.Item
            leftSection={<IconArchive size={14} />}
            color="red"
            onClick={() => onAction("archive", team)}
          >
            Archive…
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

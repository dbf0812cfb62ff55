import { ActionIcon, Menu } from "@mantine/core";
import { IconDots, IconEye, IconKey, IconPencil, IconUserCheck, IconUserOff } from "@tabler/icons-react";
import type { Person } from "../../lib/types.ts";

export type PersonAction = "edit" | "reset-link" | "deactivate" | "reactivate" | "view-as";

type Props = {
  person: Person;
  isSelf: boolean;
  onAction: (a: PersonAction, p: Person) => void;
  /** The owner of a demo organisation may open it as any of its people. */
  canViewAs?: boolean;
};

/** An admin's actions on one person; deactivating oneself is not offered (the API refuses it). */
export function PersonActionsMenu({ person, isSelf, onAction, canViewAs = false }: Props) {
  return (
    <Menu position="bottom-end" width={220} shadow="md">
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Actions for ${person.name}`}>
          <IconDots size={16} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => onAction("edit", person)}>
          Edit role, title, manager
        </Menu.Item>
        {canViewAs && !isSelf && person.status === "active" && (
          <Menu.Item leftSection={<IconEye size={14} />} onClick={() => onAction("view-as", person)}>
            View the demo as {person.name}
          </Menu.Item>
        )}
        {person.status === "active" && (
          <Menu.Item leftSection={<IconKey size={14} />} onClick={() => onAction("reset-link", person)}>
            {person.hasPassword ? "Password reset link" : "Set-password link"}
          </Menu.Item>
        )}
        {/* Nobody deactivates themself (the API refuses): another admin must. */}
        {!isSelf && <Menu.Divider />}
        {isSelf ? null : person.status === "active" ? (
          <Menu.Item
            color="red"
            leftSection={<IconUserOff size={14} />}
            onClick={() => onAction("deactivate", person)}
          >
            Deactivate…
          </Menu.Item>
        ) : (
          <Menu.Item leftSection={<IconUserCheck size={14} />} onClick={() => onAction("reactivate", person)}>
            Reactivate
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

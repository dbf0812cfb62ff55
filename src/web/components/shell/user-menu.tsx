import { Avatar, Group, Menu, Text, UnstyledButton } from "@mantine/core";
import { IconChevronDown, IconKeyboard, IconLogout, IconUserCircle } from "@tabler/icons-react";
import { useNavigate } from "react-router";
import { initials } from "../../lib/format.ts";
import { notify } from "../../lib/notify.ts";
import { useSignOut } from "../../lib/session.ts";
import type { Session } from "../../lib/types.ts";

type Props = { user: Session["user"]; onShowShortcuts: () => void };

export function UserMenu({ user, onShowShortcuts }: Props) {
  const navigate = useNavigate();
  const signOut = useSignOut();
  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UnstyledButton
          aria-label="User menu"
          data-testid="user-menu"
          px={4}
          py={2}
          style={{ borderRadius: "var(--mantine-radius-sm)" }}
        >
          {/* The name is shown, not just initials: with several accounts (and the demo) it
              matters who is signed in. */}
          <Group gap={6} wrap="nowrap">
            <Avatar size={26} radius="xl" color="indigo" variant="filled">
              {initials(user.name)}
            </Avatar>
            <Text size="sm" fw={500} truncate maw={140}>
              {user.name}
            </Text>
            <IconChevronDown size={14} color="var(--mantine-color-dimmed)" />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {user.name}
          <br />
          {user.email}
        </Menu.Label>
        <Menu.Item leftSection={<IconUserCircle size={15} />} onClick={() => navigate("/account")}>
          Account
        </Menu.Item>
        <Menu.Item leftSection={<IconKeyboard size={15} />} onClick={onShowShortcuts}>
          Keyboard shortcuts
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={15} />}
          onClick={() =>
            signOut.mutate(undefined, {
              onSettled: () => {
                notify("Signed out.", "info");
                navigate("/sign-in", { replace: true });
              },
            })
          }
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

import { Menu } from "@mantine/core";
import { IconKeyboard, IconLogout, IconUserCircle } from "@tabler/icons-react";
import { useNavigate } from "react-router";
import { notify } from "../../lib/notify.ts";
import { useSignOut } from "../../lib/session.ts";
import type { Session } from "../../lib/types.ts";
import { UserMenuButton } from "./user-menu-button.tsx";

type Props = { user: Session["user"]; onShowShortcuts: () => void };

export function UserMenu({ user, onShowShortcuts }: Props) {
  const navigate = useNavigate();
  const signOut = useSignOut();
  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UserMenuButton user={user} />
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

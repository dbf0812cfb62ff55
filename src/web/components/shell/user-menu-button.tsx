import { Avatar, Group, Text, UnstyledButton, type UnstyledButtonProps } from "@mantine/core";
import { IconChevronDown } from "@tabler/icons-react";
import type { ComponentPropsWithRef } from "react";
import { initials } from "../../lib/format.ts";
import type { Session } from "../../lib/types.ts";

type Props = UnstyledButtonProps & ComponentPropsWithRef<"button"> & { user: Session["user"] };

/**
 * The header button that opens the user menu. Its own module: the shell shows it at once
 * while the menu (and the positioning library behind every dropdown) loads after the page.
 */
export function UserMenuButton({ user, ...rest }: Props) {
  return (
    <UnstyledButton
      // The accessible name starts with what is shown (the person's name), so speaking
      // what one sees finds it (WCAG 2.5.3, label in name).
      aria-label={`${user.name}: account menu`}
      data-testid="user-menu"
      px={4}
      py={2}
      style={{ borderRadius: "var(--mantine-radius-sm)" }}
      {...rest}
    >
      {/* The name is shown, not just initials: with several accounts (and the demo) it
          matters who is signed in. */}
      <Group gap={6} wrap="nowrap">
        <Avatar size={26} radius="xl" color="indigo" variant="filled" aria-hidden>
          {initials(user.name)}
        </Avatar>
        <Text size="sm" fw={500} truncate maw={140}>
          {user.name}
        </Text>
        <IconChevronDown size={14} color="var(--mantine-color-dimmed)" aria-hidden />
      </Group>
    </UnstyledButton>
  );
}

import { Avatar, Group, Text, UnstyledButton, type UnstyledButtonProps, VisuallyHidden } from "@mantine/core";
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
      data-testid="user-menu"
      px={4}
      py={2}
      style={{ borderRadius: "var(--mantine-radius-sm)" }}
      {...rest}
    >
      {/* The name is shown, not just initials: with several accounts (and the demo) it
          matters who is signed in. */}
      <Group gap={6} wrap="nowrap">
        {/* Named by what it shows, the person's name, and what it opens (WCAG 2.5.3, label
            in name); the initials are decoration. */}
        <span aria-hidden style={{ display: "contents" }}>
          <Avatar size={26} radius="xl" color="indigo" variant="filled">
            {initials(user.name)}
          </Avatar>
        </span>
        <Text size="sm" fw={500} truncate maw={140}>
          {user.name}
        </Text>
        <VisuallyHidden>, account menu</VisuallyHidden>
        <IconChevronDown size={14} color="var(--mantine-color-dimmed)" aria-hidden />
      </Group>
    </UnstyledButton>
  );
}

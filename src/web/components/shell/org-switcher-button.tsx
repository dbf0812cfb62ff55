import { Group, Text, UnstyledButton, type UnstyledButtonProps, VisuallyHidden } from "@mantine/core";
import { IconSelector } from "@tabler/icons-react";
import type { ComponentPropsWithRef } from "react";
import { roleLabels } from "../../lib/roles.ts";
import type { OrgSummary } from "../../lib/types.ts";

type Props = UnstyledButtonProps & ComponentPropsWithRef<"button"> & { current: OrgSummary | null };

/**
 * The navigation's button that opens the organisation switcher; shown at once while the
 * menu loads after the page (see user-menu-button.tsx).
 */
export function OrgSwitcherButton({ current, ...rest }: Props) {
  const name = current?.name ?? "Choose an organisation";
  return (
    <UnstyledButton
      data-testid="org-switcher"
      p={6}
      w="100%"
      style={{
        borderRadius: "var(--mantine-radius-sm)",
        border: "1px solid var(--mantine-color-default-border)",
      }}
      {...rest}
    >
      <Group gap={6} wrap="nowrap" justify="space-between">
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={600} truncate>
            {name}
          </Text>
          {current && (
            <Text size="xs" c="dimmed">
              {roleLabels[current.role]}
              {current.isDemo ? " · demo" : ""}
            </Text>
          )}
          {/* Named by what it shows and what it does (WCAG 2.5.3, label in name). */}
          <VisuallyHidden>, switch organisation</VisuallyHidden>
        </div>
        <IconSelector size={16} style={{ flexShrink: 0 }} aria-hidden />
      </Group>
    </UnstyledButton>
  );
}

import { Badge, type MantineColor } from "@mantine/core";
import type { ReactNode } from "react";

type Props = { color: MantineColor; icon: ReactNode; children: ReactNode; title?: string };

/** Status is never colour alone: every badge carries an icon and a word. */
export function StatusBadge({ color, icon, children, title }: Props) {
  return (
    <Badge color={color} leftSection={icon} title={title} style={{ flexShrink: 0, minWidth: "fit-content" }}>
      {children}
    </Badge>
  );
}

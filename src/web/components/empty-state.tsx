import { EmptyState as MantineEmptyState } from "@mantine/core";
import type { ReactNode } from "react";

type Props = { icon: ReactNode; title: string; children: ReactNode; action?: ReactNode };

/** An empty list teaches what to do next: what belongs here and the button that adds it. */
export function EmptyState({ icon, title, children, action }: Props) {
  return (
    <MantineEmptyState
      icon={icon}
      title={title}
      description={children}
      withIndicatorBackground
      size="sm"
      py="xl"
      px="md"
      data-testid="empty-state"
    >
      {action && <MantineEmptyState.Actions>{action}</MantineEmptyState.Actions>}
    </MantineEmptyState>
  );
}

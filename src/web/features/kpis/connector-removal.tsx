import { Alert, Button, Group, Text } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";

type Props = {
  /** Only a saved connector can be removed. */
  removable: boolean;
  pending: boolean;
  onRemove: () => void;
  /** The dialog's Cancel and submit buttons. */
  children: ReactNode;
};

/**
 * The connector dialog's last row: Remove… beside the buttons, and once asked, a
 * confirmation in their place (the values the connector wrote stay either way).
 */
export function ConnectorRemoval({ removable, pending, onRemove, children }: Props) {
  const [confirming, setConfirming] = useState(false);
  if (confirming) {
    return (
      <Alert color="red" p="xs" data-testid="connector-remove-confirm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text size="sm">Remove this connector? The values it wrote stay.</Text>
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
              Keep it
            </Button>
            <Button size="xs" color="red" loading={pending} onClick={onRemove}>
              Remove connector
            </Button>
          </Group>
        </Group>
      </Alert>
    );
  }
  return (
    <Group justify="space-between" gap="xs">
      <div>
        {removable && (
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={16} />}
            onClick={() => setConfirming(true)}
          >
            Remove…
          </Button>
        )}
      </div>
      {children}
    </Group>
  );
}

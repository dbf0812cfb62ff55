import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { FormError } from "./form-error.tsx";

type Props = {
  opened: boolean;
  onClose: () => void;
  onConfirm: () => void;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  loading?: boolean;
  error?: Error | null;
};

/** Asks before an action that is hard to undo (revoking, deactivating, archiving). */
export function ConfirmModal(props: Props) {
  const { opened, onClose, onConfirm, title, children, confirmLabel, danger, loading, error } = props;
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="sm">
      <Stack gap="sm">
        <Text size="sm" component="div">
          {children}
        </Text>
        <FormError error={error ?? null} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color={danger ? "red" : undefined} loading={loading} onClick={onConfirm} data-autofocus>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

import { Alert, Button, CopyButton, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { IconAlertTriangle, IconCheck, IconCopy } from "@tabler/icons-react";
import type { ReactNode } from "react";

type Props = {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** What the secret is for and whom to give it to. */
  description: ReactNode;
  label: string;
  secret: string;
};

/**
 * A link or secret Keel stores only as a hash: this dialog is the one chance to copy it.
 * Closing needs an explicit click, so a stray Escape or outside click cannot lose it.
 */
export function OneTimeSecretModal({ opened, onClose, title, description, label, secret }: Props) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      closeOnClickOutside={false}
      closeOnEscape={false}
      size="lg"
    >
      <Stack gap="sm" data-testid="one-time-secret">
        <Text size="sm">{description}</Text>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            label={label}
            value={secret}
            readOnly
            onFocus={(e) => e.currentTarget.select()}
            style={{ flex: 1 }}
            styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
            data-testid="one-time-secret-value"
          />
          <CopyButton value={secret}>
            {({ copied, copy }) => (
              <Button
                onClick={copy}
                color={copied ? "teal" : undefined}
                leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              >
                {copied ? "Copied" : "Copy"}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title="Shown once">
          Copy it now. Keel keeps only a fingerprint of it, so it cannot show it again; if it gets lost,
          create a new one.
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            I have copied it
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

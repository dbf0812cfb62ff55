import { Alert, Button, Group, Text } from "@mantine/core";
import { IconAlertTriangle, IconRefresh } from "@tabler/icons-react";
import { isApiError } from "../lib/api-client.ts";

type Props = { error: Error | null; onReload?: () => void };

/**
 * The error of a form that belongs to no single field. A version conflict means someone
 * else saved first: say so and offer to load their version.
 */
export function FormError({ error, onReload }: Props) {
  if (!error) return null;
  const conflict = isApiError(error, "version_conflict");
  return (
    <Alert
      color={conflict ? "yellow" : "red"}
      icon={<IconAlertTriangle size={18} />}
      title={conflict ? "Someone else saved first" : undefined}
      role="alert"
      data-testid="form-error"
    >
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text size="sm">{error.message}</Text>
        {conflict && onReload && (
          <Button size="xs" variant="default" leftSection={<IconRefresh size={14} />} onClick={onReload}>
            Reload their version
          </Button>
        )}
      </Group>
    </Alert>
  );
}

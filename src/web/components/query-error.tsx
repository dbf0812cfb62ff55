import { Alert, Button, Group, Text } from "@mantine/core";
import { IconAlertTriangle, IconLock } from "@tabler/icons-react";
import { isApiError, messageOf } from "../lib/api-client.ts";

type Props = { error: unknown; onRetry?: () => void; what?: string };

/** A failed load: says what failed and what to do (retry, or ask an admin for access). */
export function QueryError({ error, onRetry, what = "this page" }: Props) {
  if (isApiError(error, "forbidden")) {
    return (
      <Alert color="gray" icon={<IconLock size={18} />} title="You don't have access" role="alert">
        <Text size="sm">{messageOf(error)}</Text>
      </Alert>
    );
  }
  const network = isApiError(error, "network");
  return (
    <Alert
      color="red"
      icon={<IconAlertTriangle size={18} />}
      title={network ? "Keel is not reachable" : `Could not load ${what}`}
      role="alert"
    >
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm">{messageOf(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Group>
    </Alert>
  );
}

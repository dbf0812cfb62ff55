import { Anchor, Button, Group, Paper, PasswordInput, Stack, Text } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { KeelForm } from "../../components/form-modal.tsx";
import type { ConnectorDraft, StoredCredentials } from "./connector-draft.ts";
import { mono } from "./kpi-form-fields.tsx";

/**
 * The connector's credentials are write-only: what is stored shows as "stored, hidden"
 * (with the header names the API gives, see connector-headers-field.tsx) and is kept
 * unless replaced or removed.
 */

type ConnectionStringProps = {
  form: KeelForm<ConnectorDraft>;
  /** The connection string stored for this query, if any. */
  stored: StoredCredentials | null;
};

const connectionHint =
  "A credential: stored encrypted, never shown again. Give Keel a role that may only read what this KPI needs.";

export function ConnectionStringField({ form, stored }: ConnectionStringProps) {
  const draft = form.values;
  const error = form.errors.connectionString;
  if (stored && draft.connectionStringMode === "keep") {
    return (
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Connection string
        </Text>
        <StoredBox
          label={
            <Text span size="sm" c="dimmed">
              Stored, hidden
            </Text>
          }
          error={error ?? (stored.credentialsError ? "It cannot be read with this server's key." : null)}
          testId="stored-connection-string"
        >
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => form.setFieldValue("connectionStringMode", "replace")}
          >
            Replace
          </Button>
        </StoredBox>
      </Stack>
    );
  }
  return (
    <PasswordInput
      label="Connection string"
      description={
        stored ? (
          <>
            {connectionHint}{" "}
            <Anchor
              component="button"
              type="button"
              size="xs"
              onClick={() => {
                form.setFieldValue("connectionString", "");
                form.setFieldValue("connectionStringMode", "keep");
              }}
            >
              Keep the stored one
            </Anchor>
          </>
        ) : (
          connectionHint
        )
      }
      placeholder="postgres://reader:…@db.example.com:5432/sales?sslmode=require"
      value={draft.connectionString}
      onChange={(e) => form.setFieldValue("connectionString", e.currentTarget.value)}
      error={error}
      styles={mono}
      autoComplete="new-password"
    />
  );
}

type StoredBoxProps = { label: ReactNode; error: ReactNode; testId: string; children: ReactNode };

/** A stored credential: what it is (never its value), why it cannot be used, what can be done. */
export function StoredBox(props: StoredBoxProps) {
  return (
    <Paper withBorder px="sm" py={6} data-testid={props.testId}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
          <IconLock size={14} aria-hidden />
          <div style={{ minWidth: 0, overflowWrap: "anywhere" }}>{props.label}</div>
        </Group>
        <Group gap={4}>{props.children}</Group>
      </Group>
      {props.error && (
        <Text size="xs" c="red" mt={4}>
          {props.error}
        </Text>
      )}
    </Paper>
  );
}

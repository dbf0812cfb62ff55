import {
  ActionIcon,
  Anchor,
  Button,
  Code,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { IconLock, IconPlus, IconTrash } from "@tabler/icons-react";
import type { ReactNode } from "react";
import {
  type ConnectorDraft,
  type ConnectorDraftErrors,
  type HeaderRow,
  headerRow,
  type StoredCredentials,
} from "./connector-draft.ts";
import { mono } from "./kpi-form-fields.tsx";

/**
 * The connector's credentials. They are write-only: what is stored shows as "stored,
 * hidden" (with the header names the API gives) and is kept unless replaced or removed.
 */

type SetField = <K extends keyof ConnectorDraft>(name: K, value: ConnectorDraft[K]) => void;

type HeadersProps = {
  draft: ConnectorDraft;
  /** Headers stored for this kind, if any. */
  stored: StoredCredentials | null;
  errors: ConnectorDraftErrors;
  set: SetField;
  clearErrors: (prefix: string) => void;
};

export function HeadersField({ draft, stored, errors, set, clearErrors }: HeadersProps) {
  const mode = stored ? draft.headersMode : "replace";
  const names = stored?.headerNames.join(", ") || "headers";
  const setRows = (rows: HeaderRow[]) => {
    set("headers", rows);
    clearErrors("header");
  };
  const update = (key: string, patch: Partial<HeaderRow>) =>
    setRows(draft.headers.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  return (
    <Stack gap={6} data-testid="connector-headers">
      <div>
        <Text size="sm" fw={500}>
          Headers
        </Text>
        <Text size="xs" c="dimmed">
          Sent with each request, e.g. Authorization. Stored encrypted; never shown again.
        </Text>
      </div>
      {stored && mode === "keep" && (
        <StoredBox
          label={
            <>
              <Code fz="xs">{names}</Code>{" "}
              <Text span size="sm" c="dimmed">
                stored, hidden
              </Text>
            </>
          }
          error={stored.credentialsError ? "They cannot be read with this server's key." : null}
          testId="stored-headers"
        >
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => {
              set("headersMode", "replace");
              // The names are known, the values are not: prefill the names to type the values.
              setRows(
                stored.headerNames.length > 0
                  ? stored.headerNames.map((n) => headerRow(n))
                  : [headerRow("Authorization")],
              );
            }}
          >
            Replace
          </Button>
          <Button size="compact-sm" variant="subtle" color="red" onClick={() => set("headersMode", "remove")}>
            Remove
          </Button>
        </StoredBox>
      )}
      {stored && mode === "remove" && (
        <Group gap="xs" wrap="wrap">
          <Text size="sm" data-testid="headers-removed">
            The stored headers ({names}) are removed when you save.
          </Text>
          <Anchor component="button" type="button" size="sm" onClick={() => set("headersMode", "keep")}>
            Keep them
          </Anchor>
        </Group>
      )}
      {mode === "replace" && (
        <>
          {stored && (
            <Group gap="xs" wrap="wrap">
              <Text size="xs" c="dimmed">
                These replace every stored header: enter each one you still need, with its value.
              </Text>
              <Anchor
                component="button"
                type="button"
                size="xs"
                onClick={() => {
                  set("headersMode", "keep");
                  setRows([]);
                }}
              >
                Keep the stored headers
              </Anchor>
            </Group>
          )}
          {draft.headers.map((row, i) => (
            <Group key={row.key} gap="xs" align="flex-start" wrap="nowrap">
              <TextInput
                aria-label={`Header ${i + 1} name`}
                placeholder="Authorization"
                value={row.name}
                onChange={(e) => update(row.key, { name: e.currentTarget.value })}
                error={errors[`header:${row.key}:name`]}
                styles={mono}
                autoComplete="off"
                style={{ flex: "2 1 0" }}
              />
              <PasswordInput
                aria-label={`Header ${i + 1} value`}
                placeholder="Bearer …"
                value={row.value}
                onChange={(e) => update(row.key, { value: e.currentTarget.value })}
                error={errors[`header:${row.key}:value`]}
                styles={mono}
                autoComplete="new-password"
                style={{ flex: "3 1 0" }}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                size="lg"
                aria-label={`Remove header ${i + 1}`}
                onClick={() => setRows(draft.headers.filter((r) => r.key !== row.key))}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              size="compact-sm"
              variant="subtle"
              leftSection={<IconPlus size={14} />}
              onClick={() => setRows([...draft.headers, headerRow()])}
              disabled={draft.headers.length >= 20}
            >
              Add header
            </Button>
          </Group>
        </>
      )}
      {errors.headers && (
        <Text size="xs" c="red" role="alert">
          {errors.headers}
        </Text>
      )}
    </Stack>
  );
}

type ConnectionStringProps = {
  draft: ConnectorDraft;
  stored: StoredCredentials | null;
  error: string | undefined;
  set: SetField;
};

const connectionHint =
  "A credential: stored encrypted, never shown again. Give Keel a role that may only read what this KPI needs.";

export function ConnectionStringField({ draft, stored, error, set }: ConnectionStringProps) {
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
          <Button size="compact-sm" variant="default" onClick={() => set("connectionStringMode", "replace")}>
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
                set("connectionString", "");
                set("connectionStringMode", "keep");
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
      onChange={(e) => set("connectionString", e.currentTarget.value)}
      error={error}
      styles={mono}
      autoComplete="new-password"
    />
  );
}

function StoredBox(props: { label: ReactNode; error: string | null; testId: string; children: ReactNode }) {
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

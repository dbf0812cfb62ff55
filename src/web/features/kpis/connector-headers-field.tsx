import { Anchor, Button, Code, Group, Stack, Text } from "@mantine/core";
import type { KeelForm } from "../../components/form-modal.tsx";
import { StoredBox } from "./connector-credential-fields.tsx";
import { type ConnectorDraft, type HeaderRow, headerRow, type StoredCredentials } from "./connector-draft.ts";
import { HeaderRows } from "./connector-header-rows.tsx";

type Props = {
  form: KeelForm<ConnectorDraft>;
  /** Headers stored for this URL, if any. */
  stored: StoredCredentials | null;
};

/**
 * The headers an HTTP connector sends. Stored ones show by name only ("stored, hidden")
 * and are kept, replaced as a whole set (the API has no per-header edit) or removed.
 */
export function HeadersField({ form, stored }: Props) {
  const draft = form.values;
  const mode = stored ? draft.headersMode : "replace";
  const names = stored?.headerNames.join(", ") || "headers";
  const setRows = (rows: HeaderRow[]) => {
    form.setFieldValue("headers", rows);
    // Errors of rows and of the set as a whole: "headers", "header:<row key>:name".
    form.setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith("header"))));
  };

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
              form.setFieldValue("headersMode", "replace");
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
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            onClick={() => form.setFieldValue("headersMode", "remove")}
          >
            Remove
          </Button>
        </StoredBox>
      )}
      {stored && mode === "remove" && (
        <Group gap="xs" wrap="wrap">
          <Text size="sm" data-testid="headers-removed">
            The stored headers ({names}) are removed when you save.
          </Text>
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => form.setFieldValue("headersMode", "keep")}
          >
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
                  form.setFieldValue("headersMode", "keep");
                  setRows([]);
                }}
              >
                Keep the stored headers
              </Anchor>
            </Group>
          )}
          <HeaderRows rows={draft.headers} errors={form.errors} setRows={setRows} />
        </>
      )}
      {form.errors.headers && (
        <Text size="xs" c="red" role="alert">
          {form.errors.headers}
        </Text>
      )}
    </Stack>
  );
}

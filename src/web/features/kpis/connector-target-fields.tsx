import { Text, Textarea, TextInput } from "@mantine/core";
import type { KeelForm } from "../../components/form-modal.tsx";
import { ConnectionStringField } from "./connector-credential-fields.tsx";
import {
  type ConnectorDraft,
  credentialsLeftBehind,
  type StoredCredentials,
  storedFor,
} from "./connector-draft.ts";
import { HeadersField } from "./connector-headers-field.tsx";
import { mono } from "./kpi-form-fields.tsx";

type Props = {
  form: KeelForm<ConnectorDraft>;
  /** What the saved connector holds, whatever its target. */
  stored: StoredCredentials | null;
};

/**
 * Where an HTTP connector reads: the URL, the JSON path, and the headers sent. Stored
 * headers stay with the URL's origin and query string: once it points elsewhere, say so.
 */
export function HttpTargetFields({ form, stored }: Props) {
  const draft = form.values;
  const leftBehind = credentialsLeftBehind(stored, draft);
  return (
    <>
      <TextInput
        label="URL"
        description="Keel sends a GET request. Everyone in the organisation sees the URL: put API keys in a header, not here."
        placeholder="https://stats.example.com/api/shipments"
        value={draft.url}
        onChange={(e) => form.setFieldValue("url", e.currentTarget.value)}
        error={form.errors.url}
        styles={mono}
        data-autofocus
      />
      <TextInput
        label="JSON path"
        description="Where the number is in the answer: $.data.total, $.items[0].value, $['on-time %']"
        placeholder="$.data.total"
        value={draft.jsonPath}
        onChange={(e) => form.setFieldValue("jsonPath", e.currentTarget.value)}
        error={form.errors.jsonPath}
        styles={mono}
      />
      {leftBehind && (
        <Text size="xs" c="dimmed" data-testid="credentials-left-behind">
          The URL now points to another address or query string: the stored headers (
          {leftBehind.headerNames.join(", ") || "headers"}) stay with the old one and are removed when you
          save. Enter them again if this address needs them.
        </Text>
      )}
      <HeadersField form={form} stored={storedFor(stored, draft)} />
    </>
  );
}

/**
 * Where a PostgreSQL connector reads: the connection string and the query. A stored
 * connection string is only used with the query it was saved with.
 */
export function SqlTargetFields({ form, stored }: Props) {
  const draft = form.values;
  return (
    <>
      <ConnectionStringField form={form} stored={storedFor(stored, draft)} />
      {credentialsLeftBehind(stored, draft) && (
        <Text size="xs" c="dimmed" data-testid="credentials-left-behind">
          The query changed: enter the connection string again. A stored one is only used with the query it
          was saved with.
        </Text>
      )}
      <Textarea
        label="Query"
        description="Runs in a read-only transaction; the first column of the first row is the value."
        placeholder="select count(*) from shipments where delivered_at >= date_trunc('week', now())"
        autosize
        minRows={4}
        maxRows={12}
        value={draft.query}
        onChange={(e) => form.setFieldValue("query", e.currentTarget.value)}
        error={form.errors.query}
        styles={mono}
      />
    </>
  );
}

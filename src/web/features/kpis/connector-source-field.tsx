import { SegmentedControl, Stack, Text } from "@mantine/core";
import type { KeelForm } from "../../components/form-modal.tsx";
import {
  type ConnectorDraft,
  type ConnectorKind,
  connectorKindLabels,
  periodNouns,
  runIntervalLabel,
} from "./connector-draft.ts";
import type { Connector, Kpi } from "./kpis-api.ts";

const kindData = (Object.keys(connectorKindLabels) as ConnectorKind[]).map((value) => ({
  value,
  label: connectorKindLabels[value],
}));

type Props = { form: KeelForm<ConnectorDraft>; kpi: Kpi; connector: Connector | null };

/** What a connector does for the KPI, and where it reads from: an HTTP endpoint or a query. */
export function ConnectorSourceField({ form, kpi, connector }: Props) {
  const kind = form.values.kind;
  return (
    <>
      <Text size="sm" c="dimmed">
        Keel reads one number {runIntervalLabel(kpi.frequency)} and writes it as this{" "}
        {periodNouns[kpi.frequency]}'s value, so the current period stays up to date. A failed run keeps the
        old values and says why on this page.
      </Text>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="connector-kind-label">
          Source
        </Text>
        <SegmentedControl
          aria-labelledby="connector-kind-label"
          data={kindData}
          value={kind}
          onChange={(v) => {
            form.setFieldValue("kind", v as ConnectorKind);
            // The other source's fields are gone, and so are the errors about them.
            form.clearErrors();
          }}
          fullWidth
        />
        {form.errors.kind && (
          <Text size="xs" c="red">
            {form.errors.kind}
          </Text>
        )}
        {connector && connector.kind !== kind && connector.hasCredentials && (
          <Text size="xs" c="dimmed">
            Changing the source drops the stored{" "}
            {connector.kind === "http_json" ? "headers" : "connection string"}.
          </Text>
        )}
      </Stack>
    </>
  );
}

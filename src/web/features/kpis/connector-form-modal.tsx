import {
  Alert,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { type FormEvent, useEffect, useState } from "react";
import { FormError } from "../../components/form-error.tsx";
import { isApiError } from "../../lib/api-client.ts";
import { notify } from "../../lib/notify.ts";
import { useBreakpoints } from "../../lib/use-breakpoints.ts";
import { ConnectionStringField, HeadersField } from "./connector-credential-fields.tsx";
import {
  type ConnectorDraft,
  type ConnectorDraftErrors,
  type ConnectorKind,
  connectorKindLabels,
  credentialsLeftBehind,
  draftFromConnector,
  mapConnectorIssues,
  periodNouns,
  runIntervalLabel,
  storedFor,
  storedOf,
  validateConnectorDraft,
} from "./connector-draft.ts";
import { mono } from "./kpi-form-fields.tsx";
import { type Connector, type Kpi, useRemoveConnector, useSaveConnector } from "./kpis-api.ts";

type Props = {
  slug: string;
  kpi: Kpi;
  opened: boolean;
  onClose: () => void;
  /** Editing this connector; adding one when null. */
  connector: Connector | null;
  /** After a version conflict: loads the connector someone else saved. */
  onReload: () => Promise<Connector | undefined>;
};

const kindData = (Object.keys(connectorKindLabels) as ConnectorKind[]).map((value) => ({
  value,
  label: connectorKindLabels[value],
}));

/**
 * Adds, edits or removes a KPI's connector. The API validates with the same shared schema
 * the form checks first; what only the server can judge (JSON path syntax, whether Keel
 * may reach the host) comes back naming its field and is shown there.
 */
export function ConnectorFormModal({ slug, kpi, opened, onClose, connector, onReload }: Props) {
  const bp = useBreakpoints();
  const save = useSaveConnector(slug, kpi.id);
  const remove = useRemoveConnector(slug, kpi.id);
  const [draft, setDraft] = useState<ConnectorDraft>(() => draftFromConnector(connector));
  const [errors, setErrors] = useState<ConnectorDraftErrors>({});
  const [formError, setFormError] = useState<Error | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const stored = storedOf(connector);
  const kept = storedFor(stored, draft);
  const leftBehind = credentialsLeftBehind(stored, draft);

  const startFrom = (c: Connector | null | undefined) => {
    setDraft(draftFromConnector(c));
    setErrors({});
    setFormError(null);
    setConfirmRemove(false);
  };
  // A fresh form each time the dialog opens. Not when the connector changes while it is
  // open: a save changes it before the dialog closes (and resetting the mutation then
  // would drop its callbacks); a reload after a conflict starts over explicitly.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when opened
  useEffect(() => {
    if (!opened) return;
    startFrom(connector);
    save.reset();
    remove.reset();
  }, [opened]);
  const reload = async () => startFrom(await onReload());

  const set = <K extends keyof ConnectorDraft>(name: K, value: ConnectorDraft[K]) => {
    setDraft((d) => ({ ...d, [name]: value }));
    setErrors((e) => (e[name] ? { ...e, [name]: "" } : e));
  };
  const clearErrors = (prefix: string) =>
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith(prefix))));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const checked = validateConnectorDraft(draft, stored, connector?.version);
    setErrors(checked.errors);
    setFormError(checked.general ? new Error(checked.general) : null);
    if (!checked.input) return;
    const sent = draft;
    save.mutate(checked.input, {
      onSuccess: (saved) => {
        notify(
          saved.credentialsDropped
            ? "Saved the connector. Its stored headers were removed: they are only sent to the address they were entered for."
            : connector
              ? "Saved the connector."
              : saved.enabled
                ? "Added the connector. It runs within 15 seconds, or use Run now."
                : "Added the connector, paused: it runs only when someone uses Run now.",
        );
        onClose();
      },
      onError: (err) => {
        if (isApiError(err) && err.issues.length > 0) {
          const mapped = mapConnectorIssues(err.issues, sent);
          setErrors(mapped.errors);
          setFormError(mapped.unplaced.length > 0 || Object.keys(mapped.errors).length === 0 ? err : null);
          return;
        }
        setFormError(err);
      },
    });
  };

  const onRemove = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        notify("Removed the connector. The values it wrote stay.");
        onClose();
      },
      onError: (err) => setFormError(err),
    });

  const http = draft.kind === "http_json";
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={connector ? `Edit the connector of ${kpi.name}` : `Add a connector to ${kpi.name}`}
      size={680}
      fullScreen={!bp.sm}
    >
      <form onSubmit={onSubmit} noValidate data-testid="connector-form">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Keel reads one number {runIntervalLabel(kpi.frequency)} and writes it as this{" "}
            {periodNouns[kpi.frequency]}'s value, so the current period stays up to date. A failed run keeps
            the old values and says why on this page.
          </Text>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="connector-kind-label">
              Source
            </Text>
            <SegmentedControl
              aria-labelledby="connector-kind-label"
              data={kindData}
              value={draft.kind}
              onChange={(v) => {
                set("kind", v as ConnectorKind);
                setErrors({});
              }}
              fullWidth
            />
            {errors.kind && (
              <Text size="xs" c="red">
                {errors.kind}
              </Text>
            )}
            {connector && connector.kind !== draft.kind && connector.hasCredentials && (
              <Text size="xs" c="dimmed">
                Changing the source drops the stored{" "}
                {connector.kind === "http_json" ? "headers" : "connection string"}.
              </Text>
            )}
          </Stack>
          {http ? (
            <>
              <TextInput
                label="URL"
                description="Keel sends a GET request. Everyone in the organisation sees the URL: put API keys in a header, not here."
                placeholder="https://stats.example.com/api/shipments"
                value={draft.url}
                onChange={(e) => set("url", e.currentTarget.value)}
                error={errors.url}
                styles={mono}
                data-autofocus
              />
              <TextInput
                label="JSON path"
                description="Where the number is in the answer: $.data.total, $.items[0].value, $['on-time %']"
                placeholder="$.data.total"
                value={draft.jsonPath}
                onChange={(e) => set("jsonPath", e.currentTarget.value)}
                error={errors.jsonPath}
                styles={mono}
              />
              {leftBehind && (
                <Text size="xs" c="dimmed" data-testid="credentials-left-behind">
                  The URL now points to another address or query string: the stored headers (
                  {leftBehind.headerNames.join(", ") || "headers"}) stay with the old one and are removed when
                  you save. Enter them again if this address needs them.
                </Text>
              )}
              <HeadersField draft={draft} stored={kept} errors={errors} set={set} clearErrors={clearErrors} />
            </>
          ) : (
            <>
              <ConnectionStringField draft={draft} stored={kept} error={errors.connectionString} set={set} />
              {leftBehind && (
                <Text size="xs" c="dimmed" data-testid="credentials-left-behind">
                  The query changed: enter the connection string again. A stored one is only used with the
                  query it was saved with.
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
                onChange={(e) => set("query", e.currentTarget.value)}
                error={errors.query}
                styles={mono}
              />
            </>
          )}
          <Switch
            label="Run on schedule"
            description={
              draft.enabled
                ? `Runs ${runIntervalLabel(kpi.frequency)}. Turn off to pause it; Run now still works.`
                : "Paused: it runs only when someone uses Run now."
            }
            checked={draft.enabled}
            onChange={(e) => set("enabled", e.currentTarget.checked)}
            error={errors.enabled}
          />
          <FormError error={formError} onReload={() => void reload()} />
          {confirmRemove ? (
            <Alert color="red" p="xs" data-testid="connector-remove-confirm">
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Text size="sm">Remove this connector? The values it wrote stay.</Text>
                <Group gap="xs">
                  <Button size="xs" variant="default" onClick={() => setConfirmRemove(false)}>
                    Keep it
                  </Button>
                  <Button size="xs" color="red" loading={remove.isPending} onClick={onRemove}>
                    Remove connector
                  </Button>
                </Group>
              </Group>
            </Alert>
          ) : (
            <Group justify="space-between" gap="xs">
              <div>
                {connector && (
                  <Button
                    variant="subtle"
                    color="red"
                    leftSection={<IconTrash size={16} />}
                    onClick={() => setConfirmRemove(true)}
                  >
                    Remove…
                  </Button>
                )}
              </div>
              <Group gap="xs">
                <Button variant="default" onClick={onClose}>
                  Cancel
                </Button>
                <Button type="submit" loading={save.isPending}>
                  {connector ? "Save changes" : "Add connector"}
                </Button>
              </Group>
            </Group>
          )}
        </Stack>
      </form>
    </Modal>
  );
}

import { Checkbox, SegmentedControl, Stack, Switch, Text, TextInput } from "@mantine/core";
import {
  CreateWebhookSchema,
  UpdateWebhookSchema,
  WEBHOOK_EVENT_TYPES,
} from "../../../shared/schemas/webhooks.ts";
import { FormModal } from "../../components/form-modal.tsx";
import { parseFields } from "../../lib/zod-form.ts";
import { useCreateWebhook, useUpdateWebhook, type Webhook, type WebhookWithSecret } from "./webhooks-api.ts";

/** How each event reads in the form. */
export const EVENT_LABELS: Record<(typeof WEBHOOK_EVENT_TYPES)[number], string> = {
  "check_in.created": "A check-in is made",
  "key_result.flagged": "A Key Result is flagged at risk",
  "kpi.status_changed": "A KPI's status changes",
  "escalation.opened": "An escalation opens",
  "escalation.acknowledged": "An escalation is acknowledged",
  "escalation.resolved": "An escalation is resolved",
  "cycle.closed": "A cycle is closed",
};

type Props = {
  slug: string;
  /** The webhook to edit; null adds one. */
  editing: Webhook | null;
  opened: boolean;
  onClose: () => void;
  /** Called with the answer when it carries a new secret (created, or the URL changed). */
  onSecret: (result: WebhookWithSecret) => void;
};

/** Adds or edits a webhook: where it posts, which events, in which format. */
export function WebhookFormModal({ slug, editing, opened, onClose, onSecret }: Props) {
  const create = useCreateWebhook(slug);
  const update = useUpdateWebhook(slug);
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={editing ? "Edit webhook" : "Add webhook"}
      initialValues={() => ({
        url: editing?.url ?? "",
        description: editing?.description ?? "",
        events: editing?.events ?? ["check_in.created", "escalation.opened"],
        format: editing?.format ?? ("generic" as Webhook["format"]),
        enabled: editing?.enabled ?? true,
      })}
      onSubmit={async (values) => {
        const result = editing
          ? await update.mutateAsync({
              id: editing.id,
              body: parseFields(UpdateWebhookSchema, { version: editing.version, ...values }),
            })
          : await create.mutateAsync(parseFields(CreateWebhookSchema, values));
        onClose();
        if (result.secret) onSecret(result);
      }}
      submitLabel={editing ? "Save" : "Add webhook"}
    >
      {(form) => (
        <>
          <TextInput
            label="URL"
            placeholder="https://hooks.slack.com/services/…"
            description={
              editing
                ? "A new URL gets a new signing secret, shown once after saving."
                : "Keel POSTs each event here. Private and local addresses are refused."
            }
            data-autofocus
            {...form.getInputProps("url")}
          />
          <TextInput
            label="Description"
            placeholder="e.g. #ops-alerts channel"
            {...form.getInputProps("description")}
          />
          <Checkbox.Group label="Events" {...form.getInputProps("events")}>
            <Stack gap={6} mt={6}>
              {WEBHOOK_EVENT_TYPES.map((type) => (
                <Checkbox key={type} value={type} label={EVENT_LABELS[type]} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="webhook-format-label">
              Format
            </Text>
            <SegmentedControl
              aria-labelledby="webhook-format-label"
              size="xs"
              data={[
                { value: "generic", label: "Keel JSON" },
                { value: "slack", label: "Slack / Teams" },
              ]}
              {...form.getInputProps("format")}
            />
            <Text size="xs" c="dimmed">
              {form.values.format === "slack"
                ? 'One sentence as { "text": … }, which Slack and Teams incoming webhooks post as a message.'
                : "The event with its ids and details, signed (see docs/webhooks.md)."}
            </Text>
          </Stack>
          <Switch label="Enabled" {...form.getInputProps("enabled", { type: "checkbox" })} />
        </>
      )}
    </FormModal>
  );
}

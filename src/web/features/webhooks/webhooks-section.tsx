import { Badge, Button, Card, Code, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconPlus, IconWebhook } from "@tabler/icons-react";
import { useState } from "react";
import { ConfirmModal } from "../../components/confirm-modal.tsx";
import { OneTimeSecretModal } from "../../components/one-time-secret-modal.tsx";
import { QueryError } from "../../components/query-error.tsx";
import { notify } from "../../lib/notify.ts";
import { WebhookDeliveries } from "./webhook-deliveries.tsx";
import { EVENT_LABELS, WebhookFormModal } from "./webhook-form-modal.tsx";
import {
  useDeleteWebhook,
  useRotateSecret,
  useSendTest,
  useWebhooks,
  type Webhook,
  type WebhookWithSecret,
} from "./webhooks-api.ts";

/** Settings, for admins: where Keel posts the organisation's events, signed, with a delivery log. */
export function WebhooksSection({ slug }: { slug: string }) {
  const hooks = useWebhooks(slug, true);
  const rotate = useRotateSecret(slug);
  const test = useSendTest(slug);
  const remove = useDeleteWebhook(slug);
  const [editing, setEditing] = useState<Webhook | null | "new">(null);
  const [secret, setSecret] = useState<WebhookWithSecret | null>(null);
  const [deleting, setDeleting] = useState<Webhook | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  return (
    <Card withBorder maw={880} padding="md" mt="lg" component="section" aria-labelledby="webhooks-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="webhooks-title">
            Webhooks
          </Title>
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing("new")}>
            Add webhook
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          Keel posts chosen events (check-ins, flags, KPI status, escalations, closed cycles) to these URLs,
          signed with each webhook's secret, and retries for about an hour when a target fails.
        </Text>
        {hooks.isPending ? (
          <Skeleton height={48} />
        ) : hooks.isError ? (
          <QueryError error={hooks.error} onRetry={() => void hooks.refetch()} what="the webhooks" />
        ) : hooks.data.items.length === 0 ? (
          <Group gap="xs" c="dimmed">
            <IconWebhook size={18} aria-hidden />
            <Text size="sm">No webhooks yet.</Text>
          </Group>
        ) : (
          hooks.data.items.map((hook) => (
            <Card key={hook.id} withBorder padding="sm" data-testid="webhook">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Code fz="sm" style={{ overflowWrap: "anywhere" }}>
                    {hook.url}
                  </Code>
                  {hook.description && <Text size="sm">{hook.description}</Text>}
                  <Text size="xs" c="dimmed">
                    {hook.events.map((e) => EVENT_LABELS[e]).join(" · ")}
                  </Text>
                </Stack>
                <Group gap={6} wrap="nowrap">
                  {hook.format === "slack" && <Badge variant="light">Slack / Teams</Badge>}
                  {!hook.enabled && (
                    <Badge variant="light" color="gray">
                      Disabled
                    </Badge>
                  )}
                </Group>
              </Group>
              <Group gap={4} mt="xs">
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => setOpen(open === hook.id ? null : hook.id)}
                >
                  {open === hook.id ? "Hide deliveries" : "Deliveries"}
                </Button>
                <Button size="compact-xs" variant="subtle" onClick={() => setEditing(hook)}>
                  Edit
                </Button>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  loading={test.isPending && test.variables === hook.id}
                  onClick={() =>
                    test.mutate(hook.id, {
                      onSuccess: () => {
                        setOpen(hook.id);
                        notify("Test message queued; its outcome shows in the deliveries.");
                      },
                    })
                  }
                >
                  Send test
                </Button>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  loading={rotate.isPending && rotate.variables?.id === hook.id}
                  onClick={() => rotate.mutate(hook, { onSuccess: setSecret })}
                >
                  Rotate secret
                </Button>
                <Button size="compact-xs" variant="subtle" color="red" onClick={() => setDeleting(hook)}>
                  Delete
                </Button>
              </Group>
              {open === hook.id && <WebhookDeliveries slug={slug} id={hook.id} />}
            </Card>
          ))
        )}
      </Stack>
      <WebhookFormModal
        slug={slug}
        editing={editing === "new" ? null : editing}
        opened={editing !== null}
        onClose={() => setEditing(null)}
        onSecret={setSecret}
      />
      <OneTimeSecretModal
        opened={secret !== null}
        onClose={() => setSecret(null)}
        title="The webhook's signing secret"
        description="The receiver checks each request's Keel-Signature with it (docs/webhooks.md). It is shown only now; rotate it to get a new one."
        label="Signing secret"
        secret={secret?.secret ?? ""}
      />
      <ConfirmModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title="Delete this webhook?"
        confirmLabel="Delete webhook"
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              notify("Webhook deleted.");
              setDeleting(null);
            },
          })
        }
      >
        Keel stops posting to {deleting?.url} and forgets its delivery log.
      </ConfirmModal>
    </Card>
  );
}

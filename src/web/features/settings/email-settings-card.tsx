import { Alert, Button, Card, Group, Select, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { FormError } from "../../components/form-error.tsx";
import { api } from "../../lib/api-client.ts";
import { formatDateTime } from "../../lib/format.ts";
import { notify } from "../../lib/notify.ts";
import { keys } from "../../lib/query-keys.ts";
import type { Organization } from "../../lib/types.ts";
import { useFormSubmit } from "../../lib/use-form-submit.ts";
import { useUpdateOrganization } from "./settings-api.ts";

const hourOptions = Array.from({ length: 24 }, (_, h) => ({
  value: String(h),
  label: `${String(h).padStart(2, "0")}:00`,
}));

/**
 * Email for admins (docs/email.md): the hour reminders and digests go out, and the
 * outbox's state, so a mail server that is down or refuses Keel shows here.
 */
export function EmailSettingsCard({
  slug,
  org,
  isAdmin,
}: {
  slug: string;
  org: Organization;
  isAdmin: boolean;
}) {
  const status = useQuery({
    queryKey: [...keys.settings(slug), "email-status"],
    queryFn: ({ signal }) => api.get("/api/orgs/{org}/email-status", { path: { org: slug }, signal }),
    enabled: isAdmin,
  });
  const update = useUpdateOrganization(slug);
  const form = useForm({ mode: "controlled", initialValues: { reminderHour: String(org.reminderHour) } });
  const { submit, pending, formError } = useFormSubmit(form, async (values) => {
    await update.mutateAsync({ version: org.version, reminderHour: Number(values.reminderHour) });
    notify("Reminder hour saved.");
  });
  const s = status.data;

  return (
    <Card withBorder maw={640} padding="md" mt="md">
      <form onSubmit={submit} noValidate aria-labelledby="email-settings-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="email-settings-title">
            Email
          </Title>
          {s && !s.enabled && (
            <Text size="sm">
              This Keel does not send email: its operator has not configured SMTP. Invitation and reset links
              are shown to you to pass on; reminders and digests are not sent.
            </Text>
          )}
          {s?.enabled && (
            <Text size="sm">
              Waiting: {s.pending} · retrying: {s.retrying} · refused: {s.failed} · sent: {s.sent}
            </Text>
          )}
          {s?.lastError && (
            <Alert color="red" icon={<IconAlertTriangle size={18} />} title="Mail is not getting through">
              <Text size="sm">The mail server answered: {s.lastError}</Text>
              {s.nextAttemptAt && (
                <Text size="sm">
                  Keel tries again at {formatDateTime(s.nextAttemptAt)}; nothing is lost meanwhile.
                </Text>
              )}
            </Alert>
          )}
          <Select
            label="Reminders and digests go out at"
            description={`Local time (${org.timeZone}): check-in reminders on days check-ins are due, the weekly digest once a week`}
            data={hourOptions}
            allowDeselect={false}
            disabled={!isAdmin}
            w={260}
            {...form.getInputProps("reminderHour")}
          />
          <FormError error={formError} />
          {isAdmin && (
            <Group justify="flex-end">
              <Button type="submit" loading={pending} disabled={!form.isDirty()}>
                Save hour
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Card>
  );
}

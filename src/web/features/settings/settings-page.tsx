import { Alert, Button, Card, Code, Group, Skeleton, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconInfoCircle } from "@tabler/icons-react";
import { UpdateOrganizationSchema } from "../../../shared/schemas/organizations.ts";
import { FormError } from "../../components/form-error.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { QueryError } from "../../components/query-error.tsx";
import { notify } from "../../lib/notify.ts";
import { useOrg } from "../../lib/org-context.tsx";
import type { Organization } from "../../lib/types.ts";
import { useFormSubmit } from "../../lib/use-form-submit.ts";
import { parseFields } from "../../lib/zod-form.ts";
import { WebhooksSection } from "../webhooks/webhooks-section.tsx";
import { EmailSettingsCard } from "./email-settings-card.tsx";
import { OkrStatusBands } from "./okr-status-bands.tsx";
import { OrgSettingsFields } from "./org-settings-fields.tsx";
import { type OrgSettings, useOrganization, useUpdateOrganization } from "./settings-api.ts";

/** /o/:org/admin/settings: name, time zone, week start, fiscal-year start and OKR status bands. */
export function SettingsPage() {
  const { slug, isAdmin } = useOrg();
  const org = useOrganization(slug);

  return (
    <>
      <PageHeader
        title="Settings"
        description="How this organisation keeps time: every period and due date follows these."
      />
      {org.isPending ? (
        <Card withBorder maw={640}>
          <Stack>
            <Skeleton height={36} />
            <Skeleton height={36} />
            <Skeleton height={36} />
          </Stack>
        </Card>
      ) : org.isError ? (
        <QueryError error={org.error} onRetry={() => void org.refetch()} what="the settings" />
      ) : (
        // Each saved version (this form's own save, or "Reload their version") starts the form again.
        <SettingsForm
          key={org.data.version}
          slug={slug}
          org={org.data}
          isAdmin={isAdmin}
          onReload={() => void org.refetch()}
        />
      )}
      {org.data && <OkrStatusBands key={org.data.version} slug={slug} org={org.data} isAdmin={isAdmin} />}
      {org.data && <EmailSettingsCard key={org.data.version} slug={slug} org={org.data} isAdmin={isAdmin} />}
      {isAdmin && <WebhooksSection slug={slug} />}
    </>
  );
}

type FormProps = { slug: string; org: Organization; isAdmin: boolean; onReload: () => void };

function SettingsForm({ slug, org, isAdmin, onReload }: FormProps) {
  const update = useUpdateOrganization(slug);
  const form = useForm<OrgSettings>({
    mode: "controlled",
    initialValues: {
      name: org.name,
      timeZone: org.timeZone,
      weekStart: org.weekStart,
      fiscalYearStartMonth: org.fiscalYearStartMonth,
    },
  });
  const { submit, pending, formError } = useFormSubmit(form, async (values) => {
    await update.mutateAsync(parseFields(UpdateOrganizationSchema, { version: org.version, ...values }));
    notify("Settings saved.");
  });
  const dirty = form.isDirty();

  return (
    <Card withBorder maw={640} padding="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <OrgSettingsFields form={form} disabled={!isAdmin} />
          <Text size="xs" c="dimmed">
            Address: <Code>/o/{org.slug}</Code> (stays the same when you rename the organisation)
          </Text>
          {org.isDemo && (
            <Alert color="grape" icon={<IconInfoCircle size={18} />}>
              This is the demo organisation. Change anything you like; it does not affect other organisations.
            </Alert>
          )}
          <FormError error={formError} onReload={onReload} />
          {isAdmin && (
            <Group justify="flex-end" gap="xs">
              <Button variant="default" disabled={!dirty} onClick={form.reset}>
                Discard changes
              </Button>
              <Button type="submit" loading={pending} disabled={!dirty}>
                Save settings
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Card>
  );
}

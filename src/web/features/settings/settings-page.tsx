import { Alert, Button, Card, Code, Group, Skeleton, Stack, Text } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { type FormEvent, useEffect } from "react";
import { UpdateOrganizationSchema } from "../../../shared/schemas/organizations.ts";
import { FormError } from "../../components/form-error.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { QueryError } from "../../components/query-error.tsx";
import { notify } from "../../lib/notify.ts";
import { useOrg } from "../../lib/org-context.tsx";
import { useForm } from "../../lib/use-form.ts";
import { OkrStatusBands } from "./okr-status-bands.tsx";
import { OrgSettingsFields } from "./org-settings-fields.tsx";
import { type OrgSettings, useOrganization, useUpdateOrganization } from "./settings-api.ts";

/** /o/:org/admin/settings: name, time zone, week start, fiscal-year start and OKR status bands. */
export function SettingsPage() {
  const { slug, isAdmin } = useOrg();
  const org = useOrganization(slug);
  const update = useUpdateOrganization(slug);
  const form = useForm<OrgSettings>({ name: "", timeZone: "UTC", weekStart: 1, fiscalYearStartMonth: 1 });

  // Load the saved settings into the form (again after a reload following a conflict).
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when a new version arrives
  useEffect(() => {
    if (org.data) {
      const { name, timeZone, weekStart, fiscalYearStartMonth } = org.data;
      form.reset({ name, timeZone, weekStart, fiscalYearStartMonth });
    }
  }, [org.data?.version]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!org.data) return;
    const patch = form.validate(UpdateOrganizationSchema, { version: org.data.version, ...form.values });
    if (!patch) return;
    update.mutate(patch, { onSuccess: () => notify("Settings saved."), onError: form.showError });
  };

  const v = form.values;
  const d = org.data;
  const dirty = d
    ? v.name !== d.name ||
      v.timeZone !== d.timeZone ||
      v.weekStart !== d.weekStart ||
      v.fiscalYearStartMonth !== d.fiscalYearStartMonth
    : false;

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
        <Card withBorder maw={640} padding="md">
          <form onSubmit={onSubmit} noValidate>
            <Stack gap="sm">
              <OrgSettingsFields form={form} disabled={!isAdmin} />
              <Text size="xs" c="dimmed">
                Address: <Code>/o/{org.data.slug}</Code> (stays the same when you rename the organisation)
              </Text>
              {org.data.isDemo && (
                <Alert color="grape" icon={<IconInfoCircle size={18} />}>
                  This is the demo organisation. Change anything you like; it does not affect other
                  organisations.
                </Alert>
              )}
              <FormError error={form.formError} onReload={() => void org.refetch()} />
              {isAdmin && (
                <Group justify="flex-end" gap="xs">
                  <Button
                    variant="default"
                    disabled={!dirty}
                    onClick={() =>
                      form.reset({
                        name: d!.name,
                        timeZone: d!.timeZone,
                        weekStart: d!.weekStart,
                        fiscalYearStartMonth: d!.fiscalYearStartMonth,
                      })
                    }
                  >
                    Discard changes
                  </Button>
                  <Button type="submit" loading={update.isPending} disabled={!dirty}>
                    Save settings
                  </Button>
                </Group>
              )}
            </Stack>
          </form>
        </Card>
      )}
      {org.data && <OkrStatusBands slug={slug} org={org.data} isAdmin={isAdmin} />}
    </>
  );
}

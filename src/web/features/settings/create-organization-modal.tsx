import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { type FormEvent, useEffect } from "react";
import { useNavigate } from "react-router";
import { CreateOrganizationSchema } from "../../../shared/schemas/organizations.ts";
import { FormError } from "../../components/form-error.tsx";
import { notify } from "../../lib/notify.ts";
import { browserTimeZone } from "../../lib/time-zones.ts";
import { useForm } from "../../lib/use-form.ts";
import { OrgSettingsFields } from "./org-settings-fields.tsx";
import { type OrgSettings, useCreateOrganization } from "./settings-api.ts";

/** Another organisation (a separate tenant: nothing is shared); you become its owner. */
export function CreateOrganizationModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const create = useCreateOrganization();
  const form = useForm<OrgSettings>({
    name: "",
    timeZone: browserTimeZone(),
    weekStart: 1,
    fiscalYearStartMonth: 1,
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: fresh form on open
  useEffect(() => {
    if (opened) form.reset();
  }, [opened]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const input = form.validate(CreateOrganizationSchema);
    if (!input) return;
    create.mutate(input, {
      onSuccess: async (org) => {
        notify(`Created ${org.name}. You are its owner.`);
        onClose();
        navigate(`/o/${org.slug}`);
      },
      onError: form.showError,
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Create organisation">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            A separate organisation with its own people, teams and data. You become its owner.
          </Text>
          <OrgSettingsFields form={form} />
          <FormError error={form.formError} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create organisation
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

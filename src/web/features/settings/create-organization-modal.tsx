import { Text } from "@mantine/core";
import { useNavigate } from "react-router";
import { CreateOrganizationSchema } from "../../../shared/schemas/organizations.ts";
import { FormModal } from "../../components/form-modal.tsx";
import { notify } from "../../lib/notify.ts";
import { browserTimeZone } from "../../lib/time-zones.ts";
import { parseFields } from "../../lib/zod-form.ts";
import { OrgSettingsFields } from "./org-settings-fields.tsx";
import { type OrgSettings, useCreateOrganization } from "./settings-api.ts";

/** Another organisation (a separate tenant: nothing is shared); you become its owner. */
export function CreateOrganizationModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const create = useCreateOrganization();

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title="Create organisation"
      initialValues={(): OrgSettings => ({
        name: "",
        timeZone: browserTimeZone(),
        weekStart: 1,
        fiscalYearStartMonth: 1,
      })}
      onSubmit={async (values) => {
        const org = await create.mutateAsync(parseFields(CreateOrganizationSchema, values));
        notify(`Created ${org.name}. You are its owner.`);
        onClose();
        navigate(`/o/${org.slug}`);
      }}
      submitLabel="Create organisation"
    >
      {(form) => (
        <>
          <Text size="sm" c="dimmed">
            A separate organisation with its own people, teams and data. You become its owner.
          </Text>
          <OrgSettingsFields form={form} />
        </>
      )}
    </FormModal>
  );
}

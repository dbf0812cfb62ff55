import { NumberInput, Select, Text, TextInput } from "@mantine/core";
import { CreateInvitationSchema } from "../../../shared/schemas/people.ts";
import { FormModal } from "../../components/form-modal.tsx";
import { useOrg } from "../../lib/org-context.tsx";
import { assignableRoles, roleDescriptions, roleOptions } from "../../lib/roles.ts";
import type { CreatedInvitation, Role } from "../../lib/types.ts";
import { parseFields } from "../../lib/zod-form.ts";
import { useCreateInvitation } from "./invitations-api.ts";

type Props = { opened: boolean; onClose: () => void; onCreated: (result: CreatedInvitation) => void };

/** Invite by email: Keel mails the link when it sends email, and shows it to pass on either way. */
export function InviteModal({ opened, onClose, onCreated }: Props) {
  const { slug, role: myRole } = useOrg();
  const create = useCreateInvitation(slug);

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title="Invite someone"
      initialValues={() => ({ email: "", role: "member" as Role, expiresInDays: 7 })}
      onSubmit={async (values) => {
        const result = await create.mutateAsync(parseFields(CreateInvitationSchema, values));
        onClose();
        onCreated(result);
      }}
      submitLabel="Create invitation"
    >
      {(form) => (
        <>
          <Text size="sm" c="dimmed">
            You get their invitation link (Keel also emails it when email is set up). They choose their name
            and password when they open it.
          </Text>
          <TextInput
            label="Email"
            type="email"
            placeholder="name@example.com"
            data-autofocus
            {...form.getInputProps("email")}
          />
          <Select
            label="Role"
            data={roleOptions(assignableRoles(myRole))}
            description={roleDescriptions[form.values.role]}
            allowDeselect={false}
            {...form.getInputProps("role")}
          />
          <NumberInput
            label="Link valid for (days)"
            min={1}
            max={30}
            {...form.getInputProps("expiresInDays")}
            onChange={(v) => form.setFieldValue("expiresInDays", typeof v === "number" ? v : Number(v) || 7)}
            w={180}
          />
        </>
      )}
    </FormModal>
  );
}

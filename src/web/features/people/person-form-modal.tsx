import { Select, Text, TextInput } from "@mantine/core";
import { CreatePersonSchema, UpdatePersonSchema } from "../../../shared/schemas/people.ts";
import { FormModal } from "../../components/form-modal.tsx";
import { notify } from "../../lib/notify.ts";
import { useOrg } from "../../lib/org-context.tsx";
import { assignableRoles, roleDescriptions, roleOptions } from "../../lib/roles.ts";
import type { CreatedInvitation, Person, Role } from "../../lib/types.ts";
import { parseFields } from "../../lib/zod-form.ts";
import { useCreatePerson, useUpdatePerson } from "./people-api.ts";
import { PersonSelect } from "./person-select.tsx";

type Props = {
  opened: boolean;
  onClose: () => void;
  /** Editing this person; adding someone new when absent. */
  person?: Person | null;
  onCreated?: (result: CreatedInvitation) => void;
  onReload?: () => void;
};

/** Add a person directly (no invitation email), or change a member's role, title and manager. */
export function PersonFormModal({ opened, onClose, person, onCreated, onReload }: Props) {
  const { slug, role: myRole } = useOrg();
  const create = useCreatePerson(slug);
  const update = useUpdatePerson(slug);
  const roles = assignableRoles(myRole);
  // An admin cannot change an owner; show the role but do not offer what the API would refuse.
  const roleLocked = person?.role === "owner" && myRole !== "owner";

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={person ? `Edit ${person.name}` : "Add person"}
      resetKey={person?.userId}
      version={person?.version}
      onReload={onReload}
      initialValues={() => ({
        name: person?.name ?? "",
        email: person?.email ?? "",
        role: person?.role ?? ("member" as Role),
        title: person?.title ?? "",
        managerUserId: person?.managerUserId ?? null,
        managerName: person?.managerName ?? null,
      })}
      onSubmit={async (v) => {
        if (person) {
          const patch = parseFields(UpdatePersonSchema, {
            version: person.version,
            ...(roleLocked ? {} : { role: v.role }),
            title: v.title.trim() || null,
            managerUserId: v.managerUserId,
          });
          const saved = await update.mutateAsync({ userId: person.userId, patch });
          notify(`Saved ${saved.name}.`);
          onClose();
          return;
        }
        const input = parseFields(CreatePersonSchema, {
          name: v.name,
          email: v.email,
          role: v.role,
          title: v.title.trim() || undefined,
          managerUserId: v.managerUserId,
        });
        const result = await create.mutateAsync(input);
        notify(`Invited ${result.invitation.name ?? result.invitation.email}.`);
        onClose();
        onCreated?.(result);
      }}
      submitLabel={person ? "Save changes" : "Add person"}
    >
      {(form) => (
        <>
          {person ? (
            <Text size="sm" c="dimmed">
              {person.email}
            </Text>
          ) : (
            <>
              <Text size="sm" c="dimmed">
                You get an invitation link to send them, with the role, title and manager you choose here.
                Someone new to Keel creates their account on it; someone who already has one signs in to join.
                They appear under People once they have joined.
              </Text>
              <TextInput label="Name" data-autofocus {...form.getInputProps("name")} />
              <TextInput label="Email" type="email" {...form.getInputProps("email")} />
            </>
          )}
          <Select
            label="Role"
            data={roleLocked ? roleOptions(["owner"]) : roleOptions(roles)}
            description={
              roleLocked ? "Only owners change an owner's role" : roleDescriptions[form.values.role]
            }
            disabled={roleLocked}
            allowDeselect={false}
            {...form.getInputProps("role")}
          />
          <TextInput label="Title" placeholder="e.g. Head of Fleet" {...form.getInputProps("title")} />
          <PersonSelect
            slug={slug}
            label="Manager"
            description="Their 1:1s are with this person"
            value={form.values.managerUserId}
            valueLabel={form.values.managerName}
            onChange={(id, name) => {
              form.setValues({ managerUserId: id, managerName: name });
              form.clearFieldError("managerUserId");
            }}
            exclude={person ? [person.userId] : []}
            placeholder="No manager"
            error={form.errors.managerUserId}
          />
        </>
      )}
    </FormModal>
  );
}

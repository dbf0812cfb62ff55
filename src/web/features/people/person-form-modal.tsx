import { Button, Group, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useEffect } from "react";
import { CreatePersonSchema, UpdatePersonSchema } from "../../../shared/schemas/people.ts";
import { FormError } from "../../components/form-error.tsx";
import { notify } from "../../lib/notify.ts";
import { useOrg } from "../../lib/org-context.tsx";
import { assignableRoles, roleDescriptions, roleOptions } from "../../lib/roles.ts";
import type { CreatedInvitation, Person, Role } from "../../lib/types.ts";
import { useForm } from "../../lib/use-form.ts";
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
  const form = useForm({
    name: "",
    email: "",
    role: "member" as Role,
    title: "",
    managerUserId: null as string | null,
    managerName: null as string | null,
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the dialog opens or the person reloads
  useEffect(() => {
    if (!opened) return;
    form.reset({
      name: person?.name ?? "",
      email: person?.email ?? "",
      role: person?.role ?? "member",
      title: person?.title ?? "",
      managerUserId: person?.managerUserId ?? null,
      managerName: person?.managerName ?? null,
    });
  }, [opened, person?.userId, person?.version]);

  const roles = assignableRoles(myRole);
  // An admin cannot change an owner; show the role but do not offer what the API would refuse.
  const roleLocked = person?.role === "owner" && myRole !== "owner";
  const v = form.values;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (person) {
      const patch = form.validate(UpdatePersonSchema, {
        version: person.version,
        ...(roleLocked ? {} : { role: v.role }),
        title: v.title.trim() || null,
        managerUserId: v.managerUserId,
      });
      if (!patch) return;
      update.mutate(
        { userId: person.userId, patch },
        {
          onSuccess: (saved) => {
            notify(`Saved ${saved.name}.`);
            onClose();
          },
          onError: form.showError,
        },
      );
      return;
    }
    const input = form.validate(CreatePersonSchema, {
      name: v.name,
      email: v.email,
      role: v.role,
      title: v.title.trim() || undefined,
      managerUserId: v.managerUserId,
    });
    if (!input) return;
    create.mutate(input, {
      onSuccess: (result) => {
        notify(`Invited ${result.invitation.name ?? result.invitation.email}.`);
        onClose();
        onCreated?.(result);
      },
      onError: form.showError,
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={person ? `Edit ${person.name}` : "Add person"}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
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
              <TextInput label="Name" data-autofocus {...form.text("name")} />
              <TextInput label="Email" type="email" {...form.text("email")} />
            </>
          )}
          <Select
            label="Role"
            data={roleLocked ? roleOptions(["owner"]) : roleOptions(roles)}
            value={v.role}
            onChange={(r) => r && form.setField("role", r as Role)}
            description={roleLocked ? "Only owners change an owner's role" : roleDescriptions[v.role]}
            disabled={roleLocked}
            allowDeselect={false}
            error={form.errors.role}
          />
          <TextInput label="Title" placeholder="e.g. Head of Fleet" {...form.text("title")} />
          <PersonSelect
            slug={slug}
            label="Manager"
            description="Their 1:1s are with this person"
            value={v.managerUserId}
            valueLabel={v.managerName}
            onChange={(id, name) =>
              form.setValues((prev) => ({ ...prev, managerUserId: id, managerName: name }))
            }
            exclude={person ? [person.userId] : []}
            placeholder="No manager"
            error={form.errors.managerUserId}
          />
          <FormError error={form.formError} onReload={onReload} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {person ? "Save changes" : "Add person"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

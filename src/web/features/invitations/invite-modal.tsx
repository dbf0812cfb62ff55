import { Button, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useEffect } from "react";
import { CreateInvitationSchema } from "../../../shared/schemas/people.ts";
import { FormError } from "../../components/form-error.tsx";
import { useOrg } from "../../lib/org-context.tsx";
import { assignableRoles, roleDescriptions, roleOptions } from "../../lib/roles.ts";
import type { CreatedInvitation, Role } from "../../lib/types.ts";
import { useForm } from "../../lib/use-form.ts";
import { useCreateInvitation } from "./invitations-api.ts";

type Props = { opened: boolean; onClose: () => void; onCreated: (result: CreatedInvitation) => void };

/** Invite by email: Keel returns a link to pass on (it sends no email itself yet). */
export function InviteModal({ opened, onClose, onCreated }: Props) {
  const { slug, role: myRole } = useOrg();
  const create = useCreateInvitation(slug);
  const form = useForm({ email: "", role: "member" as Role, expiresInDays: 7 });

  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh form each time it opens
  useEffect(() => {
    if (opened) form.reset();
  }, [opened]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const input = form.validate(CreateInvitationSchema);
    if (!input) return;
    create.mutate(input, {
      onSuccess: (result) => {
        onClose();
        onCreated(result);
      },
      onError: form.showError,
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Invite someone">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            You get a link to send them. They choose their name and password when they open it.
          </Text>
          <TextInput
            label="Email"
            type="email"
            placeholder="name@example.com"
            data-autofocus
            {...form.text("email")}
          />
          <Select
            label="Role"
            data={roleOptions(assignableRoles(myRole))}
            value={form.values.role}
            onChange={(r) => r && form.setField("role", r as Role)}
            description={roleDescriptions[form.values.role]}
            allowDeselect={false}
            error={form.errors.role}
          />
          <NumberInput
            label="Link valid for (days)"
            min={1}
            max={30}
            value={form.values.expiresInDays}
            onChange={(v) => form.setField("expiresInDays", typeof v === "number" ? v : Number(v) || 7)}
            error={form.errors.expiresInDays}
            w={180}
          />
          <FormError error={form.formError} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create invitation
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

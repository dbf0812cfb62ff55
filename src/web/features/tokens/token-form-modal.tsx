import { Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useEffect } from "react";
import { CreateTokenSchema } from "../../../shared/schemas/tokens.ts";
import { FormError } from "../../components/form-error.tsx";
import { useOrg } from "../../lib/org-context.tsx";
import { roleDescriptions, roleOptions, rolesUpTo } from "../../lib/roles.ts";
import type { CreatedToken, Role, Token } from "../../lib/types.ts";
import { useForm } from "../../lib/use-form.ts";
import { useCreateToken } from "./tokens-api.ts";

type Props = { opened: boolean; onClose: () => void; onCreated: (result: CreatedToken) => void };

/** A token for scripts and integrations; it acts with at most the role you give it. */
export function TokenFormModal({ opened, onClose, onCreated }: Props) {
  const { slug, role: myRole, isAdmin } = useOrg();
  const create = useCreateToken(slug);
  const form = useForm({ kind: "personal" as Token["kind"], name: "", role: "member" as Role });
  const roles = rolesUpTo(myRole);

  // biome-ignore lint/correctness/useExhaustiveDependencies: fresh form on open
  useEffect(() => {
    if (opened)
      form.reset({ kind: "personal", name: "", role: roles.includes("member") ? "member" : "viewer" });
  }, [opened]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const input = form.validate(CreateTokenSchema);
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
    <Modal opened={opened} onClose={onClose} title="New API token">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          {isAdmin && (
            <Stack gap={4}>
              <Text size="sm" fw={500} id="token-kind-label">
                Kind
              </Text>
              <SegmentedControl
                aria-labelledby="token-kind-label"
                size="xs"
                value={form.values.kind}
                onChange={(v) => form.setField("kind", v as Token["kind"])}
                data={[
                  { value: "personal", label: "Personal" },
                  { value: "service", label: "Service" },
                ]}
              />
              <Text size="xs" c="dimmed">
                {form.values.kind === "personal"
                  ? "Acts as you, never above your own role; stops working if you leave."
                  : "Belongs to the organisation, not a person: for integrations that must outlive any one account."}
              </Text>
            </Stack>
          )}
          <TextInput
            label="Name"
            placeholder="e.g. Warehouse KPI import"
            description="Say what uses it, so it can be revoked knowingly later"
            data-autofocus
            {...form.text("name")}
          />
          <Select
            label="Role"
            data={roleOptions(roles)}
            value={form.values.role}
            onChange={(r) => r && form.setField("role", r as Role)}
            description={`${roleDescriptions[form.values.role]}. Give it the least it needs.`}
            allowDeselect={false}
            error={form.errors.role}
          />
          <FormError error={form.formError} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create token
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

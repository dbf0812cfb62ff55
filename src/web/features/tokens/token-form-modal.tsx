import { SegmentedControl, Select, Stack, Text, TextInput } from "@mantine/core";
import { CreateTokenSchema } from "../../../shared/schemas/tokens.ts";
import { FormModal } from "../../components/form-modal.tsx";
import { useOrg } from "../../lib/org-context.tsx";
import { roleDescriptions, roleOptions, rolesUpTo } from "../../lib/roles.ts";
import type { CreatedToken, Role, Token } from "../../lib/types.ts";
import { parseFields } from "../../lib/zod-form.ts";
import { useCreateToken } from "./tokens-api.ts";

type Props = { opened: boolean; onClose: () => void; onCreated: (result: CreatedToken) => void };

/** A token for scripts and integrations; it acts with at most the role you give it. */
export function TokenFormModal({ opened, onClose, onCreated }: Props) {
  const { slug, role: myRole, isAdmin } = useOrg();
  const create = useCreateToken(slug);
  const roles = rolesUpTo(myRole);

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title="New API token"
      initialValues={() => ({
        kind: "personal" as Token["kind"],
        name: "",
        role: (roles.includes("member") ? "member" : "viewer") as Role,
      })}
      onSubmit={async (values) => {
        const result = await create.mutateAsync(parseFields(CreateTokenSchema, values));
        onClose();
        onCreated(result);
      }}
      submitLabel="Create token"
    >
      {(form) => (
        <>
          {isAdmin && (
            <Stack gap={4}>
              <Text size="sm" fw={500} id="token-kind-label">
                Kind
              </Text>
              <SegmentedControl
                aria-labelledby="token-kind-label"
                size="xs"
                data={[
                  { value: "personal", label: "Personal" },
                  { value: "service", label: "Service" },
                ]}
                {...form.getInputProps("kind")}
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
            {...form.getInputProps("name")}
          />
          <Select
            label="Role"
            data={roleOptions(roles)}
            description={`${roleDescriptions[form.values.role]}. Give it the least it needs.`}
            allowDeselect={false}
            {...form.getInputProps("role")}
          />
        </>
      )}
    </FormModal>
  );
}

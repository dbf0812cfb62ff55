import { Textarea, TextInput } from "@mantine/core";
import { CreateThemeSchema, UpdateThemeSchema } from "../../../shared/schemas/themes.ts";
import { FormModal } from "../../components/form-modal.tsx";
import { notify } from "../../lib/notify.ts";
import { useOrg } from "../../lib/org-context.tsx";
import type { Theme } from "../../lib/types.ts";
import { parseFields } from "../../lib/zod-form.ts";
import { useCreateTheme, useUpdateTheme } from "./themes-api.ts";

type Props = { opened: boolean; onClose: () => void; theme?: Theme | null; onReload?: () => void };

/** Name and describe a strategic theme: the "why" that Objectives and KPIs link to. */
export function ThemeFormModal({ opened, onClose, theme, onReload }: Props) {
  const { slug } = useOrg();
  const create = useCreateTheme(slug);
  const update = useUpdateTheme(slug);

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={theme ? `Edit ${theme.name}` : "New theme"}
      resetKey={theme?.id}
      version={theme?.version}
      onReload={onReload}
      initialValues={() => ({ name: theme?.name ?? "", description: theme?.description ?? "" })}
      onSubmit={async (values) => {
        const saved = theme
          ? await update.mutateAsync({
              id: theme.id,
              patch: parseFields(UpdateThemeSchema, { version: theme.version, ...values }),
            })
          : await create.mutateAsync(parseFields(CreateThemeSchema, values));
        notify(theme ? `Saved “${saved.name}”.` : `Added “${saved.name}”.`);
        onClose();
      }}
      submitLabel={theme ? "Save changes" : "Add theme"}
    >
      {(form) => (
        <>
          <TextInput
            label="Name"
            placeholder="e.g. Sustainability"
            data-autofocus
            {...form.getInputProps("name")}
          />
          <Textarea
            label="Description"
            description="Why it matters: people see this next to every Objective and KPI linked to it"
            autosize
            minRows={3}
            {...form.getInputProps("description")}
          />
        </>
      )}
    </FormModal>
  );
}

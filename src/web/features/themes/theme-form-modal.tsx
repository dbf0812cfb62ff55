import { Button, Group, Modal, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useEffect } from "react";
import { CreateThemeSchema, UpdateThemeSchema } from "../../../shared/schemas/themes.ts";
import { FormError } from "../../components/form-error.tsx";
import { notify } from "../../lib/notify.ts";
import { useOrg } from "../../lib/org-context.tsx";
import type { Theme } from "../../lib/types.ts";
import { useForm } from "../../lib/use-form.ts";
import { useCreateTheme, useUpdateTheme } from "./themes-api.ts";

type Props = { opened: boolean; onClose: () => void; theme?: Theme | null; onReload?: () => void };

/** Name and describe a strategic theme: the "why" that Objectives and KPIs link to. */
export function ThemeFormModal({ opened, onClose, theme, onReload }: Props) {
  const { slug } = useOrg();
  const create = useCreateTheme(slug);
  const update = useUpdateTheme(slug);
  const form = useForm({ name: "", description: "" });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when opened or reloaded
  useEffect(() => {
    if (opened) form.reset({ name: theme?.name ?? "", description: theme?.description ?? "" });
  }, [opened, theme?.id, theme?.version]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const done = (saved: Theme) => {
      notify(theme ? `Saved “${saved.name}”.` : `Added “${saved.name}”.`);
      onClose();
    };
    if (theme) {
      const patch = form.validate(UpdateThemeSchema, { version: theme.version, ...form.values });
      if (patch) update.mutate({ id: theme.id, patch }, { onSuccess: done, onError: form.showError });
    } else {
      const input = form.validate(CreateThemeSchema);
      if (input) create.mutate(input, { onSuccess: done, onError: form.showError });
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={theme ? `Edit ${theme.name}` : "New theme"}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <TextInput label="Name" placeholder="e.g. Sustainability" data-autofocus {...form.text("name")} />
          <Textarea
            label="Description"
            description="Why it matters: people see this next to every Objective and KPI linked to it"
            autosize
            minRows={3}
            {...form.text("description")}
          />
          <FormError error={form.formError} onReload={onReload} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {theme ? "Save changes" : "Add theme"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

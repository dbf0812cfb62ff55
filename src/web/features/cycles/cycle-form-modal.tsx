import { Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useEffect } from "react";
import { CreateCycleSchema } from "../../../shared/schemas/cycles.ts";
import { FormError } from "../../components/form-error.tsx";
import { notify } from "../../lib/notify.ts";
import { useOrg } from "../../lib/org-context.tsx";
import type { Cycle } from "../../lib/types.ts";
import { useForm } from "../../lib/use-form.ts";
import { useCreateCycle, useUpdateCycle } from "./cycles-api.ts";

const CycleFields = CreateCycleSchema.refine((v) => v.endsOn >= v.startsOn, {
  path: ["endsOn"],
  message: "must not be before the start",
});

type Props = { opened: boolean; onClose: () => void; cycle?: Cycle | null; onReload?: () => void };

/** A custom cycle (any length), or renaming and re-dating an existing one. */
export function CycleFormModal({ opened, onClose, cycle, onReload }: Props) {
  const { slug } = useOrg();
  const create = useCreateCycle(slug);
  const update = useUpdateCycle(slug);
  const form = useForm({ name: "", startsOn: "", endsOn: "" });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when opened or reloaded
  useEffect(() => {
    if (opened)
      form.reset({ name: cycle?.name ?? "", startsOn: cycle?.startsOn ?? "", endsOn: cycle?.endsOn ?? "" });
  }, [opened, cycle?.id, cycle?.version]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const input = form.validate(CycleFields);
    if (!input) return;
    const done = (saved: Cycle) => {
      notify(cycle ? `Saved ${saved.name}.` : `Created ${saved.name}.`);
      onClose();
    };
    if (cycle)
      update.mutate(
        { id: cycle.id, patch: { version: cycle.version, ...input } },
        { onSuccess: done, onError: form.showError },
      );
    else create.mutate(input, { onSuccess: done, onError: form.showError });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={cycle ? `Edit ${cycle.name}` : "New cycle"}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          {!cycle && (
            <Text size="sm" c="dimmed">
              For a time box that is not a quarter or a fiscal year, such as a six-week sprint of OKRs.
            </Text>
          )}
          <TextInput label="Name" placeholder="e.g. H1 2027" data-autofocus {...form.text("name")} />
          <SimpleGrid cols={2} spacing="sm">
            <TextInput label="Starts on" type="date" {...form.text("startsOn")} />
            <TextInput label="Ends on" type="date" {...form.text("endsOn")} />
          </SimpleGrid>
          <FormError error={form.formError} onReload={onReload} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {cycle ? "Save changes" : "Create cycle"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { SimpleGrid, Text, TextInput } from "@mantine/core";
import { CreateCycleSchema } from "../../../shared/schemas/cycles.ts";
import { FormModal } from "../../components/form-modal.tsx";
import { notify } from "../../lib/notify.ts";
import { useOrg } from "../../lib/org-context.tsx";
import type { Cycle } from "../../lib/types.ts";
import { parseFields } from "../../lib/zod-form.ts";
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

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={cycle ? `Edit ${cycle.name}` : "New cycle"}
      resetKey={cycle?.id}
      version={cycle?.version}
      onReload={onReload}
      initialValues={() => ({
        name: cycle?.name ?? "",
        startsOn: cycle?.startsOn ?? "",
        endsOn: cycle?.endsOn ?? "",
      })}
      onSubmit={async (values) => {
        const input = parseFields(CycleFields, values);
        const saved = cycle
          ? await update.mutateAsync({ id: cycle.id, patch: { version: cycle.version, ...input } })
          : await create.mutateAsync(input);
        notify(cycle ? `Saved ${saved.name}.` : `Created ${saved.name}.`);
        onClose();
      }}
      submitLabel={cycle ? "Save changes" : "Create cycle"}
    >
      {(form) => (
        <>
          {!cycle && (
            <Text size="sm" c="dimmed">
              For a time box that is not a quarter or a fiscal year, such as a six-week sprint of OKRs.
            </Text>
          )}
          <TextInput label="Name" placeholder="e.g. H1 2027" data-autofocus {...form.getInputProps("name")} />
          <SimpleGrid cols={2} spacing="sm">
            <TextInput label="Starts on" type="date" {...form.getInputProps("startsOn")} />
            <TextInput label="Ends on" type="date" {...form.getInputProps("endsOn")} />
          </SimpleGrid>
        </>
      )}
    </FormModal>
  );
}

import { Checkbox, NumberInput, Text } from "@mantine/core";
import { GenerateCyclesSchema } from "../../../shared/schemas/cycles.ts";
import { FormModal } from "../../components/form-modal.tsx";
import { notify } from "../../lib/notify.ts";
import { useOrg } from "../../lib/org-context.tsx";
import { parseFields } from "../../lib/zod-form.ts";
import { useGenerateCycles } from "./cycles-api.ts";

/** A fiscal year and its four quarters, from the organisation's fiscal-year start month. */
export function GenerateCyclesModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { slug } = useOrg();
  const generate = useGenerateCycles(slug);

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title="Generate a fiscal year"
      initialValues={() => ({ fiscalYear: new Date().getFullYear() + 1, includePast: false })}
      onSubmit={async (values) => {
        const input = parseFields(GenerateCyclesSchema, values);
        const page = await generate.mutateAsync(input);
        notify(
          page.items.length === 0
            ? `Fiscal year ${input.fiscalYear} already had all its cycles; nothing was added.`
            : `Created ${page.items.map((c) => c.name).join(", ")}.`,
          page.items.length === 0 ? "info" : "success",
        );
        onClose();
      }}
      submitLabel="Generate cycles"
    >
      {(form) => (
        <>
          <Text size="sm" c="dimmed">
            Creates the year and its four quarters, starting in the fiscal-year start month from Settings.
            Cycles that already exist are kept; those that have already ended are left out unless you ask for
            them.
          </Text>
          <NumberInput
            label="Fiscal year"
            description="Named by the calendar year it starts in"
            min={2000}
            max={2100}
            w={200}
            data-autofocus
            {...form.getInputProps("fiscalYear")}
            onChange={(v) => form.setFieldValue("fiscalYear", typeof v === "number" ? v : Number(v))}
          />
          <Checkbox
            label="Also create cycles that have already ended"
            {...form.getInputProps("includePast", { type: "checkbox" })}
          />
        </>
      )}
    </FormModal>
  );
}

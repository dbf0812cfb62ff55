import { Button, Checkbox, Group, Modal, NumberInput, Stack, Text } from "@mantine/core";
import { type FormEvent, useEffect } from "react";
import { GenerateCyclesSchema } from "../../../shared/schemas/cycles.ts";
import { FormError } from "../../components/form-error.tsx";
import { notify } from "../../lib/notify.ts";
import { useOrg } from "../../lib/org-context.tsx";
import { useForm } from "../../lib/use-form.ts";
import { useGenerateCycles } from "./cycles-api.ts";

/** A fiscal year and its four quarters, from the organisation's fiscal-year start month. */
export function GenerateCyclesModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { slug } = useOrg();
  const generate = useGenerateCycles(slug);
  const form = useForm({ fiscalYear: new Date().getFullYear() + 1, includePast: false });

  // biome-ignore lint/correctness/useExhaustiveDependencies: fresh form on open
  useEffect(() => {
    if (opened) form.reset();
  }, [opened]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const input = form.validate(GenerateCyclesSchema);
    if (!input) return;
    generate.mutate(input, {
      onSuccess: (page) => {
        notify(
          page.items.length === 0
            ? `Fiscal year ${input.fiscalYear} already had all its cycles; nothing was added.`
            : `Created ${page.items.map((c) => c.name).join(", ")}.`,
          page.items.length === 0 ? "info" : "success",
        );
        onClose();
      },
      onError: form.showError,
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Generate a fiscal year">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
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
            value={form.values.fiscalYear}
            onChange={(v) => form.setField("fiscalYear", typeof v === "number" ? v : Number(v))}
            error={form.errors.fiscalYear}
            w={200}
            data-autofocus
          />
          <Checkbox
            label="Also create cycles that have already ended"
            checked={form.values.includePast}
            onChange={(e) => form.setField("includePast", e.currentTarget.checked)}
          />
          <FormError error={form.formError} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={generate.isPending}>
              Generate cycles
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

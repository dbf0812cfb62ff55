import { Checkbox, Fieldset, Group, NumberInput, Radio, Stack, Text, TextInput } from "@mantine/core";
import type { KeelForm } from "../../components/form-modal.tsx";
import { type PromoteValues, type PromotionDraft, suggestedStartOf } from "./promotion-draft.ts";

type Props = {
  form: KeelForm<PromoteValues>;
  draft: PromotionDraft;
  /** A value in the KPI's unit, as people read it. */
  format: (value: number | null) => string;
};

/**
 * The Key Result itself (title, target, how it reads the KPI, with the start each read mode
 * would give) and the KPI's drivers, which may come along as Key Results of their own.
 */
export function PromoteKeyResultFields({ form, draft, format }: Props) {
  const v = form.values;
  return (
    <Stack gap="sm">
      <TextInput label="Key Result title" required maxLength={200} {...form.getInputProps("title")} />
      <NumberInput
        label="Target"
        description={`The value the Key Result aims for by the cycle's end (the KPI's target: ${format(draft.target)}).`}
        required
        decimalScale={draft.kpi.decimals}
        {...form.getInputProps("targetValue")}
      />
      <Radio.Group label="How the Key Result reads the KPI" {...form.getInputProps("kpiRead")}>
        <Stack gap={6} mt={4}>
          <Radio
            value="latest"
            label="Latest value"
            description={`Starts at ${format(suggestedStartOf(draft, "latest"))}, the KPI's latest value.`}
          />
          <Radio
            value="cycle"
            label="Aggregated over the cycle"
            description={`Starts at ${format(suggestedStartOf(draft, "cycle"))}, the KPI's aggregate over the previous cycle.`}
          />
        </Stack>
      </Radio.Group>
      {v.drivers.length > 0 && (
        <Fieldset legend="Drivers: also add as Key Results" variant="unstyled">
          <Stack gap={6}>
            {v.drivers.map((d, i) => (
              <Group key={d.kpiId} gap="sm" align="flex-start" wrap="nowrap">
                <Checkbox
                  mt={6}
                  label={d.name}
                  {...form.getInputProps(`drivers.${i}.checked`, { type: "checkbox" })}
                />
                {d.checked && (
                  <NumberInput
                    label={`Target of ${d.name}`}
                    size="xs"
                    w={160}
                    {...form.getInputProps(`drivers.${i}.targetValue`)}
                  />
                )}
              </Group>
            ))}
            <Text size="xs" c="dimmed">
              Each ticked driver becomes a Key Result of the same Objective that reads it the same way.
            </Text>
          </Stack>
        </Fieldset>
      )}
    </Stack>
  );
}

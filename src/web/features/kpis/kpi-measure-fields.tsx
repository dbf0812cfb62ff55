import { Group, NumberInput, Select, TextInput } from "@mantine/core";
import { useMemo } from "react";
import type { KeelForm } from "../../components/form-modal.tsx";
import { useThemes } from "../themes/themes-api.ts";
import { type KpiDraft, toNumberDraft } from "./kpi-draft.ts";
import { aggregationHints, options } from "./kpi-form-fields.tsx";
import {
  aggregationLabels,
  defaultAggregation,
  directionLabels,
  frequencyLabels,
  unitLabels,
} from "./kpi-format.ts";
import type { Kpi } from "./kpis-api.ts";

type Props = { form: KeelForm<KpiDraft>; slug: string; editing: boolean };

/** How the KPI is measured and rolled up, its theme and when escalations close. */
export function KpiMeasureFields({ form, slug, editing }: Props) {
  const draft = form.values;
  const themes = useThemes(slug, "");
  // Archived themes are not offered, except the one the KPI already has.
  const themeData = useMemo(
    () =>
      themes.items
        .filter((t) => !t.archived || t.id === draft.themeId)
        .map((t) => ({ value: t.id, label: t.name })),
    [themes.items, draft.themeId],
  );
  // allowDeselect off: these Selects always hold a value, so Mantine's onChange fits as is.
  const choose = (name: "direction" | "frequency" | "aggregation") => ({
    ...form.getInputProps(name),
    allowDeselect: false,
  });

  return (
    <>
      <Group gap="sm" align="flex-start" wrap="wrap">
        <Select
          label="Unit"
          data={options(unitLabels)}
          {...form.getInputProps("unit")}
          onChange={(v) => {
            if (!v) return;
            const unit = v as Kpi["unit"];
            // Follow the unit's usual roll-up unless the person already chose another.
            if (draft.aggregation === defaultAggregation[draft.unit])
              form.setFieldValue("aggregation", defaultAggregation[unit]);
            form.setFieldValue("unit", unit);
          }}
          allowDeselect={false}
          style={{ flex: "1 1 170px" }}
        />
        <NumberInput
          label="Decimals"
          min={0}
          max={6}
          allowDecimal={false}
          {...form.getInputProps("decimals")}
          onChange={(v) => form.setFieldValue("decimals", toNumberDraft(v))}
          w={100}
        />
        {draft.unit === "currency" && (
          <TextInput
            label="Currency"
            placeholder="EUR"
            maxLength={3}
            {...form.getInputProps("currency")}
            onChange={(e) => form.setFieldValue("currency", e.currentTarget.value.toUpperCase())}
            w={100}
          />
        )}
        <Select
          label="Direction"
          data={options(directionLabels)}
          {...choose("direction")}
          style={{ flex: "1 1 190px" }}
        />
      </Group>
      <Group gap="sm" align="flex-start" wrap="wrap">
        <Select
          label="Frequency"
          description={editing ? "Fixed after creation" : "One value per period"}
          data={options(frequencyLabels)}
          {...choose("frequency")}
          disabled={editing}
          style={{ flex: "1 1 150px" }}
        />
        <Select
          label="Aggregation"
          description={aggregationHints[draft.aggregation]}
          data={options(aggregationLabels)}
          {...choose("aggregation")}
          style={{ flex: "2 1 260px" }}
        />
      </Group>
      <Group gap="sm" align="flex-start" wrap="wrap">
        <Select
          label="Strategic theme"
          description="Why this KPI matters"
          placeholder="No theme"
          data={themeData}
          clearable
          {...form.getInputProps("themeId")}
          style={{ flex: "2 1 260px" }}
        />
        <NumberInput
          label="Close escalations after"
          description="Green periods in a row"
          min={1}
          max={52}
          allowDecimal={false}
          {...form.getInputProps("closeAfterGreenPeriods")}
          onChange={(v) => form.setFieldValue("closeAfterGreenPeriods", toNumberDraft(v))}
          style={{ flex: "1 1 180px" }}
        />
      </Group>
    </>
  );
}

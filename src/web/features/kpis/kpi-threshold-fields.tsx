import { Fieldset, Text } from "@mantine/core";
import { useState } from "react";
import type { KeelForm } from "../../components/form-modal.tsx";
import { BandsEditor } from "./bands-editor.tsx";
import type { KpiDraft } from "./kpi-draft.ts";
import { FormulaField } from "./kpi-form-fields.tsx";
import { unitSuffix } from "./kpi-format.ts";

const legend = { legend: { fontWeight: 600, fontSize: "var(--mantine-font-size-sm)", marginBottom: 4 } };

/** The formula (if computed) and the threshold series: the last section of the KPI form. */
export function KpiThresholdFields({ form }: { form: KeelForm<KpiDraft> }) {
  const draft = form.values;
  const [formulaHelp, setFormulaHelp] = useState(Boolean(draft.formula));
  const suffix = unitSuffix({ unit: draft.unit, decimals: 0, currency: draft.currency || null });

  return (
    <>
      <FormulaField
        value={draft.formula}
        onChange={(v) => form.setFieldValue("formula", v)}
        error={form.errors.formula}
        helpOpen={formulaHelp}
        onToggleHelp={() => setFormulaHelp((v) => !v)}
      />
      <Fieldset legend="Thresholds" variant="unstyled" styles={legend}>
        <BandsEditor
          direction={draft.direction}
          rows={draft.bands}
          errors={form.errors}
          suffix={suffix}
          onChange={(bands) => {
            form.setFieldValue("bands", bands);
            form.setErrors((errors) =>
              Object.fromEntries(Object.entries(errors).filter(([k]) => !k.startsWith("band:"))),
            );
          }}
        />
        {form.errors.bands && (
          <Text size="xs" c="red" mt={4}>
            {form.errors.bands}
          </Text>
        )}
      </Fieldset>
    </>
  );
}

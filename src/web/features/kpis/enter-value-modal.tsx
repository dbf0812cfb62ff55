import { NumberInput, Text, Textarea, TextInput } from "@mantine/core";
import { FormModal } from "../../components/form-modal.tsx";
import { notify } from "../../lib/notify.ts";
import { InvalidFields } from "../../lib/zod-form.ts";
import { todayIso } from "../okrs/okr-defaults.ts";
import { type NumberDraft, toNumberDraft } from "./kpi-draft.ts";
import { formatKpiValue, frequencyLabels, periodName, periodNoun, unitSuffix } from "./kpi-format.ts";
import { type Kpi, useEnterMeasurement } from "./kpis-api.ts";

type Props = { slug: string; kpi: Kpi | null; onClose: () => void };

/**
 * One value for one period, any day of which may be picked (late figures are fine). A
 * different value for a period that has one is a correction: the note says why.
 */
export function EnterValueModal({ slug, kpi, onClose }: Props) {
  const enter = useEnterMeasurement(slug);
  const suffix = kpi ? unitSuffix(kpi) : null;

  return (
    <FormModal
      opened={kpi !== null}
      onClose={onClose}
      title={kpi ? `Enter a value · ${kpi.name}` : ""}
      size="sm"
      resetKey={kpi?.id}
      initialValues={() => ({ date: todayIso(), value: "" as NumberDraft, note: "" })}
      onSubmit={async ({ date, value, note }) => {
        if (!kpi) return;
        if (value === "") throw new InvalidFields({ value: "Enter a number." });
        const result = await enter.mutateAsync({ kpiId: kpi.id, input: { date, value, note: note.trim() } });
        const r = result as { outcome?: string; measurement?: { periodStart: string } };
        const period = r.measurement ? periodName(r.measurement.periodStart, kpi.frequency) : "the period";
        notify(
          r.outcome === "corrected"
            ? `Corrected ${period} to ${formatKpiValue(value, kpi)}; the old value stays in its history.`
            : r.outcome === "unchanged"
              ? `${period} already had ${formatKpiValue(value, kpi)}: nothing changed.`
              : `Saved ${formatKpiValue(value, kpi)} for ${period}.`,
        );
        onClose();
      }}
      submitLabel="Save value"
    >
      {(form) =>
        kpi && (
          <>
            <Text size="xs" c="dimmed">
              {frequencyLabels[kpi.frequency]} KPI: the value is stored for the {periodNoun[kpi.frequency]}{" "}
              containing the day you pick.
            </Text>
            <TextInput
              type="date"
              label="Day in the period"
              max={todayIso()}
              {...form.getInputProps("date")}
            />
            <NumberInput
              label="Value"
              {...form.getInputProps("value")}
              onChange={(v) => form.setFieldValue("value", toNumberDraft(v))}
              decimalScale={6}
              hideControls
              rightSection={
                suffix ? (
                  <Text size="xs" c="dimmed" pr={6}>
                    {suffix}
                  </Text>
                ) : undefined
              }
              data-autofocus
            />
            <Textarea
              label="Note"
              description="Required when you correct a value the period already has: say why"
              autosize
              minRows={2}
              maxRows={5}
              {...form.getInputProps("note")}
            />
          </>
        )
      }
    </FormModal>
  );
}

import { Button, Group, Modal, NumberInput, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { FormError } from "../../components/form-error.tsx";
import { isApiError } from "../../lib/api-client.ts";
import { notify } from "../../lib/notify.ts";
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
  const [date, setDate] = useState(todayIso());
  const [value, setValue] = useState<NumberDraft>("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<Error | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh form for each KPI opened
  useEffect(() => {
    if (!kpi) return;
    setDate(todayIso());
    setValue("");
    setNote("");
    setErrors({});
    setFormError(null);
    enter.reset();
  }, [kpi?.id]);

  if (!kpi) return <Modal opened={false} onClose={onClose} title="" />;
  const suffix = unitSuffix(kpi);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (value === "") {
      setErrors({ value: "Enter a number." });
      return;
    }
    enter.mutate(
      { kpiId: kpi.id, input: { date, value, note: note.trim() } },
      {
        onSuccess: (result) => {
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
        },
        onError: (err) => {
          if (isApiError(err) && err.issues.length > 0) {
            const next: Record<string, string> = {};
            let unplaced = false;
            for (const i of err.issues) {
              if (["date", "value", "note"].includes(i.field))
                next[i.field] = i.message.charAt(0).toUpperCase() + i.message.slice(1);
              else unplaced = true;
            }
            setErrors(next);
            setFormError(unplaced ? err : null);
          } else setFormError(err);
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={`Enter a value · ${kpi.name}`} size="sm">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Text size="xs" c="dimmed">
            {frequencyLabels[kpi.frequency]} KPI: the value is stored for the {periodNoun[kpi.frequency]}{" "}
            containing the day you pick.
          </Text>
          <TextInput
            type="date"
            label="Day in the period"
            value={date}
            max={todayIso()}
            onChange={(e) => {
              setDate(e.currentTarget.value);
              setErrors((x) => ({ ...x, date: "" }));
            }}
            error={errors.date}
          />
          <NumberInput
            label="Value"
            value={value}
            onChange={(v) => {
              setValue(toNumberDraft(v));
              setErrors((x) => ({ ...x, value: "" }));
            }}
            decimalScale={6}
            hideControls
            rightSection={
              suffix ? (
                <Text size="xs" c="dimmed" pr={6}>
                  {suffix}
                </Text>
              ) : undefined
            }
            error={errors.value}
            data-autofocus
          />
          <Textarea
            label="Note"
            description="Required when you correct a value the period already has: say why"
            autosize
            minRows={2}
            maxRows={5}
            value={note}
            onChange={(e) => {
              setNote(e.currentTarget.value);
              setErrors((x) => ({ ...x, note: "" }));
            }}
            error={errors.note}
          />
          <FormError error={formError} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={enter.isPending}>
              Save value
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

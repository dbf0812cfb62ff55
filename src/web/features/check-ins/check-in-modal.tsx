import { NumberInput, Switch, Text, Textarea } from "@mantine/core";
import { FormModal } from "../../components/form-modal.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { notify } from "../../lib/notify.ts";
import type { CheckIn, KeyResult } from "../../lib/types.ts";
import { InvalidFields } from "../../lib/zod-form.ts";
import { KpiValueReadout } from "../kpi-links/key-result-kpi.tsx";
import { definitionLabel, formatValue } from "../okrs/okr-format.ts";
import { useCreateCheckIn, useEditCheckIn } from "./check-ins-api.ts";
import { ConfidenceInput } from "./confidence-input.tsx";
import { NoteReading } from "./note-reading.tsx";

type Props = {
  slug: string;
  /** The KR to check in on; null closes the dialog. */
  keyResult: KeyResult | null;
  /** Correcting this check-in (the author, within 24 hours) instead of adding one. */
  editing?: CheckIn | null;
  onClose: () => void;
};

type Values = { value: number | ""; done: boolean; confidence: number; note: string };

/** One check-in on one KR: new value (or done), confidence 0–10 and a note. */
export function CheckInModal({ slug, keyResult: kr, editing, onClose }: Props) {
  const create = useCreateCheckIn(slug);
  const edit = useEditCheckIn(slug);

  const send = async ({ value, done, confidence, note }: Values) => {
    if (!kr) return;
    if (kr.kind !== "milestone" && !kr.kpi && value === "")
      throw new InvalidFields({ value: "Enter the current value" });
    // A KR reading a KPI takes its value from the KPI: the check-in sends none.
    const values = kr.kind === "milestone" ? { done } : kr.kpi ? {} : { value: value === "" ? null : value };
    if (editing) {
      await edit.mutateAsync({ id: editing.id, patch: { ...values, confidence, note: note.trim() } });
      notify("Check-in corrected. The earlier version is kept in the history.");
    } else {
      await create.mutateAsync({
        keyResultId: kr.id,
        input: { ...values, confidence, note: note.trim(), keyResultVersion: kr.version },
      });
      notify(`Checked in on “${kr.title}”.`);
    }
    onClose();
  };

  return (
    <FormModal
      opened={kr !== null}
      onClose={onClose}
      title={editing ? `Correct the check-in of ${formatDateTime(editing.createdAt)}` : "Check in"}
      size="md"
      resetKey={kr ? `${kr.id}:${editing?.id ?? ""}` : null}
      initialValues={(): Values => ({
        value: editing
          ? (editing.value ?? "")
          : (kr?.currentValue ?? (kr?.kind === "metric" ? (kr.startValue ?? "") : "")),
        done: editing ? Boolean(editing.done) : Boolean(kr?.done),
        confidence: editing ? editing.confidence : (kr?.lastConfidence ?? 5),
        note: editing ? editing.note : "",
      })}
      onSubmit={send}
      submitLabel={editing ? "Save correction" : "Save check-in"}
    >
      {(form) =>
        kr && (
          <>
            <div>
              <Text size="sm" fw={600}>
                {kr.title}
              </Text>
              <Text size="xs" c="dimmed">
                {definitionLabel(kr)}
                {kr.kind === "metric" && kr.currentValue !== null
                  ? ` · now ${formatValue(kr.currentValue, kr.unit)}`
                  : ""}
              </Text>
            </div>
            {kr.kpi ? (
              <KpiValueReadout slug={slug} kpi={kr.kpi} value={kr.currentValue} />
            ) : kr.kind === "milestone" ? (
              <Switch label="Done" {...form.getInputProps("done", { type: "checkbox" })} data-autofocus />
            ) : (
              <NumberInput
                label="Value"
                description={
                  kr.kind === "percentage"
                    ? "Percentage complete, 0–100"
                    : kr.unit
                      ? `In ${kr.unit}`
                      : undefined
                }
                {...form.getInputProps("value")}
                onChange={(v) => form.setFieldValue("value", v === "" ? "" : Number(v))}
                min={kr.kind === "percentage" ? 0 : undefined}
                max={kr.kind === "percentage" ? 100 : undefined}
                decimalScale={4}
                hideControls
                w={180}
                data-autofocus
              />
            )}
            <ConfidenceInput
              value={form.values.confidence}
              onChange={(v) => form.setFieldValue("confidence", v)}
              visibleLabel
              width={200}
            />
            <Textarea
              label="Note"
              description="Progress, next steps, blockers: Keel reads the note for blockers itself, as you type."
              autosize
              minRows={2}
              maxRows={6}
              {...form.getInputProps("note")}
              onKeyDown={(e) => {
                // Ctrl+Enter (⌘+Enter) saves from the note, as in the rest of Keel.
                if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  e.currentTarget.form?.requestSubmit();
                }
              }}
            />
            <NoteReading slug={slug} note={form.values.note} />
          </>
        )
      }
    </FormModal>
  );
}

import { Button, Group, Modal, NumberInput, Stack, Switch, Text, Textarea } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { FormError } from "../../components/form-error.tsx";
import { isApiError } from "../../lib/api-client.ts";
import { formatDateTime } from "../../lib/format.ts";
import { notify } from "../../lib/notify.ts";
import type { CheckIn, KeyResult } from "../../lib/types.ts";
import { definitionLabel, formatValue } from "../okrs/okr-format.ts";
import { useCreateCheckIn, useEditCheckIn } from "./check-ins-api.ts";
import { ConfidenceInput } from "./confidence-input.tsx";

type Props = {
  slug: string;
  /** The KR to check in on; null closes the dialog. */
  keyResult: KeyResult | null;
  /** Correcting this check-in (the author, within 24 hours) instead of adding one. */
  editing?: CheckIn | null;
  onClose: () => void;
};

/** One check-in on one KR: new value (or done), confidence 0–10 and a note. */
export function CheckInModal({ slug, keyResult: kr, editing, onClose }: Props) {
  const create = useCreateCheckIn(slug);
  const edit = useEditCheckIn(slug);
  const [value, setValue] = useState<number | "">("");
  const [done, setDone] = useState(false);
  const [confidence, setConfidence] = useState(5);
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when opened for a KR or check-in
  useEffect(() => {
    if (!kr) return;
    setValue(
      editing
        ? (editing.value ?? "")
        : (kr.currentValue ?? (kr.kind === "metric" ? (kr.startValue ?? "") : "")),
    );
    setDone(editing ? Boolean(editing.done) : kr.done);
    setConfidence(editing ? editing.confidence : (kr.lastConfidence ?? 5));
    setNote(editing ? editing.note : "");
    setErrors({});
    create.reset();
    edit.reset();
  }, [kr?.id, editing?.id]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!kr) return;
    if (kr.kind !== "milestone" && value === "") {
      setErrors({ value: "Enter the current value" });
      return;
    }
    const values = kr.kind === "milestone" ? { done } : { value: value === "" ? null : value };
    const onError = (err: Error) => {
      if (isApiError(err) && err.issues.length > 0) {
        setErrors(
          Object.fromEntries(
            err.issues.map((i) => [i.field, i.message.charAt(0).toUpperCase() + i.message.slice(1)]),
          ),
        );
      }
    };
    if (editing) {
      edit.mutate(
        { id: editing.id, patch: { ...values, confidence, note: note.trim() } },
        {
          onSuccess: () => {
            notify("Check-in corrected. The earlier version is kept in the history.");
            onClose();
          },
          onError,
        },
      );
      return;
    }
    create.mutate(
      {
        keyResultId: kr.id,
        input: { ...values, confidence, note: note.trim(), keyResultVersion: kr.version },
      },
      {
        onSuccess: () => {
          notify(`Checked in on “${kr.title}”.`);
          onClose();
        },
        onError,
      },
    );
  };

  const error = create.error ?? edit.error;
  const unplaced = error && !(isApiError(error) && error.issues.length > 0) ? error : null;
  return (
    <Modal
      opened={kr !== null}
      onClose={onClose}
      title={editing ? `Correct the check-in of ${formatDateTime(editing.createdAt)}` : "Check in"}
      size="md"
    >
      {kr && (
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="sm">
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
            {kr.kind === "milestone" ? (
              <Switch
                label="Done"
                checked={done}
                onChange={(e) => setDone(e.currentTarget.checked)}
                error={errors.done}
                data-autofocus
              />
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
                value={value}
                onChange={(v) => setValue(v === "" ? "" : Number(v))}
                min={kr.kind === "percentage" ? 0 : undefined}
                max={kr.kind === "percentage" ? 100 : undefined}
                decimalScale={4}
                hideControls
                error={errors.value}
                w={180}
                data-autofocus
              />
            )}
            <ConfidenceInput value={confidence} onChange={setConfidence} visibleLabel width={200} />
            <Textarea
              label="Note"
              description="Progress, next steps, blockers: Keel reads the note for blockers itself."
              autosize
              minRows={2}
              maxRows={6}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={errors.note}
              onKeyDown={(e) => {
                if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  e.currentTarget.form?.requestSubmit();
                }
              }}
            />
            <FormError error={unplaced} />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending || edit.isPending}>
                {editing ? "Save correction" : "Save check-in"}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

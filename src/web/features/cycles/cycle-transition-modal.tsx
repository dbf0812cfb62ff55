import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { type FormEvent, useEffect } from "react";
import { FormError } from "../../components/form-error.tsx";
import { notify } from "../../lib/notify.ts";
import { useOrg } from "../../lib/org-context.tsx";
import type { Cycle, CycleState } from "../../lib/types.ts";
import { useForm } from "../../lib/use-form.ts";
import { transitionLabel, useUpdateCycle } from "./cycles-api.ts";

type Props = { cycle: Cycle | null; to: CycleState | null; onClose: () => void; onReload?: () => void };

const explanations: Partial<Record<CycleState, string>> = {
  active: "Teams can then check in on its OKRs every week.",
  grading: "Owners then give each key result its final score (0.0–1.0).",
  closed:
    "Closing freezes the cycle: no more check-ins or grades. An admin can reopen it, with a reason that is kept in the audit log.",
  planning: "Back to planning: check-ins stop until it is started again.",
};

/** Moves a cycle to its next state; reopening a closed one asks why (the API requires it). */
export function CycleTransitionModal({ cycle, to, onClose, onReload }: Props) {
  const { slug } = useOrg();
  const update = useUpdateCycle(slug);
  const form = useForm({ reason: "" });
  const reopening = cycle?.state === "closed" && to === "grading";

  // biome-ignore lint/correctness/useExhaustiveDependencies: fresh form for each transition
  useEffect(() => {
    form.reset();
  }, [cycle?.id, to]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!cycle || !to) return;
    const reason = form.values.reason.trim();
    if (reopening && !reason) {
      form.setErrors({ reason: "Say why it is reopened; the reason goes into the audit log" });
      return;
    }
    update.mutate(
      { id: cycle.id, patch: { version: cycle.version, state: to, ...(reason ? { reason } : {}) } },
      {
        onSuccess: (saved) => {
          notify(`${saved.name} is now ${saved.state}.`);
          onClose();
        },
        onError: form.showError,
      },
    );
  };

  const label = cycle && to ? transitionLabel(cycle.state, to).replace("…", "") : "";
  return (
    <Modal
      opened={cycle !== null && to !== null}
      onClose={onClose}
      title={cycle ? `${label}: ${cycle.name}` : ""}
      size="sm"
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            {reopening
              ? "Reopening lets owners change grades again. Say why: the reason is kept in the audit log."
              : to
                ? explanations[to]
                : null}
          </Text>
          {reopening && (
            <Textarea label="Reason" autosize minRows={2} data-autofocus {...form.text("reason")} />
          )}
          <FormError error={form.formError} onReload={onReload} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending} color={to === "closed" ? "red" : undefined}>
              {label}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

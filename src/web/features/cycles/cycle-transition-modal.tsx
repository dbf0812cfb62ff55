import { Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { FormModal } from "../../components/form-modal.tsx";
import { notify } from "../../lib/notify.ts";
import { useOrg } from "../../lib/org-context.tsx";
import type { Cycle, CycleState } from "../../lib/types.ts";
import { InvalidFields } from "../../lib/zod-form.ts";
import { AcknowledgeFindingsModal, openFindingsOf } from "../okrs/acknowledge-findings-modal.tsx";
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
  const reopening = cycle?.state === "closed" && to === "grading";
  const label = cycle && to ? transitionLabel(cycle.state, to).replace("…", "") : "";
  // Starting refused for open linter warnings: asks to go ahead anyway.
  const [refusal, setRefusal] = useState<unknown>(null);
  const startAnyway = async () => {
    if (!cycle || !to) return;
    const saved = await update.mutateAsync({
      id: cycle.id,
      patch: { version: cycle.version, state: to, acknowledgeFindings: true },
    });
    notify(`${saved.name} is now ${saved.state}.`);
    setRefusal(null);
    onClose();
  };

  return (
    <>
      <AcknowledgeFindingsModal
        error={refusal}
        action={label}
        loading={update.isPending}
        onClose={() => setRefusal(null)}
        onConfirm={() => void startAnyway().catch(setRefusal)}
      />
      <FormModal
        opened={cycle !== null && to !== null}
        onClose={onClose}
        title={cycle ? `${label}: ${cycle.name}` : ""}
        size="sm"
        resetKey={cycle && to ? `${cycle.id}:${to}` : null}
        version={cycle?.version}
        onReload={onReload}
        initialValues={() => ({ reason: "" })}
        onSubmit={async (values) => {
          if (!cycle || !to) return;
          const reason = values.reason.trim();
          if (reopening && !reason)
            throw new InvalidFields({ reason: "Say why it is reopened; the reason goes into the audit log" });
          try {
            const saved = await update.mutateAsync({
              id: cycle.id,
              patch: { version: cycle.version, state: to, ...(reason ? { reason } : {}) },
            });
            notify(`${saved.name} is now ${saved.state}.`);
            onClose();
          } catch (error) {
            if (openFindingsOf(error).length === 0) throw error;
            setRefusal(error);
          }
        }}
        submitLabel={label}
        submitColor={to === "closed" ? "red" : undefined}
      >
        {(form) => (
          <>
            <Text size="sm">
              {reopening
                ? "Reopening lets owners change grades again. Say why: the reason is kept in the audit log."
                : to
                  ? explanations[to]
                  : null}
            </Text>
            {reopening && (
              <Textarea
                label="Reason"
                autosize
                minRows={2}
                data-autofocus
                {...form.getInputProps("reason")}
              />
            )}
          </>
        )}
      </FormModal>
    </>
  );
}

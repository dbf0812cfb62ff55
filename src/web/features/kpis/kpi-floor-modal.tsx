import { NumberInput, Select } from "@mantine/core";
import { floorGuards, floorRedLimit } from "../../../domain/kpi/status.ts";
import { FormModal } from "../../components/form-modal.tsx";
import { notify } from "../../lib/notify.ts";
import type { Cycle } from "../../lib/types.ts";
import { assertNoErrors, type FieldErrors } from "../../lib/zod-form.ts";
import { PersonSelect } from "../people/person-select.tsx";
import { type KpiFloor, useCreateFloor, useUpdateFloor } from "./floors-api.ts";
import { type NumberDraft, toNumberDraft } from "./kpi-draft.ts";
import type { KpiCard } from "./kpis-api.ts";

/** Adding a KPI to a team's floor for a cycle, or changing a floor's owner and threshold. */
type ModalProps = {
  slug: string;
  teamId: string;
  cycle: Cycle;
  candidates: KpiCard[];
  kpis: KpiCard[];
  editing: KpiFloor | "new" | null;
  onClose: () => void;
};

/** Suggests the red threshold in force as the floor: the level the team already calls "bad". */
function suggestedThreshold(kpi: KpiCard | undefined): NumberDraft {
  const b = kpi?.bandsInForce;
  if (!b) return "";
  return b[floorRedLimit(kpi.direction)] ?? "";
}

type Values = {
  kpiId: string | null;
  ownerUserId: string | null;
  ownerName: string | null;
  threshold: NumberDraft;
};

export function FloorModal({ slug, teamId, cycle, candidates, kpis, editing, onClose }: ModalProps) {
  const create = useCreateFloor(slug);
  const update = useUpdateFloor(slug);
  const existing = editing && editing !== "new" ? editing : null;

  const send = async ({ kpiId, ownerUserId, threshold }: Values) => {
    const problems: FieldErrors = {};
    if (!kpiId) problems.kpiId = "Pick a KPI.";
    if (!ownerUserId) problems.ownerUserId = "Pick who answers for it.";
    if (threshold === "") problems.threshold = "Enter the level that must not be crossed.";
    assertNoErrors(problems);
    if (existing) {
      await update.mutateAsync({
        id: existing.id,
        patch: {
          version: existing.version,
          ownerUserId: ownerUserId ?? undefined,
          threshold: Number(threshold),
        },
      });
      notify(`Saved the floor of “${existing.kpi.name}”.`);
    } else {
      const floor = await create.mutateAsync({
        teamId,
        cycleId: cycle.id,
        kpiId: kpiId ?? "",
        ownerUserId: ownerUserId ?? "",
        threshold: Number(threshold),
      });
      notify(`Added “${floor.kpi.name}” to the floor of ${cycle.name}.`);
    }
    onClose();
  };

  return (
    <FormModal
      opened={editing !== null}
      onClose={onClose}
      title={existing ? `Floor of ${existing.kpi.name}` : `Add to the floor of ${cycle.name}`}
      size="md"
      resetKey={existing ? existing.id : "new"}
      version={existing?.version}
      initialValues={(): Values => ({
        kpiId: existing?.kpi.id ?? null,
        ownerUserId: existing?.ownerUserId ?? null,
        ownerName: existing?.ownerName ?? null,
        threshold: existing?.threshold ?? "",
      })}
      onSubmit={send}
      submitLabel={existing ? "Save" : "Add to floor"}
    >
      {(form) => {
        // An edited floor may hold a sub-team's KPI, which is not on this team's board.
        const direction = kpis.find((k) => k.id === form.values.kpiId)?.direction ?? existing?.kpi.direction;
        // Picking a KPI proposes its owner and its red threshold.
        const pick = (id: string | null) => {
          const kpi = kpis.find((k) => k.id === id);
          form.setValues(
            kpi
              ? {
                  kpiId: id,
                  ownerUserId: kpi.ownerUserId,
                  ownerName: kpi.ownerName,
                  threshold: suggestedThreshold(kpi),
                }
              : { kpiId: id },
          );
          form.clearErrors();
        };
        return (
          <>
            {!existing && (
              <Select
                label="KPI"
                placeholder="Pick one of the team's KPIs"
                data={candidates.map((k) => ({ value: k.id, label: k.name }))}
                {...form.getInputProps("kpiId")}
                onChange={pick}
                searchable
                data-autofocus
              />
            )}
            <PersonSelect
              slug={slug}
              label="Owner"
              description="Answers the escalation when the floor is crossed"
              value={form.values.ownerUserId}
              valueLabel={form.values.ownerName}
              onChange={(id, name) => {
                form.setValues({ ownerUserId: id, ownerName: name });
                form.clearFieldError("ownerUserId");
              }}
              error={form.errors.ownerUserId}
              clearable={false}
            />
            <NumberInput
              label="Threshold"
              description={
                direction && floorGuards(direction) === "above"
                  ? "Escalates when the value rises above it"
                  : "Escalates when the value falls below it"
              }
              {...form.getInputProps("threshold")}
              onChange={(v) => form.setFieldValue("threshold", toNumberDraft(v))}
              decimalScale={6}
              hideControls
            />
          </>
        );
      }}
    </FormModal>
  );
}

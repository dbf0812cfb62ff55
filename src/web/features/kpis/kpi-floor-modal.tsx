import { Button, Group, Modal, NumberInput, Select, Stack } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { FormError } from "../../components/form-error.tsx";
import { isApiError } from "../../lib/api-client.ts";
import { notify } from "../../lib/notify.ts";
import type { Cycle } from "../../lib/types.ts";
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
  const v = kpi.direction === "lower_is_better" ? b.redMax : b.redMin;
  return v ?? "";
}

export function FloorModal({ slug, teamId, cycle, candidates, kpis, editing, onClose }: ModalProps) {
  const create = useCreateFloor(slug);
  const update = useUpdateFloor(slug);
  const existing = editing && editing !== "new" ? editing : null;
  const [kpiId, setKpiId] = useState<string | null>(null);
  const [owner, setOwner] = useState<{ id: string | null; name: string | null }>({ id: null, name: null });
  const [threshold, setThreshold] = useState<NumberDraft>("");
  const [errors, setErrors] = useState<Record<string, string>>({});

  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh form each time it opens
  useEffect(() => {
    if (!editing) return;
    setErrors({});
    create.reset();
    update.reset();
    if (existing) {
      setKpiId(existing.kpi.id);
      setOwner({ id: existing.ownerUserId, name: existing.ownerName });
      setThreshold(existing.threshold);
    } else {
      setKpiId(null);
      setOwner({ id: null, name: null });
      setThreshold("");
    }
  }, [editing]);

  const pick = (id: string | null) => {
    setKpiId(id);
    const kpi = kpis.find((k) => k.id === id);
    if (kpi) {
      setOwner({ id: kpi.ownerUserId, name: kpi.ownerName });
      setThreshold(suggestedThreshold(kpi));
    }
    setErrors({});
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!kpiId) problems.kpiId = "Pick a KPI.";
    if (!owner.id) problems.ownerUserId = "Pick who answers for it.";
    if (threshold === "") problems.threshold = "Enter the level that must not be crossed.";
    if (Object.keys(problems).length > 0) return setErrors(problems);
    const onError = (err: Error) => {
      if (isApiError(err) && err.issues.length > 0)
        setErrors(
          Object.fromEntries(
            err.issues.map((i) => [i.field, i.message.charAt(0).toUpperCase() + i.message.slice(1)]),
          ),
        );
    };
    const done = (message: string) => {
      notify(message);
      onClose();
    };
    if (existing) {
      update.mutate(
        {
          id: existing.id,
          patch: {
            version: existing.version,
            ownerUserId: owner.id ?? undefined,
            threshold: Number(threshold),
          },
        },
        { onSuccess: () => done(`Saved the floor of “${existing.kpi.name}”.`), onError },
      );
    } else {
      create.mutate(
        {
          teamId,
          cycleId: cycle.id,
          kpiId: kpiId ?? "",
          ownerUserId: owner.id ?? "",
          threshold: Number(threshold),
        },
        { onSuccess: (f) => done(`Added “${f.kpi.name}” to the floor of ${cycle.name}.`), onError },
      );
    }
  };
  // An edited floor may hold a sub-team's KPI, which is not on this team's board.
  const direction = kpis.find((k) => k.id === kpiId)?.direction ?? existing?.kpi.direction;
  const error = create.error ?? update.error;

  return (
    <Modal
      opened={editing !== null}
      onClose={onClose}
      title={existing ? `Floor of ${existing.kpi.name}` : `Add to the floor of ${cycle.name}`}
      size="md"
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          {!existing && (
            <Select
              label="KPI"
              placeholder="Pick one of the team's KPIs"
              data={candidates.map((k) => ({ value: k.id, label: k.name }))}
              value={kpiId}
              onChange={pick}
              searchable
              error={errors.kpiId}
              data-autofocus
            />
          )}
          <PersonSelect
            slug={slug}
            label="Owner"
            description="Answers the escalation when the floor is crossed"
            value={owner.id}
            valueLabel={owner.name}
            onChange={(id, name) => setOwner({ id, name })}
            error={errors.ownerUserId}
            clearable={false}
          />
          <NumberInput
            label="Threshold"
            description={
              direction === "lower_is_better"
                ? "Escalates when the value rises above it"
                : "Escalates when the value falls below it"
            }
            value={threshold}
            onChange={(v) => setThreshold(toNumberDraft(v))}
            decimalScale={6}
            hideControls
            error={errors.threshold}
          />
          <FormError error={error && !(isApiError(error) && error.issues.length > 0) ? error : null} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {existing ? "Save" : "Add to floor"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

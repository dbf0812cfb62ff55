import { Text } from "@mantine/core";
import { FormModal, type KeelForm } from "../../components/form-modal.tsx";
import { notify } from "../../lib/notify.ts";
import type { Cycle, Objective } from "../../lib/types.ts";
import { assertNoErrors } from "../../lib/zod-form.ts";
import { AlignParentPicker } from "./align-parent-picker.tsx";
import { AlignParentRows } from "./align-parent-rows.tsx";
import { type AlignValues, alignedParents, checkAlignment } from "./align-values.ts";
import { useObjectives, useSetParents } from "./okrs-api.ts";

type Props = {
  slug: string;
  objective: Objective | null;
  cycles: Cycle[];
  onClose: () => void;
  onReload?: () => void;
};

/**
 * What an Objective contributes to: parents from any team (and any cycle), each with a
 * contribution weight. A child's weights sum to at most 1, so no progress counts twice.
 * Its sections: the parents it has (weights, removal), then one more to pick.
 */
export function AlignModal({ slug, objective, cycles, onClose, onReload }: Props) {
  const setParents = useSetParents(slug);

  const send = async (values: AlignValues) => {
    if (!objective) return;
    const parents = alignedParents(values);
    assertNoErrors(checkAlignment(parents));
    const saved = await setParents.mutateAsync({
      id: objective.id,
      version: objective.version,
      parents: parents.map((r) => ({ objectiveId: r.objectiveId, weight: Number(r.weight) })),
    });
    notify(
      saved.parents.length === 0
        ? `“${saved.title}” contributes to nothing now.`
        : `“${saved.title}” now contributes to ${saved.parents.map((p) => `“${p.title}”`).join(" and ")}.`,
    );
    onClose();
  };

  return (
    <FormModal
      opened={objective !== null}
      onClose={onClose}
      title="Align objective"
      size="lg"
      resetKey={objective?.id}
      version={objective?.version}
      onReload={onReload}
      initialValues={(): AlignValues => ({
        rows: (objective?.parents ?? []).map((p) => ({
          objectiveId: p.objectiveId,
          title: p.title,
          teamName: null,
          weight: p.weight,
        })),
        parentId: null,
        weight: "",
        lookIn: objective?.cycleId ?? null,
      })}
      onSubmit={send}
      submitLabel="Save alignment"
    >
      {(form) =>
        // The dialog keeps showing while it closes, after the Objective is gone.
        objective && <AlignFields form={form} slug={slug} objective={objective} cycles={cycles} />
      }
    </FormModal>
  );
}

type FieldsProps = { form: KeelForm<AlignValues>; slug: string; objective: Objective; cycles: Cycle[] };

/** The dialog's sections, over the Objectives of the cycle looked in. */
function AlignFields({ form, slug, objective, cycles }: FieldsProps) {
  const lookIn = form.values.lookIn;
  const candidates = useObjectives(slug, { cycleId: lookIn ?? undefined }, lookIn !== null);
  const items = candidates.data?.items;
  const teamNames = new Map((items ?? []).map((o) => [o.id, o.teamName]));
  return (
    <>
      <Text size="sm" c="dimmed">
        Which Objectives does “{objective.title}” help reach? Pick them from any team. Its weight says how
        much of a parent's aligned progress it carries; all its weights together are at most 1.
      </Text>
      <AlignParentRows form={form} teamNames={teamNames} />
      <AlignParentPicker
        form={form}
        objectiveId={objective.id}
        cycles={cycles}
        candidates={candidates.isPending ? undefined : items}
      />
    </>
  );
}

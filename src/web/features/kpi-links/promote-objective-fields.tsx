import { Group, Radio, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { useEffect } from "react";
import type { KeelForm } from "../../components/form-modal.tsx";
import type { TeamNode } from "../../lib/types.ts";
import { TeamSelect } from "../teams/team-select.tsx";
import type { PromoteValues, PromotionDraft } from "./promotion-draft.ts";

type Props = {
  form: KeelForm<PromoteValues>;
  draft: PromotionDraft;
  roots: TeamNode[];
  /** The chosen cycle's Objectives are still loading (the previous cycle's are shown). */
  loading: boolean;
  /** The cycle changed: its Objectives are loaded again. */
  onCycleChange: (cycleId: string | null) => void;
};

const cycleStateWords: Record<PromotionDraft["cycles"][number]["state"], string> = {
  planning: "planning",
  active: "active",
  grading: "grading",
  closed: "closed",
};

/**
 * Where the Key Result goes: the cycle, then an Objective the person may edit or a new one
 * drafted from a problem statement (what stands between the KPI's value today and the one it
 * needs, which becomes the Objective's description).
 */
export function PromoteObjectiveFields({ form, draft, roots, loading, onCycleChange }: Props) {
  const v = form.values;
  const noObjectives = !loading && draft.objectives.length === 0;
  const { setFieldValue } = form;
  // A cycle without an Objective the person may edit leaves drafting a new one as the only way.
  useEffect(() => {
    if (noObjectives && v.objectiveChoice === "existing") setFieldValue("objectiveChoice", "new");
  }, [noObjectives, v.objectiveChoice, setFieldValue]);
  return (
    <Stack gap="sm">
      <Select
        label="Cycle"
        data={draft.cycles.map((c) => ({ value: c.id, label: `${c.name} (${cycleStateWords[c.state]})` }))}
        {...form.getInputProps("cycleId")}
        onChange={(cycleId) => {
          form.setValues({ cycleId, objectiveId: null });
          onCycleChange(cycleId);
        }}
        allowDeselect={false}
        required
      />
      <Radio.Group
        label="Objective"
        {...form.getInputProps("objectiveChoice")}
        description={
          noObjectives ? "No Objective of this cycle that you may edit: draft a new one." : undefined
        }
      >
        <Group gap="lg" mt={4}>
          <Radio value="existing" label="Add to an existing Objective" disabled={noObjectives} />
          <Radio value="new" label="Draft a new Objective" />
        </Group>
      </Radio.Group>
      {v.objectiveChoice === "existing" ? (
        <Select
          label="Existing Objective"
          placeholder={loading ? "Loading the cycle's Objectives…" : "Pick an Objective of the cycle"}
          disabled={loading}
          data={draft.objectives.map((o) => ({ value: o.id, label: o.title }))}
          {...form.getInputProps("objectiveId")}
          searchable
          required
        />
      ) : (
        <>
          <Textarea
            label="Problem statement"
            description="What stands between today's value and the one it needs? It becomes the Objective's description."
            autosize
            minRows={3}
            maxLength={4000}
            required
            {...form.getInputProps("problemStatement")}
          />
          <TextInput
            label="Objective title"
            required
            maxLength={200}
            {...form.getInputProps("objectiveTitle")}
          />
          <TeamSelect
            label="Team"
            description="Whose Objective it is; none makes it yours."
            roots={roots}
            value={v.teamId}
            onChange={(teamId) => form.setFieldValue("teamId", teamId)}
            error={form.errors.teamId}
            allowTopLevel
            topLevelLabel="No team (personal)"
          />
        </>
      )}
    </Stack>
  );
}

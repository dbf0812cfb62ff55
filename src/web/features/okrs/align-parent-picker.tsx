import { Group, NumberInput, Select, Stack, Text } from "@mantine/core";
import { useMemo } from "react";
import type { KeelForm } from "../../components/form-modal.tsx";
import type { Cycle, Objective } from "../../lib/types.ts";
import { type AlignValues, toWeight, WEIGHTS_ERROR, weightBudget } from "./align-values.ts";
import { CycleSelect } from "./cycle-select.tsx";

type Props = {
  form: KeelForm<AlignValues>;
  objectiveId: string;
  cycles: Cycle[];
  /** The Objectives of the cycle looked in; undefined while they load. */
  candidates: Objective[] | undefined;
};

/**
 * One more parent: the cycle to look in, the Objective (any team's, not restricted, not
 * already a parent) and its weight, which starts as what is left to give. Below: what is
 * left, and the problems of the weights as a whole.
 */
export function AlignParentPicker({ form, objectiveId, cycles, candidates }: Props) {
  const { rows, parentId, weight, lookIn } = form.values;
  const options = useMemo(() => {
    const taken = new Set([objectiveId, ...rows.map((r) => r.objectiveId)]);
    return (candidates ?? [])
      .filter((o) => !taken.has(o.id) && !o.restricted)
      .map((o) => ({ value: o.id, label: o.title, team: o.teamName ?? "Personal" }));
  }, [candidates, rows, objectiveId]);
  const teamOf = new Map(options.map((o) => [o.value, o.team]));
  const { left, tooHigh } = weightBudget(form.values);
  const problem = form.errors[WEIGHTS_ERROR];

  return (
    <>
      <Group gap="xs" align="flex-end" wrap="wrap">
        <CycleSelect
          cycles={cycles}
          value={lookIn}
          onChange={(id) => form.setFieldValue("lookIn", id)}
          label="Look in cycle"
          w={160}
        />
        <Select
          label="Parent objective"
          placeholder={candidates === undefined ? "Loading…" : "Search objectives"}
          data={options}
          value={parentId}
          onChange={(v) => {
            form.setFieldValue("parentId", v);
            if (v && weight === "") form.setFieldValue("weight", left > 0 ? left : "");
          }}
          searchable
          clearable
          nothingFoundMessage="No objective matches"
          maxDropdownHeight={280}
          style={{ flex: "1 1 240px" }}
          renderOption={({ option }) => (
            <Stack gap={0}>
              <span>{option.label}</span>
              <Text span size="xs" c="dimmed" aria-hidden="true">
                {teamOf.get(option.value)}
              </Text>
            </Stack>
          )}
        />
        <NumberInput
          label="Weight"
          value={weight}
          onChange={(v) => form.setFieldValue("weight", toWeight(v))}
          min={0}
          max={1}
          step={0.1}
          decimalScale={2}
          w={100}
        />
      </Group>
      <Text size="sm" c={tooHigh ? "red" : "dimmed"} className="keel-num" data-testid="remaining-weight">
        {tooHigh
          ? "The weights add up to more than 1."
          : `Remaining: ${left.toFixed(2).replace(/0$/, "")} of 1 left to give.`}
      </Text>
      {problem && (
        <Text size="sm" c="red" role="alert">
          {problem}
        </Text>
      )}
    </>
  );
}

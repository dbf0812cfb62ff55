import { Group, Select, Text } from "@mantine/core";
import { IconCalendarStats } from "@tabler/icons-react";
import { useMemo } from "react";
import type { Cycle } from "../../lib/types.ts";
import { sortCycles } from "./okr-defaults.ts";

const stateWords: Record<Cycle["state"], string> = {
  planning: "planning",
  active: "active",
  grading: "grading",
  closed: "closed",
};

type Props = {
  cycles: Cycle[];
  value: string | null;
  onChange: (id: string) => void;
  label?: string;
  ariaLabel?: string;
  w?: number | string;
  disabled?: boolean;
};

/** Picks a cycle: running ones first, each with its state as a word. */
export function CycleSelect({ cycles, value, onChange, label, ariaLabel, w = 200, disabled }: Props) {
  const data = useMemo(
    () => sortCycles(cycles).map((c) => ({ value: c.id, label: c.name, state: c.state })),
    [cycles],
  );
  const states = useMemo(() => new Map(cycles.map((c) => [c.id, c.state])), [cycles]);
  return (
    <Select
      label={label}
      aria-label={label ? undefined : ariaLabel}
      data={data}
      value={value}
      onChange={(v) => v && onChange(v)}
      allowDeselect={false}
      searchable={cycles.length > 8}
      leftSection={<IconCalendarStats size={15} />}
      w={w}
      disabled={disabled}
      data-testid="cycle-select"
      renderOption={({ option }) => (
        <Group gap={6} wrap="nowrap" justify="space-between" w="100%">
          <span>{option.label}</span>
          <Text span size="xs" c="dimmed" aria-hidden="true">
            {stateWords[states.get(option.value) ?? "planning"]}
          </Text>
        </Group>
      )}
    />
  );
}

import { Group, Select, Text } from "@mantine/core";
import { type ReactNode, useMemo } from "react";
import type { TeamNode } from "../../lib/types.ts";
import { flattenTree } from "./team-tree-utils.ts";

/** Value of the "no parent" choice; Mantine's Select needs a string. */
export const TOP_LEVEL = "__top__";

type Props = {
  /** Visible label; or `ariaLabel` for a compact picker without one. */
  label?: string;
  ariaLabel?: string;
  roots: TeamNode[];
  value: string | null;
  onChange: (value: string | null) => void;
  /** Teams that may not be picked (a team's own subtree when moving it). */
  exclude?: Set<string>;
  /** Offer "None (top level)". */
  allowTopLevel?: boolean;
  /** Words for the "none" choice, e.g. "No team (personal)". */
  topLevelLabel?: string;
  w?: number | string;
  leftSection?: ReactNode;
  error?: ReactNode;
  description?: string;
  testId?: string;
};

/**
 * Picks a team from the tree: options in tree order, indented by depth, searchable by
 * name. The option's accessible name is just the team name (the parent hint is hidden
 * from assistive tech), so tests and screen readers see clean names.
 */
export function TeamSelect(props: Props) {
  const { label, ariaLabel, roots, value, onChange, exclude, allowTopLevel, error, description, testId } =
    props;
  const flat = useMemo(
    () => flattenTree(roots).filter((f) => !exclude?.has(f.team.id) && !f.team.archived),
    [roots, exclude],
  );
  const meta = useMemo(() => new Map(flat.map((f) => [f.team.id, f])), [flat]);
  const data = useMemo(
    () => [
      ...(allowTopLevel ? [{ value: TOP_LEVEL, label: props.topLevelLabel ?? "None (top level)" }] : []),
      ...flat.map((f) => ({ value: f.team.id, label: f.team.name })),
    ],
    [flat, allowTopLevel, props.topLevelLabel],
  );
  return (
    <Select
      label={label}
      aria-label={label ? undefined : ariaLabel}
      w={props.w}
      leftSection={props.leftSection}
      description={description}
      data={data}
      value={value ?? (allowTopLevel ? TOP_LEVEL : null)}
      onChange={(v) => onChange(v === TOP_LEVEL ? null : v)}
      searchable
      allowDeselect={false}
      nothingFoundMessage="No team matches"
      maxDropdownHeight={280}
      error={error}
      data-testid={testId}
      renderOption={({ option }) => {
        const f = meta.get(option.value);
        return (
          <Group gap={6} wrap="nowrap" pl={f ? f.depth * 14 : 0}>
            <span>{option.label}</span>
            {f && (
              <Text span size="xs" c="dimmed" aria-hidden="true">
                {f.team.kind}
              </Text>
            )}
          </Group>
        );
      }}
    />
  );
}

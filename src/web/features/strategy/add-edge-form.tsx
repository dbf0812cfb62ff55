import { Button, Group, Select, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { ApiError } from "../../../shared/api/api-error.ts";
import { notify } from "../../lib/notify.ts";
import type { MapObjective, MapTheme, StrategyEdgeInput } from "./strategy-api.ts";

type Props = {
  themes: MapTheme[];
  objectives: MapObjective[];
  onAdd: (input: StrategyEdgeInput) => Promise<unknown>;
};

const encode = (kind: "theme" | "objective", id: string) => `${kind}:${id}`;
function decode(value: string): StrategyEdgeInput["from"] {
  const [kind, id] = value.split(":");
  return { kind: kind as "theme" | "objective", id: id ?? "" };
}

/** Connects a cause to its effect without dragging: the keyboard's way to draw an edge. */
export function AddEdgeForm({ themes, objectives, onAdd }: Props) {
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [label, setLabel] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const data = themes.map((theme) => ({
    group: theme.name,
    items: [
      { value: encode("theme", theme.id), label: `Theme: ${theme.name}` },
      ...objectives
        .filter((o) => o.themeId === theme.id)
        .map((o) => ({ value: encode("objective", o.id), label: o.title })),
    ],
  }));
  const submit = async () => {
    if (!from || !to) return setError("Choose a cause and an effect.");
    setBusy(true);
    try {
      await onAdd({ from: decode(from), to: decode(to), label });
      notify("Edge added.");
      setFrom(null);
      setTo(null);
      setLabel("");
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "Could not add the edge.");
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      aria-label="Add a cause and effect edge"
    >
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label="Cause"
          placeholder="Pick a theme or Objective"
          data={data}
          value={from}
          onChange={setFrom}
          searchable
          w={260}
        />
        <Select
          label="Effect"
          placeholder="Pick what it leads to"
          data={data}
          value={to}
          onChange={setTo}
          searchable
          w={260}
        />
        <TextInput
          label="Why (optional)"
          placeholder="e.g. Loyal customers buy more"
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
          maxLength={120}
          w={260}
        />
        <Button type="submit" loading={busy}>
          Add edge
        </Button>
      </Group>
      {error && (
        <Text mt="xs" size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
    </form>
  );
}

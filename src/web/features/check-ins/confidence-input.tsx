import { Group, Text } from "@mantine/core";
import { useId, useRef } from "react";
import { typeConfidence } from "./confidence-keys.ts";

type Props = {
  value: number;
  onChange: (value: number) => void;
  /** Accessible name; "Confidence" unless told. */
  label?: string;
  /** Show the label above (forms) or rely on a column header (dense rows). */
  visibleLabel?: boolean;
  /** No confidence given yet: the slider shows a neutral 5 until it is moved. */
  unset?: boolean;
  disabled?: boolean;
  width?: number;
  /** A typed number is complete (see confidence-keys.ts): the row moves on to its next field. */
  onComplete?: () => void;
};

export function confidenceColor(value: number): string {
  if (value >= 7) return "green";
  if (value >= 4) return "yellow";
  return "red";
}

/**
 * Confidence 0–10 as a compact slider: typing a number sets it (and, in the weekly form,
 * moves on to the note), arrow keys step by one, Home/End jump, and the number beside it
 * is coloured (with the word in its title) so it reads at a glance.
 */
export function ConfidenceInput(props: Props) {
  const { value, onChange, label = "Confidence", visibleLabel = false, unset, disabled, width = 110 } = props;
  const id = useId();
  const pendingOne = useRef(false);
  const color = unset ? "gray" : confidenceColor(value);
  const word = value >= 7 ? "confident" : value >= 4 ? "unsure" : "doubtful";
  return (
    <div>
      {visibleLabel && (
        <Text component="label" htmlFor={id} size="sm" fw={500} display="block" mb={4}>
          {label}
        </Text>
      )}
      <Group gap={8} wrap="nowrap">
        <input
          id={id}
          type="range"
          min={0}
          max={10}
          step={1}
          value={value}
          disabled={disabled}
          aria-label={visibleLabel ? undefined : label}
          aria-valuetext={unset ? "Not given yet" : `${value} of 10, ${word}`}
          onChange={(e) => onChange(Number(e.currentTarget.value))}
          onKeyDown={(e) => {
            if (e.ctrlKey || e.metaKey || e.altKey) return;
            const typed = typeConfidence(pendingOne.current, e.key);
            pendingOne.current = typed?.pendingOne ?? false;
            if (!typed) return;
            e.preventDefault();
            onChange(typed.value);
            if (typed.complete) props.onComplete?.();
          }}
          onBlur={() => {
            pendingOne.current = false;
          }}
          aria-keyshortcuts="0 1 2 3 4 5 6 7 8 9"
          className="keel-confidence"
          style={{
            width,
            accentColor: unset ? "var(--mantine-color-dimmed)" : `var(--mantine-color-${color}-filled)`,
          }}
          data-testid="confidence-input"
        />
        <Text
          size="sm"
          fw={600}
          className="keel-num"
          w={22}
          ta="right"
          c={unset ? "dimmed" : `var(--mantine-color-${color}-text)`}
          title={unset ? "No confidence given yet" : `${value}/10: ${word}`}
          aria-hidden
        >
          {unset ? "–" : value}
        </Text>
      </Group>
    </div>
  );
}

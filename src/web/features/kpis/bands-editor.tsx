import { ActionIcon, Box, Button, Group, NumberInput, Stack, Text, TextInput, Tooltip } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { FIELDS_BY_DIRECTION } from "../../../domain/kpi/bands.ts";
import { useBreakpoints } from "../../lib/use-breakpoints.ts";
import {
  type BandDraft,
  type BandField,
  bandFieldLabels,
  bandOrderInWords,
  nextBand,
  toNumberDraft,
} from "./kpi-draft.ts";
import type { Kpi } from "./kpis-api.ts";

type Props = {
  direction: Kpi["direction"];
  rows: BandDraft[];
  errors: Record<string, ReactNode>;
  onChange: (rows: BandDraft[]) => void;
  /** "%", "h", "EUR": shown inside the number fields. */
  suffix: string;
};

const explanation: Record<Kpi["direction"], string> = {
  higher_is_better: "Green at or above the green threshold, red below the red one, amber between.",
  lower_is_better: "Green at or below the green threshold, red above the red one, amber between.",
  within_range: `Green inside the green range, red outside the red limits, amber between (${bandOrderInWords("within_range")}).`,
};

/**
 * The threshold series: one row per change, each in force from its date until the next
 * row's. Which thresholds a row asks for depends on the direction.
 */
export function BandsEditor({ direction, rows, errors, onChange, suffix }: Props) {
  const bp = useBreakpoints();
  const fields: BandField[] = ["target", ...FIELDS_BY_DIRECTION[direction]];
  const labels: Partial<Record<BandField, string>> = { target: "Target", ...bandFieldLabels[direction] };
  const set = (key: string, patch: Partial<BandDraft>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const sorted = [...rows].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const outOfOrder = sorted.some((r, i) => r.key !== rows[i]?.key);

  return (
    <Stack gap={6} data-testid="bands-editor">
      <Text size="xs" c="dimmed">
        {explanation[direction]} Each row applies from its date until the next one, so raising a target later
        keeps history judged by the thresholds of its time.
      </Text>
      {rows.map((row, index) => (
        <Box
          key={row.key}
          role="group"
          aria-label={`Thresholds from ${row.effectiveFrom || "a date to pick"}`}
          data-testid="band-row"
          p={6}
          style={{
            border: "1px solid var(--mantine-color-default-border)",
            borderRadius: "var(--mantine-radius-sm)",
          }}
        >
          <Group gap="xs" align="flex-start" wrap={bp.sm ? "nowrap" : "wrap"}>
            <TextInput
              label={index === 0 || !bp.sm ? "In force from" : undefined}
              aria-label={index === 0 || !bp.sm ? undefined : "In force from"}
              type="date"
              size="xs"
              w={140}
              value={row.effectiveFrom}
              onChange={(e) => set(row.key, { effectiveFrom: e.currentTarget.value })}
              error={errors[`band:${row.key}:effectiveFrom`]}
            />
            {fields.map((f) => (
              <NumberInput
                key={f}
                label={index === 0 || !bp.sm ? labels[f] : undefined}
                aria-label={index === 0 || !bp.sm ? undefined : labels[f]}
                size="xs"
                style={{ flex: "1 1 110px", minWidth: 96 }}
                value={row[f]}
                onChange={(v) => set(row.key, { [f]: toNumberDraft(v) })}
                decimalScale={6}
                hideControls
                placeholder={f === "target" ? "Optional" : undefined}
                rightSection={
                  suffix ? (
                    <Text size="xs" c="dimmed" pr={4}>
                      {suffix}
                    </Text>
                  ) : undefined
                }
                rightSectionWidth={suffix.length > 1 ? 36 : 24}
                error={errors[`band:${row.key}:${f}`]}
                data-band-field={f}
              />
            ))}
            <Tooltip label="Remove this row">
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`Remove thresholds from ${row.effectiveFrom || "this row"}`}
                mt={index === 0 || !bp.sm ? 22 : 2}
                onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
              >
                <IconTrash size={15} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Box>
      ))}
      {rows.length === 0 && (
        <Text size="xs" c="dimmed">
          No thresholds: the KPI gets no status colour and never escalates.
        </Text>
      )}
      <Group gap="xs">
        <Button
          variant="default"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...rows, nextBand(rows)])}
        >
          {rows.length === 0 ? "Add thresholds" : "Add a change of thresholds"}
        </Button>
        {outOfOrder && (
          <Button variant="subtle" size="xs" onClick={() => onChange(sorted)}>
            Sort by date
          </Button>
        )}
      </Group>
    </Stack>
  );
}

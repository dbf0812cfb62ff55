import { Group, Text } from "@mantine/core";
import { useCallback } from "react";
import type { ChartPalette } from "../../../shared/charts/chart-option.ts";
import {
  keyResultChartOption,
  keyResultChartSummary,
} from "../../../shared/charts/key-result-chart-option.ts";
import type { Forecast } from "../../../shared/schemas/okr-forecasts.ts";
import { EChart } from "../../components/echart.tsx";
import type { CheckIn, Cycle, KeyResult } from "../../lib/types.ts";
import { statusFill } from "../okrs/okr-format.ts";

type Props = {
  kr: KeyResult;
  checkIns: CheckIn[];
  cycle: Pick<Cycle, "startsOn" | "endsOn"> | null;
  /** Drawn dashed from the latest value to the cycle's end, with its 80 % band. */
  forecast?: Forecast | null | undefined;
};

const CONFIDENCE = "var(--mantine-color-violet-5)";

/**
 * A KR's value over the cycle (the option is built in
 * src/shared/charts/key-result-chart-option.ts): the value line in the status colour, the
 * pace line from start to target, the target, today, and confidence on its own 0–10
 * axis (right), and the forecast when there is one. Each dot names its check-in under the
 * pointer.
 */
export function CheckInChart({ kr, checkIns, cycle, forecast = null }: Props) {
  const startsOn = cycle?.startsOn;
  const endsOn = cycle?.endsOn;
  const option = useCallback(
    (palette: ChartPalette) =>
      keyResultChartOption({
        kr,
        checkIns,
        cycle: startsOn && endsOn ? { startsOn, endsOn } : null,
        palette,
        now: Date.now(),
        forecast,
      }),
    [kr, checkIns, startsOn, endsOn, forecast],
  );
  const target = kr.kind === "metric" ? kr.targetValue : 1;

  return (
    <figure style={{ margin: 0, maxWidth: 480 }} data-testid="check-in-chart">
      <EChart option={option} height={130} label={keyResultChartSummary(kr, checkIns)} />
      <Group gap="md" mt={2} component="figcaption">
        <Legend
          color={statusFill(kr.status)}
          label={kr.kind === "milestone" ? "Done or not" : "Value"}
          line
        />
        <Legend color={CONFIDENCE} label="Confidence (0–10, right)" />
        {target !== null && <Legend color="var(--mantine-color-dimmed)" label="Target and pace" dashed />}
        {forecast && (
          <Legend color="var(--mantine-primary-color-filled)" label="Forecast (80 % band)" dashed />
        )}
      </Group>
    </figure>
  );
}

function Legend({
  color,
  label,
  line,
  dashed,
}: {
  color: string;
  label: string;
  line?: boolean;
  dashed?: boolean;
}) {
  return (
    <Group gap={4} wrap="nowrap">
      <svg width={14} height={8} aria-hidden>
        {line || dashed ? (
          <line
            x1={0}
            x2={14}
            y1={4}
            y2={4}
            stroke={color}
            strokeWidth={2}
            strokeDasharray={dashed ? "3 2" : undefined}
          />
        ) : (
          <circle cx={7} cy={4} r={3} fill={color} />
        )}
      </svg>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Group>
  );
}

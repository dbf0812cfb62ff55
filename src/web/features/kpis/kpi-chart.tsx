import { Group, Text } from "@mantine/core";
import { useElementSize } from "@mantine/hooks";
import { useCallback } from "react";
import type { ChartPalette } from "../../../shared/charts/chart-option.ts";
import { kpiChartOption, kpiChartSummary } from "../../../shared/charts/kpi-chart-option.ts";
import { EChart } from "../../components/echart.tsx";
import type { Kpi, KpiSeries } from "./kpis-api.ts";

type Props = {
  kpi: Kpi;
  series: KpiSeries;
  /** The range asked for (ms); the chart starts shortly before the first value when that is later. */
  from: number;
  to: number;
};

const ZONE_FILL = {
  green: "var(--mantine-color-green-filled)",
  amber: "var(--mantine-color-yellow-filled)",
  red: "var(--mantine-color-red-filled)",
};

/**
 * A KPI over time (the option is built in src/shared/charts/kpi-chart-option.ts): bands
 * behind the value line, stepping where they changed, the target as a dashed step line,
 * status-coloured dots, and a tooltip that names the nearest period.
 */
export function KpiChart({ kpi, series, from, to }: Props) {
  // Lower on phones, where the same height would squash the line into a strip.
  const box = useElementSize();
  const height = box.width > 0 && box.width < 500 ? 200 : 260;
  const option = useCallback(
    (palette: ChartPalette) => kpiChartOption({ kpi, series, from, to, palette }),
    [kpi, series, from, to],
  );

  return (
    <figure ref={box.ref} style={{ margin: 0 }} data-testid="kpi-chart">
      <EChart option={option} height={height} label={kpiChartSummary(kpi, series)} />
      <Group gap="md" mt={4} component="figcaption" wrap="wrap">
        <Legend swatch={ZONE_FILL.green} label="Green band" />
        <Legend swatch={ZONE_FILL.amber} label="Amber band" />
        <Legend swatch={ZONE_FILL.red} label="Red band" />
        <Legend line="var(--mantine-primary-color-filled)" label="Value" />
        <Legend line="var(--mantine-color-text)" dashed label="Target" />
      </Group>
    </figure>
  );
}

function Legend({
  swatch,
  line,
  dashed,
  label,
}: {
  swatch?: string;
  line?: string;
  dashed?: boolean;
  label: string;
}) {
  return (
    <Group gap={4} wrap="nowrap">
      <svg width={16} height={10} aria-hidden>
        {swatch ? (
          <rect x={0} y={0} width={16} height={10} rx={2} fill={swatch} opacity={0.3} />
        ) : (
          <line
            x1={0}
            x2={16}
            y1={5}
            y2={5}
            stroke={line}
            strokeWidth={2}
            strokeDasharray={dashed ? "4 3" : undefined}
            opacity={dashed ? 0.7 : 1}
          />
        )}
      </svg>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Group>
  );
}

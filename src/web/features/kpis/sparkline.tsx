import { linearScale, linePath } from "../okrs/chart-scale.ts";
import { kpiStatusFill } from "./kpi-format.ts";
import type { KpiStatus } from "./kpis-api.ts";

type Props = {
  points: ReadonlyArray<{ periodStart: string; value: number }>;
  /** Colours the line and the last dot. */
  status: KpiStatus | null | undefined;
  /** The current target, drawn as a faint dashed line when it falls in range. */
  target?: number | null | undefined;
  label: string;
  width?: number;
  height?: number;
};

/**
 * The last periods (up to 52) as a small line: enough to see the shape, no axes. Periods
 * are evenly spaced because there is one value per period; a target inside the range is
 * a faint dashed line so the eye reads "above" or "below".
 */
export function Sparkline({ points, status, target, label, width = 140, height = 36 }: Props) {
  if (points.length === 0) {
    return (
      <svg width={width} height={height} role="img" aria-label={`${label}: no values yet`}>
        <line
          x1={0}
          x2={width}
          y1={height / 2}
          y2={height / 2}
          stroke="var(--mantine-color-default-border)"
          strokeDasharray="3 3"
        />
      </svg>
    );
  }
  const values = points.map((p) => p.value);
  let min = Math.min(...values);
  let max = Math.max(...values);
  // Include the target only when it is near, so a far target does not flatten the line.
  if (target !== null && target !== undefined && Number.isFinite(target)) {
    const span = Math.max(max - min, Math.abs(max) * 0.05, 1e-9);
    if (target >= min - span && target <= max + span) {
      min = Math.min(min, target);
      max = Math.max(max, target);
    } else target = null;
  }
  const pad = 3;
  const x = linearScale([0, Math.max(1, points.length - 1)], [pad, width - pad]);
  const y = linearScale([min, max], [height - pad, pad]);
  const d = linePath(points.map((p, i) => ({ x: x(i), y: y(p.value) })));
  const last = points[points.length - 1]!;
  const color = kpiStatusFill(status);
  return (
    <svg
      width="100%"
      viewBox={`0 0 ${width} ${height}`}
      style={{ maxWidth: width, display: "block" }}
      role="img"
      aria-label={`${label}: ${points.length} periods`}
      data-testid="sparkline"
    >
      {target !== null && target !== undefined && (
        <line
          x1={0}
          x2={width}
          y1={y(target)}
          y2={y(target)}
          stroke="var(--mantine-color-dimmed)"
          strokeDasharray="3 3"
          strokeWidth={1}
          opacity={0.6}
        />
      )}
      <path d={d} fill="none" stroke={color} strokeWidth={1.6} strokeLinejoin="round" />
      <circle cx={x(points.length - 1)} cy={y(last.value)} r={2.4} fill={color} />
    </svg>
  );
}

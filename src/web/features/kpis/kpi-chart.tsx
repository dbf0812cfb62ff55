import { Group, Text } from "@mantine/core";
import { useElementSize } from "@mantine/hooks";
import { type MouseEvent, useMemo, useRef, useState } from "react";
import { bandsInForce } from "../../../domain/kpi/bands.ts";
import { valueStatus } from "../../../domain/kpi/status.ts";
import { linearScale, linePath, niceDomain } from "../okrs/chart-scale.ts";
import {
  axisTicks,
  bandSegments,
  dayMs,
  domainValues,
  nearestIndex,
  paddedDomain,
  targetPath,
  timeDomain,
  timeTicks,
  zonesOf,
} from "./kpi-chart-geometry.ts";
import {
  formatKpiCompact,
  formatKpiValue,
  kpiStatusFill,
  kpiStatusLabels,
  periodName,
} from "./kpi-format.ts";
import type { Kpi, KpiSeries } from "./kpis-api.ts";

type Props = {
  kpi: Kpi;
  series: KpiSeries;
  /** The range asked for (ms); the chart starts shortly before the first value when that is later. */
  from: number;
  to: number;
};

const PAD = { left: 52, right: 12, top: 10, bottom: 22 };
const ZONE_FILL = {
  green: "var(--mantine-color-green-filled)",
  amber: "var(--mantine-color-yellow-filled)",
  red: "var(--mantine-color-red-filled)",
};
// Few enough points to dot each one with its status colour.
const DOT_LIMIT = 120;

/**
 * A KPI over time: the green, amber and red areas of the bands in force in each period
 * drawn behind the value line (bands change over time, so the areas step), the target as
 * a dashed step line, status-coloured dots, and a crosshair that names the nearest value.
 * Hand-written SVG: no chart library.
 */
export function KpiChart({ kpi, series, from, to }: Props) {
  // Drawn at the real width of its box, so text stays readable from phones to wide screens.
  const box = useElementSize();
  const width = Math.max(280, Math.round(box.width) || 880);
  const height = width < 500 ? 200 : 260;
  const ref = useRef<SVGSVGElement>(null);
  const [hover, setHover] = useState<number | null>(null);
  const points = useMemo(
    () =>
      [...series.points]
        .sort((a, b) => a.periodStart.localeCompare(b.periodStart))
        .map((p) => ({ ...p, t: dayMs(p.periodStart) })),
    [series.points],
  );
  const times = points.map((p) => p.t);
  const { x0, x1 } = timeDomain(times, from, to);
  const segments = bandSegments(series.bands, x0, x1 + 1);
  const domain = niceDomain(paddedDomain(domainValues(points, segments, kpi.direction)), 4);
  const x = linearScale([x0, x1], [PAD.left, width - PAD.right]);
  const y = linearScale(domain, [height - PAD.bottom, PAD.top]);
  const clampY = (v: number) => y(Math.min(domain[1], Math.max(domain[0], v)));
  const valuePath = linePath(points.map((p) => ({ x: x(p.t), y: y(p.value) })));
  const target = targetPath(segments, x, y);
  const statusOf = (p: { periodStart: string; value: number }) =>
    valueStatus(p.value, kpi.direction, bandsInForce(series.bands, p.periodStart));
  const last = points[points.length - 1];
  const hovered = hover === null ? null : (points[hover] ?? null);

  const onMove = (e: MouseEvent<SVGSVGElement>) => {
    const svg = ref.current;
    if (!svg || points.length === 0) return;
    const box = svg.getBoundingClientRect();
    const sx = ((e.clientX - box.left) / box.width) * width;
    const t = x0 + ((sx - PAD.left) / (width - PAD.left - PAD.right)) * (x1 - x0);
    setHover(nearestIndex(times, t));
  };

  const summary =
    points.length === 0
      ? `${kpi.name}: no values in this range`
      : `${kpi.name}: ${points.length} values from ${periodName(points[0]!.periodStart, kpi.frequency)} to ${periodName(last!.periodStart, kpi.frequency)}, latest ${formatKpiValue(last!.value, kpi)}`;

  return (
    <figure ref={box.ref} style={{ margin: 0, position: "relative" }} data-testid="kpi-chart">
      <svg
        ref={ref}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ display: "block", overflow: "visible" }}
        role="img"
        aria-label={summary}
        className="keel-chart"
        onMouseMove={onMove}
        onMouseLeave={() => setHover(null)}
      >
        {segments.map((s) =>
          zonesOf(kpi.direction, s.bands).map((z) => {
            const top = clampY(z.hi);
            const bottom = clampY(z.lo);
            if (bottom - top <= 0) return null;
            return (
              <rect
                key={`${s.bands.effectiveFrom}-${z.status}-${z.lo}`}
                x={x(s.from)}
                width={Math.max(0, x(s.to) - x(s.from))}
                y={top}
                height={bottom - top}
                fill={ZONE_FILL[z.status]}
                opacity={z.status === "green" ? 0.1 : z.status === "amber" ? 0.14 : 0.12}
                data-zone={z.status}
              />
            );
          }),
        )}
        {axisTicks(domain).map((t) => (
          <g key={t}>
            <line
              x1={PAD.left}
              x2={width - PAD.right}
              y1={y(t)}
              y2={y(t)}
              className="keel-chart-grid"
              strokeWidth={1}
              opacity={0.7}
            />
            <text x={PAD.left - 6} y={y(t) + 3} textAnchor="end">
              {formatKpiCompact(t, kpi)}
            </text>
          </g>
        ))}
        {timeTicks(x0, x1).map((tick) => (
          <text key={tick.t} x={x(tick.t)} y={height - 6} textAnchor="middle">
            {tick.label}
          </text>
        ))}
        {segments.slice(1).map((s) => (
          <line
            key={`edge-${s.bands.effectiveFrom}`}
            x1={x(s.from)}
            x2={x(s.from)}
            y1={PAD.top}
            y2={height - PAD.bottom}
            stroke="var(--mantine-color-dimmed)"
            strokeDasharray="1 3"
            opacity={0.4}
          >
            <title>Thresholds changed on {s.bands.effectiveFrom}</title>
          </line>
        ))}
        {target && (
          <path
            d={target}
            fill="none"
            stroke="var(--mantine-color-text)"
            strokeDasharray="6 4"
            strokeWidth={1.2}
            opacity={0.6}
            data-testid="kpi-chart-target"
          />
        )}
        {valuePath && (
          <path
            d={valuePath}
            fill="none"
            stroke="var(--mantine-primary-color-filled)"
            strokeWidth={1.8}
            strokeLinejoin="round"
          />
        )}
        {points.length <= DOT_LIMIT &&
          points.map((p) => (
            <circle
              key={p.periodStart}
              cx={x(p.t)}
              cy={y(p.value)}
              r={2.8}
              fill={kpiStatusFill(statusOf(p))}
              stroke="var(--mantine-color-body)"
              strokeWidth={1}
            />
          ))}
        {last && points.length > DOT_LIMIT && (
          <circle cx={x(last.t)} cy={y(last.value)} r={3.5} fill={kpiStatusFill(statusOf(last))} />
        )}
        {hovered && (
          <g pointerEvents="none">
            <line
              x1={x(hovered.t)}
              x2={x(hovered.t)}
              y1={PAD.top}
              y2={height - PAD.bottom}
              stroke="var(--mantine-color-text)"
              opacity={0.35}
            />
            <circle
              cx={x(hovered.t)}
              cy={y(hovered.value)}
              r={4.5}
              fill={kpiStatusFill(statusOf(hovered))}
              stroke="var(--mantine-color-body)"
              strokeWidth={1.5}
            />
          </g>
        )}
      </svg>
      {hovered && (
        <div
          data-testid="kpi-chart-tooltip"
          style={{
            position: "absolute",
            top: 0,
            left: `${(x(hovered.t) / width) * 100}%`,
            transform: x(hovered.t) > width * 0.7 ? "translateX(calc(-100% - 8px))" : "translateX(8px)",
            pointerEvents: "none",
            background: "var(--mantine-color-body)",
            border: "1px solid var(--mantine-color-default-border)",
            borderRadius: "var(--mantine-radius-sm)",
            boxShadow: "var(--mantine-shadow-sm)",
            padding: "4px 8px",
            whiteSpace: "nowrap",
          }}
        >
          <Text size="xs" c="dimmed">
            {periodName(hovered.periodStart, kpi.frequency)}
          </Text>
          <Text size="sm" fw={600} className="keel-num">
            {formatKpiValue(hovered.value, kpi)}{" "}
            <Text span size="xs" c="dimmed" fw={400}>
              {kpiStatusLabels[statusOf(hovered) ?? "none"]}
            </Text>
          </Text>
          {bandsInForce(series.bands, hovered.periodStart)?.target != null && (
            <Text size="xs" c="dimmed" className="keel-num">
              Target {formatKpiValue(bandsInForce(series.bands, hovered.periodStart)?.target, kpi)}
            </Text>
          )}
        </div>
      )}
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

import { Group, Text } from "@mantine/core";
import { formatDate } from "../../lib/format.ts";
import type { CheckIn, Cycle, KeyResult } from "../../lib/types.ts";
import { checkInSeries, linearScale, linePath, niceDomain, ticksOf } from "../okrs/chart-scale.ts";
import { formatValue, statusFill } from "../okrs/okr-format.ts";

type Props = {
  kr: KeyResult;
  checkIns: CheckIn[];
  cycle: Pick<Cycle, "startsOn" | "endsOn"> | null;
  width?: number;
  height?: number;
};

const PAD = { left: 38, right: 24, top: 10, bottom: 18 };
const DAY = 86_400_000;
const CONFIDENCE = "var(--mantine-color-violet-5)";

/**
 * A KR's value over the cycle, drawn small: the value line (in the status colour), the
 * pace line from start to target, the target, today, and confidence as a second series
 * of dots on its own 0–10 scale (right). Inline SVG: no chart library needed for this.
 */
export function CheckInChart({ kr, checkIns, cycle, width = 360, height = 120 }: Props) {
  const cycleStart = cycle ? Date.parse(`${cycle.startsOn}T00:00:00Z`) : null;
  const cycleEnd = cycle ? Date.parse(`${cycle.endsOn}T00:00:00Z`) + DAY : null;
  const points = checkInSeries(kr, checkIns, cycleStart);
  const times = points.map((p) => p.t);
  const x0 = cycleStart ?? Math.min(...times, Date.now());
  const x1 = cycleEnd ?? Math.max(...times, Date.now());
  const target = kr.kind === "metric" ? kr.targetValue : kr.kind === "percentage" ? 100 : 1;
  const start = kr.kind === "metric" ? kr.startValue : 0;
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  const domain: [number, number] =
    kr.kind === "milestone"
      ? [0, 1]
      : kr.kind === "percentage"
        ? [0, 100]
        : niceDomain([...values, ...(start !== null ? [start] : []), ...(target !== null ? [target] : [])]);
  const x = linearScale([x0, x1], [PAD.left, width - PAD.right]);
  const y = linearScale(domain, [height - PAD.bottom, PAD.top]);
  const yc = linearScale([0, 10], [height - PAD.bottom, PAD.top]);
  const ticks = kr.kind === "milestone" ? [0, 1] : ticksOf(domain, 3);
  const now = Date.now();
  const color = statusFill(kr.status);
  const valuePath = linePath(points.map((p) => ({ x: x(p.t), y: p.value === null ? null : y(p.value) })));
  const confidencePoints = points.filter((p) => p.confidence !== null);
  const confidencePath = linePath(confidencePoints.map((p) => ({ x: x(p.t), y: yc(p.confidence ?? 0) })));
  const tickLabel = (v: number) =>
    kr.kind === "milestone" ? (v === 1 ? "Done" : "Open") : kr.kind === "percentage" ? `${v}%` : compact(v);
  const lastValue = values[values.length - 1];
  const summary =
    checkIns.length === 0
      ? `No check-ins on ${kr.title} yet`
      : `${kr.title}: ${checkIns.length} check-ins, latest value ${
          kr.kind === "milestone" ? (lastValue === 1 ? "done" : "not done") : formatValue(lastValue, kr.unit)
        }, latest confidence ${confidencePoints[confidencePoints.length - 1]?.confidence ?? "none"} of 10`;

  return (
    <figure style={{ margin: 0 }} data-testid="check-in-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: width, display: "block", overflow: "visible" }}
        role="img"
        aria-label={summary}
        className="keel-chart"
      >
        {ticks.map((t) => (
          <g key={t}>
            <line
              x1={PAD.left}
              x2={width - PAD.right}
              y1={y(t)}
              y2={y(t)}
              className="keel-chart-grid"
              strokeWidth={1}
            />
            <text x={PAD.left - 5} y={y(t) + 3} textAnchor="end">
              {tickLabel(t)}
            </text>
          </g>
        ))}
        <text x={width - PAD.right + 5} y={yc(10) + 3}>
          10
        </text>
        <text x={width - PAD.right + 5} y={yc(0) + 3}>
          0
        </text>
        {cycleStart !== null &&
          cycleEnd !== null &&
          start !== null &&
          target !== null &&
          kr.kind !== "milestone" && (
            <line
              x1={x(cycleStart)}
              y1={y(start)}
              x2={x(cycleEnd)}
              y2={y(target)}
              stroke="var(--mantine-color-dimmed)"
              strokeDasharray="2 3"
              strokeWidth={1}
              opacity={0.7}
            >
              <title>Pace: where the value should be to reach the target on time</title>
            </line>
          )}
        {target !== null && (
          <line
            x1={PAD.left}
            x2={width - PAD.right}
            y1={y(target)}
            y2={y(target)}
            stroke="var(--mantine-color-text)"
            strokeDasharray="5 3"
            strokeWidth={1}
            opacity={0.45}
          >
            <title>Target {kr.kind === "metric" ? formatValue(target, kr.unit) : ""}</title>
          </line>
        )}
        {now >= x0 && now <= x1 && (
          <line
            x1={x(now)}
            x2={x(now)}
            y1={PAD.top}
            y2={height - PAD.bottom}
            stroke="var(--mantine-color-dimmed)"
            strokeWidth={1}
            opacity={0.5}
          >
            <title>Today</title>
          </line>
        )}
        {confidencePath && (
          <path d={confidencePath} fill="none" stroke={CONFIDENCE} strokeWidth={1} opacity={0.5} />
        )}
        {valuePath && (
          <path d={valuePath} fill="none" stroke={color} strokeWidth={2} strokeLinejoin="round" />
        )}
        {points.map((p) =>
          p.value === null ? null : (
            <circle
              key={`v${p.t}`}
              cx={x(p.t)}
              cy={y(p.value)}
              r={3}
              fill="var(--mantine-color-body)"
              stroke={color}
              strokeWidth={1.5}
            >
              <title>
                {formatDate(new Date(p.t).toISOString())}:{" "}
                {kr.kind === "milestone"
                  ? p.value === 1
                    ? "done"
                    : "not done"
                  : formatValue(p.value, kr.kind === "percentage" ? "%" : kr.unit)}
                {p.note ? ` · ${p.note}` : ""}
              </title>
            </circle>
          ),
        )}
        {confidencePoints.map((p) => (
          <circle key={`c${p.t}`} cx={x(p.t)} cy={yc(p.confidence ?? 0)} r={2.2} fill={CONFIDENCE}>
            <title>
              {formatDate(new Date(p.t).toISOString())}: confidence {p.confidence}/10
            </title>
          </circle>
        ))}
        {cycle && (
          <>
            <text x={PAD.left} y={height - 4}>
              {shortDate(cycle.startsOn)}
            </text>
            <text x={width - PAD.right} y={height - 4} textAnchor="end">
              {shortDate(cycle.endsOn)}
            </text>
          </>
        )}
      </svg>
      <Group gap="md" mt={2} component="figcaption">
        <Legend color={color} label={kr.kind === "milestone" ? "Done or not" : "Value"} line />
        <Legend color={CONFIDENCE} label="Confidence (0–10, right)" />
        {target !== null && <Legend color="var(--mantine-color-dimmed)" label="Target and pace" dashed />}
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

const short = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", timeZone: "UTC" });
function shortDate(iso: string): string {
  return short.format(new Date(`${iso}T00:00:00Z`));
}

function compact(v: number): string {
  const abs = Math.abs(v);
  if (abs >= 1_000_000) return `${Math.round(v / 100_000) / 10}M`;
  if (abs >= 10_000) return `${Math.round(v / 100) / 10}k`;
  return String(Math.round(v * 100) / 100);
}

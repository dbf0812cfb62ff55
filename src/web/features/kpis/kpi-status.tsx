import {
  IconAlertTriangle,
  IconArrowNarrowRight,
  IconCircleCheck,
  IconCircleDashed,
  IconCircleX,
  IconClockQuestion,
  IconTrendingDown,
  IconTrendingUp,
} from "@tabler/icons-react";
import type { ReactNode } from "react";
import { StatusBadge } from "../../components/status-badge.tsx";
import {
  kpiStatusColors,
  kpiStatusExplanations,
  kpiStatusFill,
  kpiStatusLabels,
  trendLabel,
} from "./kpi-format.ts";
import type { Kpi, KpiStatus } from "./kpis-api.ts";

type AnyStatus = KpiStatus | "none";

const icons: Record<AnyStatus, (size: number) => ReactNode> = {
  green: (s) => <IconCircleCheck size={s} />,
  amber: (s) => <IconAlertTriangle size={s} />,
  red: (s) => <IconCircleX size={s} />,
  no_data: (s) => <IconClockQuestion size={s} />,
  none: (s) => <IconCircleDashed size={s} />,
};

/** null (no bands) reads "No bands". */
export function statusKey(status: KpiStatus | null | undefined): AnyStatus {
  return status ?? "none";
}

/** A KPI status: icon, word and colour together. */
export function KpiStatusBadge({ status }: { status: KpiStatus | null | undefined }) {
  const key = statusKey(status);
  return (
    <span data-testid="kpi-status" data-status={key} style={{ display: "inline-flex" }}>
      <StatusBadge color={kpiStatusColors[key]} icon={icons[key](12)} title={kpiStatusExplanations[key]}>
        {kpiStatusLabels[key]}
      </StatusBadge>
    </span>
  );
}

/** Just the icon in the status colour, named for screen readers and on hover. */
export function KpiStatusIcon({
  status,
  size = 15,
}: {
  status: KpiStatus | null | undefined;
  size?: number;
}) {
  const key = statusKey(status);
  return (
    <span
      role="img"
      aria-label={kpiStatusLabels[key]}
      title={kpiStatusLabels[key]}
      data-status={key}
      style={{ display: "inline-flex", color: kpiStatusFill(key), flexShrink: 0 }}
    >
      {icons[key](size)}
    </span>
  );
}

/**
 * Where the KPI is heading: an arrow up, down or flat, green when that is an improvement
 * and red when it is not (grey when neither: flat, or a keep-within-range KPI).
 */
export function TrendArrow({
  kpi,
  size = 16,
}: {
  kpi: Pick<Kpi, "trend" | "frequency" | "unit" | "decimals" | "currency">;
  size?: number;
}) {
  const { direction, improving } = kpi.trend;
  const color =
    improving === true
      ? "var(--mantine-color-green-filled)"
      : improving === false
        ? "var(--mantine-color-red-filled)"
        : "var(--mantine-color-dimmed)";
  const Icon =
    direction === "up" ? IconTrendingUp : direction === "down" ? IconTrendingDown : IconArrowNarrowRight;
  const label = trendLabel(kpi);
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      data-testid="kpi-trend"
      data-direction={direction}
      style={{ display: "inline-flex", color, flexShrink: 0 }}
    >
      <Icon size={size} stroke={2} />
    </span>
  );
}

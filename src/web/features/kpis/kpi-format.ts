import { greenBounds } from "../../../domain/kpi/bands.ts";
import { formatKpiCompact, formatKpiValue, periodName } from "../../../shared/kpi-format.ts";
import type { Kpi, KpiStatus } from "./kpis-api.ts";

type Unit = Pick<Kpi, "unit" | "decimals" | "currency">;

export { formatKpiCompact, formatKpiValue, periodName };

/** What a unit means in a field's hint ("hours", "%"). */
export function unitSuffix(unit: Unit): string {
  if (unit.unit === "percent") return "%";
  if (unit.unit === "duration") return "h";
  if (unit.unit === "currency") return unit.currency ?? "";
  return "";
}

/** Status words: colour is never the only sign. Red-amber-green is what KPI owners say. */
export const kpiStatusLabels: Record<KpiStatus | "none", string> = {
  green: "Green",
  amber: "Amber",
  red: "Red",
  no_data: "No data",
  none: "No bands",
};

export const kpiStatusColors: Record<KpiStatus | "none", string> = {
  green: "green",
  amber: "yellow",
  red: "red",
  no_data: "gray",
  none: "gray",
};

export const kpiStatusExplanations: Record<KpiStatus | "none", string> = {
  green: "Inside the target band",
  amber: "Between the target band and the red threshold",
  red: "Beyond the red threshold",
  no_data: "The latest due period has no value yet",
  none: "No thresholds set, so no colour",
};

/** The CSS colour of a status for lines, dots and card edges (grey stays visible in dark mode). */
export function kpiStatusFill(status: KpiStatus | "none" | null | undefined): string {
  if (!status || status === "none" || status === "no_data") return "var(--mantine-color-dimmed)";
  return `var(--mantine-color-${kpiStatusColors[status]}-filled)`;
}

export const directionLabels: Record<Kpi["direction"], string> = {
  higher_is_better: "Higher is better",
  lower_is_better: "Lower is better",
  within_range: "Keep within a range",
};

export const frequencyLabels: Record<Kpi["frequency"], string> = {
  daily: "Daily",
  weekly: "Weekly",
  monthly: "Monthly",
  quarterly: "Quarterly",
};

/** How a unit's periods usually roll up: flows add up, rates and levels do not. */
export const defaultAggregation: Record<Kpi["unit"], Kpi["aggregation"]> = {
  number: "sum",
  count: "sum",
  currency: "sum",
  percent: "average",
  duration: "average",
};

/** "per week": the unit of a trend's slope. */
export const perPeriod: Record<Kpi["frequency"], string> = {
  daily: "per day",
  weekly: "per week",
  monthly: "per month",
  quarterly: "per quarter",
};

/** The period of a frequency as a noun: "week". */
export const periodNoun: Record<Kpi["frequency"], string> = {
  daily: "day",
  weekly: "week",
  monthly: "month",
  quarterly: "quarter",
};

export const aggregationLabels: Record<Kpi["aggregation"], string> = {
  sum: "Sum",
  average: "Average",
  last: "Last value",
  min: "Minimum",
  max: "Maximum",
};

export const unitLabels: Record<Kpi["unit"], string> = {
  number: "Number",
  count: "Count",
  currency: "Currency",
  percent: "Percent (0–100)",
  duration: "Duration (hours)",
};

export const sourceLabels: Record<string, string> = {
  manual: "By hand",
  import: "CSV import",
  api: "API",
  formula: "Formula",
  connector: "Connector",
};

/** The target of the bands in force, in words: "Target €1.2M" or the green range. */
export function targetLabel(kpi: Pick<Kpi, "bandsInForce" | "direction" | "unit" | "decimals" | "currency">) {
  const b = kpi.bandsInForce;
  if (!b) return "No target yet";
  if (b.target !== null) return `Target ${formatKpiValue(b.target, kpi)}`;
  const { min, max } = greenBounds(kpi.direction);
  const low = min ? b[min] : null;
  const high = max ? b[max] : null;
  if (min && max) {
    return low !== null && high !== null
      ? `Green ${formatKpiValue(low, kpi)}–${formatKpiValue(high, kpi)}`
      : "No target yet";
  }
  if (low !== null) return `Green at ${formatKpiValue(low, kpi)} or more`;
  if (high !== null) return `Green at ${formatKpiValue(high, kpi)} or less`;
  return "No target yet";
}

/** The trend in words: "Rising, improving: +2.5 per week". */
export function trendLabel(kpi: Pick<Kpi, "trend" | "frequency" | "unit" | "decimals" | "currency">): string {
  const { direction, slope, improving } = kpi.trend;
  if (direction === "flat") return "Flat over the last periods";
  const verb = direction === "up" ? "Rising" : "Falling";
  const judgement = improving === null ? "" : improving ? ", improving" : ", worsening";
  const sign = slope > 0 ? "+" : slope < 0 ? "−" : "";
  // Small slopes need a decimal more than the values to show at all.
  const decimals = Math.abs(slope) >= 100 ? kpi.decimals : Math.max(kpi.decimals, 1);
  const step = formatKpiValue(Math.abs(slope), { ...kpi, decimals });
  return `${verb}${judgement}: ${sign}${step} ${perPeriod[kpi.frequency]}`;
}

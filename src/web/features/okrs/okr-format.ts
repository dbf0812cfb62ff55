import type { KeyResult, KeyResultKind, OkrStatus } from "../../lib/types.ts";

/** Status words, as PRODUCT.md names them; colour never stands alone. */
export const statusLabels: Record<OkrStatus, string> = {
  on_track: "On track",
  at_risk: "At risk",
  off_track: "Off track",
  stale: "Stale",
  not_started: "Not started",
  draft: "Draft",
};

/** Green on track, amber at risk, red off track, grey stale or not started. */
export const statusColors: Record<OkrStatus, string> = {
  on_track: "green",
  at_risk: "yellow",
  off_track: "red",
  stale: "gray",
  not_started: "gray",
  draft: "gray",
};

/**
 * The CSS colour that fills bars and lines of a status. Grey uses the "dimmed" text
 * colour, which stays visible on dark backgrounds (Mantine's filled grey does not).
 */
export function statusFill(status: OkrStatus | undefined): string {
  if (!status) return "var(--mantine-primary-color-filled)";
  const color = statusColors[status];
  return color === "gray" ? "var(--mantine-color-dimmed)" : `var(--mantine-color-${color}-filled)`;
}

export const kindLabels: Record<KeyResultKind, string> = {
  metric: "Metric",
  milestone: "Milestone",
  percentage: "Percentage complete",
};

/**
 * Progress as people read it: uncapped ("130 %", "−25 %"), whole percents, "–" when the
 * KR is not measurable. A normal space before % (PRODUCT.md writes "130 %").
 */
export function formatProgress(progress: number | null | undefined): string {
  if (progress === null || progress === undefined || !Number.isFinite(progress)) return "–";
  const pct = Math.round(progress * 100);
  return `${pct < 0 ? "−" : ""}${Math.abs(pct)} %`;
}

const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** A KR value with its unit: "93.9 %", "370 ms", "3" (no unit). */
export function formatValue(value: number | null | undefined, unit = ""): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  const text = numberFormat.format(value);
  if (!unit) return text;
  return unit === "%" ? `${text} %` : `${text} ${unit}`;
}

/** Where a KR stands, in one short phrase: "93.9 %", "Done", "70 % complete". */
export function currentLabel(
  kr: Pick<KeyResult, "kind" | "currentValue" | "startValue" | "done" | "unit">,
): string {
  if (kr.kind === "milestone") return kr.done ? "Done" : "Not done";
  if (kr.kind === "percentage") return `${formatValue(kr.currentValue ?? 0)} % complete`;
  return formatValue(kr.currentValue ?? kr.startValue, kr.unit);
}

/** Where a KR stands and where it goes: "93.9 % now · 91 % → 97 %"; the kind's phrase otherwise. */
export function standingLabel(
  kr: Pick<KeyResult, "kind" | "currentValue" | "startValue" | "targetValue" | "done" | "unit">,
): string {
  if (kr.kind !== "metric") return currentLabel(kr);
  return `${currentLabel(kr)} now · ${definitionLabel(kr)}`;
}

/** The KR's definition: "91 % → 97 %" for metrics, the kind otherwise. */
export function definitionLabel(kr: Pick<KeyResult, "kind" | "startValue" | "targetValue" | "unit">): string {
  if (kr.kind !== "metric") return kindLabels[kr.kind];
  if (kr.startValue === null || kr.targetValue === null) return "Metric without a target yet";
  return `${formatValue(kr.startValue, kr.unit)} → ${formatValue(kr.targetValue, kr.unit)}`;
}

/** Confidence 0–10 as a word too, so the number is never read without meaning. */
export function confidenceLabel(confidence: number | null): string {
  if (confidence === null) return "No confidence yet";
  if (confidence >= 7) return `${confidence}/10 confident`;
  if (confidence >= 4) return `${confidence}/10 unsure`;
  return `${confidence}/10 doubtful`;
}

/**
 * The final score Keel suggests (the server's rule): progress clamped to 0–1 and rounded
 * to one decimal, so 0.66 → 0.7 and 1.3 → 1.0; null when the KR is not measurable.
 */
export function suggestedScore(progress: number | null): number | null {
  if (progress === null || !Number.isFinite(progress)) return null;
  const clamped = Math.min(1, Math.max(0, progress));
  return Math.round(clamped * 10) / 10;
}

/** The server asks for a comment when a score is 0.05 or more away from the suggestion. */
export function scoreNeedsComment(score: number | null, suggested: number | null): boolean {
  if (score === null || suggested === null) return false;
  return Math.abs(score - suggested) >= 0.05 - 1e-9;
}

/** Weights an Objective's parents use up: what is left to give, never below 0 (sum ≤ 1). */
export function remainingWeight(weights: ReadonlyArray<number | null | undefined>): number {
  const used = weights.reduce<number>(
    (sum, w) => sum + (typeof w === "number" && Number.isFinite(w) ? w : 0),
    0,
  );
  return Math.max(0, Math.round((1 - used) * 100) / 100);
}

/** Whether the weights overshoot 1 (with float noise forgiven). */
export function weightsTooHigh(weights: ReadonlyArray<number | null | undefined>): boolean {
  const used = weights.reduce<number>(
    (sum, w) => sum + (typeof w === "number" && Number.isFinite(w) ? w : 0),
    0,
  );
  return used > 1 + 1e-9;
}

/** A score as graded: "0.7", "1.0". */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined) return "–";
  return score.toFixed(score * 10 === Math.round(score * 10) ? 1 : 2);
}

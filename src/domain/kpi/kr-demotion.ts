/**
 * Turning a metric Key Result that proved to be a standing metric into a KPI: which way
 * it is better, which KPI unit its unit text means, the bands its target suggests, and
 * which of its check-ins become the KPI's values (the last one of each KPI period, in the
 * organisation's calendar). Pure, so the web form proposes what the API will do.
 */
import { todayIn } from "../dates.ts";
import { periodStartOf } from "./periods.ts";
import type { Frequency, PeriodOptions } from "./types.ts";

export type KpiUnit = "number" | "currency" | "percent" | "duration" | "count";

/** A KR whose target lies below its start is a decreasing one: lower is better. */
export function directionOfKeyResult(start: number | null, target: number | null) {
  return start !== null && target !== null && target < start ? "lower_is_better" : "higher_is_better";
}

/** The KPI unit a KR's free-text unit most likely means ("%" percent, "€" currency, "h" duration…). */
export function kpiUnitOfText(text: string): { unit: KpiUnit; currency: string | null } {
  const t = text.trim().toLowerCase();
  if (t === "%" || t.includes("percent") || t === "pct") return { unit: "percent", currency: null };
  const currencies: Array<[RegExp, string]> = [
    [/€|\beur\b|euro/, "EUR"],
    [/\$|\busd\b|dollar/, "USD"],
    [/£|\bgbp\b|pound/, "GBP"],
  ];
  for (const [pattern, code] of currencies) if (pattern.test(t)) return { unit: "currency", currency: code };
  if (/^(h|hrs?|hours?|min|minutes?|days?)$/.test(t)) return { unit: "duration", currency: null };
  if (t === "") return { unit: "number", currency: null };
  return { unit: "count", currency: null };
}

/** A KPI key from a title: lower case, words joined by "_", starting with a letter, at most 63 characters. */
export function suggestKpiKey(title: string): string {
  const words = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter((w) => w !== "");
  let key = words.join("_").slice(0, 63).replace(/_+$/, "");
  if (!/^[a-z]/.test(key)) key = `kpi_${key}`.slice(0, 63).replace(/_+$/, "");
  return key === "kpi_" || key === "" ? "kpi" : key;
}

export type ProposedBands = {
  target: number;
  greenMin: number | null;
  greenMax: number | null;
  redMin: number | null;
  redMax: number | null;
};

/**
 * Bands around the KR's target: the target itself, green from a step short of it and red
 * beyond two steps, where a step is a quarter of the distance the KR set out to cover (5 %
 * of the target when it covered none, or 1 for a target of 0).
 */
export function proposedBands(
  direction: "higher_is_better" | "lower_is_better",
  start: number | null,
  target: number,
): ProposedBands {
  const covered = start === null ? 0 : Math.abs(target - start);
  const raw = covered > 0 ? covered / 4 : Math.abs(target) * 0.05 || 1;
  const step = roundNicely(raw);
  // Twelve significant digits drop the binary noise of 95 - 3.3 without moving any real value.
  const at = (n: number) => Number(n.toPrecision(12));
  return direction === "higher_is_better"
    ? { target, greenMin: at(target - step), redMin: at(target - 2 * step), greenMax: null, redMax: null }
    : { target, greenMax: at(target + step), redMax: at(target + 2 * step), greenMin: null, redMin: null };
}

/** Two significant digits: a threshold people would write themselves. */
function roundNicely(n: number): number {
  return Number(n.toPrecision(2));
}

export type CheckInValue = { at: Date; value: number };

/**
 * The KPI value of each period that has check-ins: the last check-in of the period (by
 * when it was made, in the organisation's time zone), periods oldest first.
 */
export function measurementsFromCheckIns(
  checkIns: readonly CheckInValue[],
  frequency: Frequency,
  calendar: { timeZone: string; opts: PeriodOptions },
): Array<{ periodStart: string; value: number; at: Date }> {
  const last = new Map<string, CheckInValue>();
  for (const c of checkIns) {
    const period = periodStartOf(todayIn(calendar.timeZone, c.at), frequency, calendar.opts);
    const held = last.get(period);
    if (!held || held.at.getTime() <= c.at.getTime()) last.set(period, c);
  }
  return [...last]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([periodStart, c]) => ({ periodStart, value: c.value, at: c.at }));
}

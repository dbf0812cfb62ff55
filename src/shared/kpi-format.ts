/** KPI values as people read them, for the web app and for texts Keel writes (escalation timelines). */

export type KpiUnitFormat = {
  unit: "number" | "currency" | "percent" | "duration" | "count";
  decimals: number;
  currency: string | null;
};

export type KpiFrequency = "daily" | "weekly" | "monthly" | "quarterly";

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A cached Intl.NumberFormat: building one costs far more than formatting with it. */
export function numberFormat(options: Intl.NumberFormatOptions, locale?: string): Intl.NumberFormat {
  const key = `${locale ?? ""}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * A KPI value by the KPI's unit and decimals: "€1,240,000", "93.5 %", "4.5 h", "1,204";
 * "–" when there is no value. `locale` undefined: the reader's (the browser's).
 */
export function formatKpiValue(
  value: number | null | undefined,
  unit: KpiUnitFormat,
  locale?: string,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  const digits = Math.max(0, Math.min(6, unit.decimals));
  const fixed = { minimumFractionDigits: digits, maximumFractionDigits: digits };
  switch (unit.unit) {
    case "currency":
      if (unit.currency) {
        try {
          return numberFormat({ style: "currency", currency: unit.currency, ...fixed }, locale).format(value);
        } catch {
          // An unknown code: the number with the code after it.
        }
        return `${numberFormat(fixed, locale).format(value)} ${unit.currency}`;
      }
      return numberFormat(fixed, locale).format(value);
    case "percent":
      return `${numberFormat(fixed, locale).format(value)} %`;
    case "duration":
      return `${numberFormat(fixed, locale).format(value)} h`;
    default:
      return numberFormat(fixed, locale).format(value);
  }
}

/** Short form for axes and tight spots: "1.2M", "45k", "93.5 %". */
export function formatKpiCompact(value: number, unit: KpiUnitFormat): string {
  const abs = Math.abs(value);
  let text: string;
  if (abs >= 1_000_000_000) text = `${trim(value / 1_000_000_000)}B`;
  else if (abs >= 1_000_000) text = `${trim(value / 1_000_000)}M`;
  else if (abs >= 10_000) text = `${trim(value / 1_000)}k`;
  else
    text = numberFormat({
      maximumFractionDigits: Math.min(2, Math.max(unit.decimals, abs < 10 ? 2 : 0)),
    }).format(value);
  if (unit.unit === "percent") return `${text} %`;
  if (unit.unit === "duration") return `${text} h`;
  if (unit.unit === "currency" && unit.currency) return `${currencySymbol(unit.currency)}${text}`;
  return text;
}

function trim(n: number): string {
  return String(Math.round(n * 10) / 10);
}

function currencySymbol(code: string): string {
  try {
    const parts = numberFormat({
      style: "currency",
      currency: code,
      currencyDisplay: "narrowSymbol",
    }).formatToParts(0);
    return parts.find((p) => p.type === "currency")?.value ?? "";
  } catch {
    return "";
  }
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * A period by its start and the KPI's frequency: "5 Oct 2026", "Week of 5 Oct 2026",
 * "Oct 2026", "Oct–Dec 2026". Quarters are named by their months, which stays right for
 * any fiscal year start.
 */
export function periodName(periodStart: string, frequency: KpiFrequency): string {
  const [y, m, d] = periodStart.split("-").map(Number) as [number, number, number];
  const month = MONTHS[m - 1] ?? "";
  switch (frequency) {
    case "daily":
      return `${d} ${month} ${y}`;
    case "weekly":
      return `Week of ${d} ${month} ${y}`;
    case "monthly":
      return `${month} ${y}`;
    case "quarterly": {
      const endIndex = (m + 1) % 12;
      const endYear = m + 2 > 12 ? y + 1 : y;
      return endYear === y
        ? `${month}–${MONTHS[endIndex]} ${y}`
        : `${month} ${y}–${MONTHS[endIndex]} ${endYear}`;
    }
  }
}

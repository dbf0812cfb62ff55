/** KPI values as people read them, for the web app and for texts Keel writes (escalation timelines). */

export type KpiUnitFormat = {
  unit: "number" | "currency" | "percent" | "duration" | "count";
  decimals: number;
  currency: string | null;
};

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

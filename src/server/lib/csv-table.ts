/**
 * CSV as RFC 4180 writes it, made safe to open in a spreadsheet. Keel's exports hold text
 * that people typed (titles, notes, names), and a spreadsheet runs a cell that begins with
 * `=`, `+`, `-` or `@` as a formula (tab and carriage return can smuggle one in too), so
 * such a text cell gets a single quote in front ("formula neutralisation"). Numbers are
 * written as numbers, negative ones included: they are values, not text.
 */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A text cell that a spreadsheet could read as a formula, with a quote in front. */
export function neutralised(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One cell: text neutralised and quoted when it holds a comma, a quote or a line break. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = neutralised(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole table: a header line, then one line per row, each ended by CRLF (RFC 4180). */
export function csvTable(headers: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  return [headers, ...rows].map((row) => `${row.map(csvCell).join(",")}\r\n`).join("");
}

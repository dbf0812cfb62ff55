import { parse } from "csv-parse/sync";

/** A data row of a KPI values file: its fields by column name, and the line it starts on. */
export type CsvValueRow = { line: number; get: (column: string) => string };

/**
 * Reads a CSV of KPI values (header row first; columns found by name, any order, case
 * ignored). Line numbers are the file's own, as an editor shows them: the header is line
 * 1, and empty lines and quoted fields spanning several lines are counted.
 * Throws an Error saying what is wrong when the text is not CSV.
 */
export function readCsvValues(text: string): { columns: string[]; rows: CsvValueRow[] } {
  const records = parse(text, {
    skip_empty_lines: true,
    trim: true,
    relax_column_count: true,
    bom: true,
    info: true,
  }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  const [header, ...data] = records;
  const columns = (header?.record ?? []).map((h) => h.toLowerCase());
  // info.lines is the line a record ends on; it starts that many lines earlier than its
  // own line breaks (a quoted field may hold some).
  const rows = data.map(({ record, info }) => {
    const ownBreaks = record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);
    return {
      line: info.lines - ownBreaks,
      get: (column: string) => record[columns.indexOf(column)]?.trim() ?? "",
    };
  });
  return { columns, rows };
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A plain decimal number as people write it in a file ("12", "-3.5", "1e6"); null for
 * anything else, including hex ("0x10"), thousands separators and decimal commas, which
 * `Number` would read differently or not at all.
 */
export function parseDecimal(raw: string): number | null {
  if (!DECIMAL.test(raw)) return null;
  const value = Number(raw);
  return Number.isFinite(value) && Math.abs(value) < 1e15 ? value : null;
}

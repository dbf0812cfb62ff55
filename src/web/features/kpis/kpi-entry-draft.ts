import type { NumberDraft } from "./kpi-draft.ts";
import { formatKpiValue } from "./kpi-format.ts";
import type { EntryItem, MeasurementInput } from "./kpis-api.ts";

/** What is typed into one row of the enter-values form. */
export type EntryRow = { value: NumberDraft; note: string };

/** Drafts are kept per KPI and period: after a save the form may move on to the next period. */
export function entryKey(item: Pick<EntryItem, "periodStart"> & { kpi: { id: string } }): string {
  return `${item.kpi.id}|${item.periodStart}`;
}

/** A row starts from the value the period already has (or empty). */
export function initialEntry(item: EntryItem): EntryRow {
  return { value: item.value ?? "", note: "" };
}

/** Only rows whose value differs from what is stored are saved. */
export function isChanged(item: EntryItem, row: EntryRow): boolean {
  return row.value !== (item.value ?? "");
}

/** Changing a value the period already has is a correction: the old one goes to history. */
export function isCorrection(item: EntryItem, row: EntryRow): boolean {
  return item.value !== null && row.value !== "" && row.value !== item.value;
}

/** Why a changed row cannot be saved yet, or null. */
export function entryProblem(item: EntryItem, row: EntryRow): string | null {
  if (!isChanged(item, row)) return null;
  if (row.value === "")
    return `A value cannot be removed, only corrected: enter the right number (it is ${formatKpiValue(item.value, item.kpi)}), or reset the row.`;
  if (isCorrection(item, row) && !row.note.trim())
    return `This corrects ${formatKpiValue(item.value, item.kpi)}: say why in the note.`;
  return null;
}

/** The request of a changed row: any day of the period will do, so its first day. */
export function toMeasurementInput(item: EntryItem, row: EntryRow): MeasurementInput {
  return { date: item.periodStart, value: row.value === "" ? 0 : row.value, note: row.note.trim() };
}

import type { KeyResult } from "../../lib/types.ts";
import type { CheckInInput } from "./check-ins-api.ts";

/** One row of the weekly form. */
export type CheckInRow = {
  value: number | "";
  done: boolean;
  confidence: number;
  note: string;
  /** "No change": check in with the same value and confidence (still a check-in). */
  unchanged: boolean;
};

/** A row prefilled with the KR's last values (confidence 5 when it has none yet). */
export function initialRow(kr: KeyResult): CheckInRow {
  const value =
    kr.currentValue ?? (kr.kind === "metric" ? kr.startValue : kr.kind === "percentage" ? 0 : null) ?? "";
  return { value, done: kr.done, confidence: kr.lastConfidence ?? 5, note: "", unchanged: false };
}

/**
 * Whether a row was touched: a value, done flag, confidence or note differs from the
 * prefilled row, or "No change" is ticked. Untouched rows are never submitted.
 */
export function isTouched(kr: KeyResult, row: CheckInRow): boolean {
  const start = initialRow(kr);
  if (row.unchanged) return true;
  if (row.note.trim() !== "") return true;
  if (row.confidence !== start.confidence) return true;
  if (kr.kind === "milestone") return row.done !== start.done;
  return row.value !== start.value;
}

/** What is wrong with a touched row before sending it; null when it can be sent. */
export function rowProblem(kr: KeyResult, row: CheckInRow): string | null {
  if (kr.kind === "milestone") return null;
  if (row.value === "" || !Number.isFinite(row.value)) return "Enter the current value";
  if (kr.kind === "percentage" && (row.value < 0 || row.value > 100)) return "A percentage complete is 0–100";
  return null;
}

/** The API request for a row (the KR version guards against checking in on a KR changed since). */
export function toCheckInInput(kr: KeyResult, row: CheckInRow): CheckInInput {
  const base = { confidence: row.confidence, note: row.note.trim(), keyResultVersion: kr.version };
  return kr.kind === "milestone"
    ? { ...base, done: row.done }
    : { ...base, value: row.value === "" ? null : row.value };
}

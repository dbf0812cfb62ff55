import { describe, expect, it } from "vitest";
import {
  entryProblem,
  initialEntry,
  isChanged,
  isCorrection,
  toMeasurementInput,
} from "./kpi-entry-draft.ts";
import { buildEntryItem } from "./kpi-fixtures.ts";

describe("the enter-values form", () => {
  const empty = buildEntryItem();
  const filled = buildEntryItem({ value: 91.5 });

  it("prefills a row with the period's value, and saves only changed rows", () => {
    expect(initialEntry(filled)).toEqual({ value: 91.5, note: "" });
    expect(isChanged(filled, initialEntry(filled))).toBe(false);
    expect(isChanged(empty, { value: 90, note: "" })).toBe(true);
  });

  it("treats a new value for a period that has one as a correction that needs a note", () => {
    const row = { value: 90.5, note: "" };
    expect(isCorrection(filled, row)).toBe(true);
    expect(entryProblem(filled, row)).toMatch(/say why/);
    expect(entryProblem(filled, { ...row, note: "Late scans from Hub Rotterdam counted" })).toBeNull();
    expect(isCorrection(empty, row)).toBe(false);
    expect(entryProblem(empty, row)).toBeNull();
  });

  it("refuses to clear a stored value", () => {
    expect(entryProblem(filled, { value: "", note: "" })).toMatch(/cannot be removed/);
  });

  it("sends the period's first day with the trimmed note", () => {
    expect(toMeasurementInput(filled, { value: 90.5, note: "  recount  " })).toEqual({
      date: "2026-11-16",
      value: 90.5,
      note: "recount",
    });
  });
});

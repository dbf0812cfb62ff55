import { describe, expect, it } from "vitest";
import { buildKeyResult } from "../okrs/okr-fixtures.ts";
import { initialRow, isTouched, rowProblem, toCheckInInput } from "./check-in-draft.ts";

describe("the weekly check-in form", () => {
  const metric = buildKeyResult({ currentValue: 93.9, lastConfidence: 7, version: 3 });
  const milestone = buildKeyResult({
    kind: "milestone",
    currentValue: null,
    startValue: null,
    targetValue: null,
    done: false,
    lastConfidence: null,
  });
  const fresh = buildKeyResult({
    kind: "percentage",
    currentValue: null,
    startValue: null,
    targetValue: null,
    lastConfidence: null,
  });

  it("prefills each row with the last values", () => {
    expect(initialRow(metric)).toEqual({
      value: 93.9,
      done: false,
      confidence: 7,
      note: "",
      unchanged: false,
    });
    expect(initialRow(milestone).confidence).toBe(5);
    expect(initialRow(fresh).value).toBe(0);
    expect(initialRow(buildKeyResult({ currentValue: null, startValue: 12 })).value).toBe(12);
  });

  it("counts a row as touched only when something differs, or 'No change' is ticked", () => {
    const row = initialRow(metric);
    expect(isTouched(metric, row)).toBe(false);
    expect(isTouched(metric, { ...row, value: 94.4 })).toBe(true);
    expect(isTouched(metric, { ...row, confidence: 4 })).toBe(true);
    expect(isTouched(metric, { ...row, note: "  " })).toBe(false);
    expect(isTouched(metric, { ...row, note: "Blocked by the dispatcher tool" })).toBe(true);
    expect(isTouched(metric, { ...row, unchanged: true })).toBe(true);
    expect(isTouched(milestone, { ...initialRow(milestone), done: true })).toBe(true);
    // Changing a value and changing it back leaves the row untouched.
    expect(isTouched(metric, { ...row, value: 93.9 })).toBe(false);
  });

  it("needs a value for metrics and percentages, 0–100 for percentages", () => {
    expect(rowProblem(metric, { ...initialRow(metric), value: "" })).toBeTruthy();
    expect(rowProblem(fresh, { ...initialRow(fresh), value: 120 })).toBeTruthy();
    expect(rowProblem(fresh, { ...initialRow(fresh), value: 40 })).toBeNull();
    expect(rowProblem(milestone, initialRow(milestone))).toBeNull();
  });

  it("sends value or done as the kind needs, with the KR version seen", () => {
    expect(toCheckInInput(metric, { ...initialRow(metric), value: 94.4, note: " Better. " })).toEqual({
      value: 94.4,
      confidence: 7,
      note: "Better.",
      keyResultVersion: 3,
    });
    expect(toCheckInInput(milestone, { ...initialRow(milestone), done: true })).toMatchObject({ done: true });
    expect(toCheckInInput(milestone, initialRow(milestone))).not.toHaveProperty("value");
  });
});

import { describe, expect, it } from "vitest";
import type { KeyResult } from "../../lib/types.ts";
import {
  confidenceLabel,
  currentLabel,
  definitionLabel,
  formatProgress,
  formatScore,
  formatValue,
  remainingWeight,
  scoreNeedsComment,
  standingLabel,
  statusFill,
  suggestedScore,
  weightsTooHigh,
} from "./okr-format.ts";

const metric = {
  kind: "metric",
  startValue: 91,
  targetValue: 97,
  currentValue: 93.9,
  done: false,
  unit: "%",
} as Pick<KeyResult, "kind" | "startValue" | "targetValue" | "currentValue" | "done" | "unit">;

describe("progress and values", () => {
  it("shows progress uncapped, in whole percents", () => {
    expect(formatProgress(1.3)).toBe("130 %");
    expect(formatProgress(0.4833)).toBe("48 %");
    expect(formatProgress(0)).toBe("0 %");
    expect(formatProgress(-0.25)).toBe("−25 %");
    expect(formatProgress(null)).toBe("–");
  });

  it("writes values with their unit", () => {
    expect(formatValue(93.9, "%")).toMatch(/^93[.,]9 %$/);
    expect(formatValue(370, "ms")).toBe("370 ms");
    expect(formatValue(3, "")).toBe("3");
    expect(formatValue(null, "ms")).toBe("–");
  });

  it("says where a KR stands and where it goes", () => {
    expect(definitionLabel(metric)).toMatch(/^91 % → 97 %$/);
    expect(standingLabel(metric)).toMatch(/^93[.,]9 % now · 91 % → 97 %$/);
    expect(currentLabel({ ...metric, kind: "milestone", done: true })).toBe("Done");
    expect(currentLabel({ ...metric, kind: "percentage", currentValue: 70, unit: "%" })).toBe(
      "70 % complete",
    );
    expect(definitionLabel({ ...metric, targetValue: null })).toBe("Metric without a target yet");
  });

  it("puts a word to every confidence", () => {
    expect(confidenceLabel(8)).toBe("8/10 confident");
    expect(confidenceLabel(5)).toBe("5/10 unsure");
    expect(confidenceLabel(2)).toBe("2/10 doubtful");
    expect(confidenceLabel(null)).toBe("No confidence yet");
  });

  it("keeps grey statuses visible on dark backgrounds", () => {
    expect(statusFill("stale")).toBe("var(--mantine-color-dimmed)");
    expect(statusFill("on_track")).toBe("var(--mantine-color-green-filled)");
    expect(statusFill(undefined)).toBe("var(--mantine-primary-color-filled)");
  });
});

describe("suggested score", () => {
  it("clamps progress to 0–1 and rounds to one decimal", () => {
    expect(suggestedScore(0.66)).toBe(0.7);
    expect(suggestedScore(0.64)).toBe(0.6);
    expect(suggestedScore(1.3)).toBe(1);
    expect(suggestedScore(-0.2)).toBe(0);
    expect(suggestedScore(null)).toBeNull();
  });

  it("asks for a comment from 0.05 away from the suggestion (the server's rule)", () => {
    expect(scoreNeedsComment(0.7, 0.7)).toBe(false);
    expect(scoreNeedsComment(0.74, 0.7)).toBe(false);
    expect(scoreNeedsComment(0.75, 0.7)).toBe(true);
    expect(scoreNeedsComment(0.2, 0.6)).toBe(true);
    expect(scoreNeedsComment(0.3, null)).toBe(false);
  });

  it("formats scores on the grading grid", () => {
    expect(formatScore(1)).toBe("1.0");
    expect(formatScore(0.7)).toBe("0.7");
    expect(formatScore(0.65)).toBe("0.65");
    expect(formatScore(null)).toBe("–");
  });
});

describe("contribution weights", () => {
  it("says how much weight is left to give, up to 1", () => {
    expect(remainingWeight([])).toBe(1);
    expect(remainingWeight([0.5, 0.2])).toBe(0.3);
    expect(remainingWeight([0.1, 0.2])).toBe(0.7);
    expect(remainingWeight([0.7, 0.5])).toBe(0);
    expect(remainingWeight([0.4, null, undefined, Number.NaN])).toBe(0.6);
  });

  it("refuses more than 1 but forgives float noise", () => {
    expect(weightsTooHigh([0.34, 0.56, 0.1])).toBe(false);
    expect(weightsTooHigh([0.7, 0.5])).toBe(true);
    expect(weightsTooHigh([1])).toBe(false);
  });
});

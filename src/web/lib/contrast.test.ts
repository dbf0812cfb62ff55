import { describe, expect, it } from "vitest";
import { contrastRatio, darken, withContrast } from "./contrast.ts";

describe("contrast", () => {
  it("computes WCAG ratios (black on white 21:1, Mantine's grey 6 on white 3.3:1)", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#868e96", "#ffffff")).toBeCloseTo(3.32, 2);
    expect(contrastRatio("#ffffff", "#868e96")).toBeCloseTo(3.32, 2);
  });

  it("keeps a colour that already passes", () => {
    expect(withContrast("#495057", ["#ffffff"])).toBe("#495057");
  });

  it("darkens Mantine's yellow 9 on its tint (2.7:1, the 'At risk' badge) until it reaches 4.5:1", () => {
    const text = withContrast("#e67700", ["#fff3bf"]);
    expect(contrastRatio(text, "#fff3bf")).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(darken(text, -0.02), "#fff3bf")).toBeLessThan(4.6);
  });

  it("lightens towards white for dark backgrounds", () => {
    const text = withContrast("#828282", ["#242424", "#2e2e2e"], 4.5, "white");
    expect(contrastRatio(text, "#2e2e2e")).toBeGreaterThanOrEqual(4.5);
  });
});

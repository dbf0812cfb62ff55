import { describe, expect, it } from "vitest";
import { linearScale, linePath } from "./chart-scale.ts";

describe("sparkline geometry", () => {
  it("maps a domain linearly onto pixels, upside down for y", () => {
    const y = linearScale([0, 10], [100, 0]);
    expect(y(0)).toBe(100);
    expect(y(10)).toBe(0);
    expect(y(2.5)).toBe(75);
    expect(linearScale([5, 5], [0, 100])(5)).toBe(50);
  });

  it("leaves gaps where a value is missing", () => {
    expect(
      linePath([
        { x: 0, y: 10 },
        { x: 5, y: null },
        { x: 10, y: 20 },
        { x: 15, y: 25 },
      ]),
    ).toBe("M0 10 M10 20 L15 25");
  });
});

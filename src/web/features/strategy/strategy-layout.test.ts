import { describe, expect, it } from "vitest";
import { laneLayout, PER_ROW } from "./strategy-layout.ts";

const themes = [
  { id: "fin", name: "Financial" },
  { id: "cus", name: "Customer" },
];

describe("laneLayout", () => {
  it("gives each theme a lane below the previous one, its Objectives to its right", () => {
    const { placed, lanes } = laneLayout(themes, [
      { id: "o1", themeId: "fin" },
      { id: "o2", themeId: "cus" },
    ]);
    expect(lanes.map((l) => l.themeId)).toEqual(["fin", "cus"]);
    expect(lanes[1]!.y).toBeGreaterThan(lanes[0]!.y + lanes[0]!.height);
    const at = (id: string) => placed.find((p) => p.id === id)!;
    expect(at("o1").x).toBeGreaterThan(at("fin").x);
    expect(at("o2").laneIndex).toBe(1);
  });

  it("wraps a busy lane into rows without overlapping the next lane", () => {
    const many = Array.from({ length: PER_ROW + 1 }, (_, i) => ({ id: `o${i}`, themeId: "fin" }));
    const { placed, lanes } = laneLayout(themes, many);
    const last = placed.find((p) => p.id === `o${PER_ROW}`)!;
    expect(last.y).toBeGreaterThan(placed.find((p) => p.id === "o0")!.y);
    expect(lanes[1]!.y).toBeGreaterThan(last.y);
    expect(new Set(placed.map((p) => `${p.x},${p.y}`)).size).toBe(placed.length);
  });
});

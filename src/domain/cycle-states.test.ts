import { describe, expect, it } from "vitest";
import { canMoveCycle, isReopen } from "./cycle-states.ts";

describe("cycle states", () => {
  it("moves forward one step at a time", () => {
    expect(canMoveCycle("planning", "active")).toBe(true);
    expect(canMoveCycle("active", "grading")).toBe(true);
    expect(canMoveCycle("grading", "closed")).toBe(true);
    expect(canMoveCycle("planning", "closed")).toBe(false);
    expect(canMoveCycle("active", "closed")).toBe(false);
  });
  it("reopens a closed cycle only into grading", () => {
    expect(canMoveCycle("closed", "grading")).toBe(true);
    expect(canMoveCycle("closed", "active")).toBe(false);
    expect(isReopen("closed", "grading")).toBe(true);
    expect(isReopen("grading", "active")).toBe(false);
  });
});

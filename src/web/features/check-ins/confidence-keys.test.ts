import { describe, expect, it } from "vitest";
import { typeConfidence } from "./confidence-keys.ts";

describe("typing into the confidence control", () => {
  it("sets 0 and 2–9 at once and moves on", () => {
    expect(typeConfidence(false, "7")).toEqual({ value: 7, complete: true, pendingOne: false });
    expect(typeConfidence(false, "0")).toEqual({ value: 0, complete: true, pendingOne: false });
  });

  it("waits after a 1, which may start a 10", () => {
    expect(typeConfidence(false, "1")).toEqual({ value: 1, complete: false, pendingOne: true });
    expect(typeConfidence(true, "0")).toEqual({ value: 10, complete: true, pendingOne: false });
  });

  it("takes a digit after a lone 1 as a new number (there is no 11–19)", () => {
    expect(typeConfidence(true, "4")).toEqual({ value: 4, complete: true, pendingOne: false });
    expect(typeConfidence(true, "1")).toEqual({ value: 1, complete: false, pendingOne: true });
  });

  it("leaves other keys alone (arrows, Tab, letters)", () => {
    for (const key of ["ArrowLeft", "Tab", "Home", "a", "-", " "])
      expect(typeConfidence(false, key)).toBeNull();
  });
});

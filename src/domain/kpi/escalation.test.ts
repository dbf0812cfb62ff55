import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_CLOSE_AFTER_GREEN_PERIODS, type EscalationInput, escalationDecision } from "./escalation.ts";

const decide = (overrides: Partial<EscalationInput>) =>
  escalationDecision({
    open: false,
    recent: [],
    floorBreached: false,
    closeAfterGreenPeriods: 2,
    ...overrides,
  });

describe("opening an escalation", () => {
  it("opens when the newest period turns red", () => {
    expect(decide({ recent: ["green", "amber", "red"] })).toEqual({ decision: "open", reason: "red" });
  });

  it("does not open for an older red that has recovered", () => {
    expect(decide({ recent: ["red", "amber"] })).toEqual({ decision: "none", reason: null });
    expect(decide({ recent: ["red", null] })).toEqual({ decision: "none", reason: null });
  });

  it("opens for a broken floor even when the bands say amber or green", () => {
    expect(decide({ recent: ["amber"], floorBreached: true })).toEqual({ decision: "open", reason: "floor" });
    expect(decide({ recent: [], floorBreached: true })).toEqual({ decision: "open", reason: "floor" });
    expect(decide({ recent: [null], floorBreached: true })).toEqual({ decision: "open", reason: "floor" });
  });

  it("names red as the reason when both red and the floor apply", () => {
    expect(decide({ recent: ["red"], floorBreached: true })).toEqual({ decision: "open", reason: "red" });
  });

  it("stays quiet for amber, green or no history", () => {
    expect(decide({ recent: ["amber", "amber", "amber"] }).decision).toBe("none");
    expect(decide({ recent: [] }).decision).toBe("none");
  });
});

describe("closing an escalation", () => {
  it("closes after the required run of green periods", () => {
    expect(decide({ open: true, recent: ["red", "green", "green"] })).toEqual({
      decision: "close",
      reason: null,
    });
    expect(
      decide({ open: true, recent: ["red", "green", "green"], closeAfterGreenPeriods: 3 }).decision,
    ).toBe("none");
    expect(
      decide({ open: true, recent: ["green", "green", "green"], closeAfterGreenPeriods: 3 }).decision,
    ).toBe("close");
  });

  it("keeps it open while amber, uncoloured or too short a history interrupts the run", () => {
    expect(decide({ open: true, recent: ["green", "amber", "green"] }).decision).toBe("none");
    expect(decide({ open: true, recent: ["green", null] }).decision).toBe("none");
    expect(decide({ open: true, recent: ["green"] }).decision).toBe("none");
  });

  it("keeps it open while a floor is broken, however green", () => {
    expect(decide({ open: true, recent: ["green", "green"], floorBreached: true }).decision).toBe("none");
  });

  it("never opens a second one", () => {
    expect(decide({ open: true, recent: ["red"] })).toEqual({ decision: "none", reason: null });
    expect(decide({ open: true, recent: ["amber"], floorBreached: true })).toEqual({
      decision: "none",
      reason: null,
    });
  });

  it("needs at least one green period even with a setting of 0", () => {
    expect(decide({ open: true, recent: ["red"], closeAfterGreenPeriods: 0 }).decision).toBe("none");
    expect(decide({ open: true, recent: ["green"], closeAfterGreenPeriods: 0 }).decision).toBe("close");
    expect(decide({ open: true, recent: [], closeAfterGreenPeriods: 0 }).decision).toBe("none");
    expect(decide({ open: true, recent: ["green"], closeAfterGreenPeriods: Number.NaN }).decision).toBe(
      "none",
    );
    expect(DEFAULT_CLOSE_AFTER_GREEN_PERIODS).toBe(2);
  });

  it("never opens when one is open, never closes when none is", () => {
    const status = fc.constantFrom("green" as const, "amber" as const, "red" as const, null);
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(status, { maxLength: 6 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 4 }),
        (open, recent, floorBreached, closeAfterGreenPeriods) => {
          const { decision, reason } = escalationDecision({
            open,
            recent,
            floorBreached,
            closeAfterGreenPeriods,
          });
          if (open) expect(decision).not.toBe("open");
          else expect(decision).not.toBe("close");
          expect(reason === null).toBe(decision !== "open");
        },
      ),
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  closingRun,
  DEFAULT_CLOSE_AFTER_GREEN_PERIODS,
  type EscalationInput,
  escalationDecision,
} from "./escalation.ts";

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
        fc.constantFrom("red" as const, "floor" as const, null),
        fc.array(fc.tuple(status, fc.boolean()), { maxLength: 6 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 4 }),
        (open, openReason, periods, floorBreached, closeAfterGreenPeriods) => {
          const { decision, reason } = escalationDecision({
            open,
            openReason: open ? openReason : null,
            recent: periods.map(([s]) => s),
            throughFloor: periods.map(([, through]) => through),
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

describe("closing a floor escalation", () => {
  const floor = (overrides: Partial<EscalationInput>) =>
    decide({ open: true, openReason: "floor", ...overrides });

  it("closes after the required run of values back above the floor, on a KPI without bands", () => {
    expect(floor({ recent: [null, null, null], throughFloor: [true, false, false] })).toEqual({
      decision: "close",
      reason: null,
    });
    expect(
      floor({ recent: [null, null, null], throughFloor: [true, false, false], closeAfterGreenPeriods: 3 })
        .decision,
    ).toBe("none");
    expect(
      floor({ recent: [null, null, null], throughFloor: [false, false, false], closeAfterGreenPeriods: 3 })
        .decision,
    ).toBe("close");
  });

  it("does not wait for green: amber values that hold the floor close it", () => {
    expect(floor({ recent: ["amber", "amber"], throughFloor: [false, false] }).decision).toBe("close");
    expect(floor({ recent: ["green", "amber"], throughFloor: [false, false] }).decision).toBe("close");
  });

  it("keeps it open while any value of the run is through the floor", () => {
    expect(floor({ recent: [null, null], throughFloor: [true, false] }).decision).toBe("none");
    expect(floor({ recent: ["green", "green"], throughFloor: [false, true] }).decision).toBe("none");
    expect(floor({ recent: [null], throughFloor: [false] }).decision).toBe("none");
  });

  it("keeps it open while the latest value breaks a floor in force, whatever the run says", () => {
    expect(floor({ recent: [null, null], throughFloor: [false, false], floorBreached: true }).decision).toBe(
      "none",
    );
  });

  it("keeps it open while a value of the run is red, even above the floor", () => {
    expect(floor({ recent: ["red", "amber"], throughFloor: [false, false] }).decision).toBe("none");
    expect(floor({ recent: ["amber", "red"], throughFloor: [false, false] }).decision).toBe("none");
  });

  it("treats a missing floor judgement as through the floor", () => {
    expect(floor({ recent: [null, null] }).decision).toBe("none");
    expect(floor({ recent: [null, null], throughFloor: [false] }).decision).toBe("none");
  });

  it("needs at least one period even with a setting of 0", () => {
    expect(floor({ recent: [], throughFloor: [], closeAfterGreenPeriods: 0 }).decision).toBe("none");
    expect(floor({ recent: [null], throughFloor: [false], closeAfterGreenPeriods: 0 }).decision).toBe(
      "close",
    );
    expect(closingRun(0)).toBe(1);
    expect(closingRun(3.7)).toBe(3);
    expect(closingRun(Number.NaN)).toBe(DEFAULT_CLOSE_AFTER_GREEN_PERIODS);
  });

  it("a red escalation still waits for green, whatever the floor says", () => {
    expect(
      decide({ open: true, openReason: "red", recent: [null, null], throughFloor: [false, false] }).decision,
    ).toBe("none");
    expect(
      decide({ open: true, openReason: "red", recent: ["amber", "amber"], throughFloor: [false, false] })
        .decision,
    ).toBe("none");
  });

  it("closes exactly when the last run holds the floor and is not red", () => {
    const status = fc.constantFrom("green" as const, "amber" as const, "red" as const, null);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(status, fc.boolean()), { maxLength: 6 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 4 }),
        (periods, floorBreached, closeAfterGreenPeriods) => {
          const { decision } = escalationDecision({
            open: true,
            openReason: "floor",
            recent: periods.map(([s]) => s),
            throughFloor: periods.map(([, through]) => through),
            floorBreached,
            closeAfterGreenPeriods,
          });
          const run = periods.slice(-closeAfterGreenPeriods);
          const expected =
            !floorBreached &&
            periods.length >= closeAfterGreenPeriods &&
            run.every(([s, through]) => s !== "red" && !through);
          expect(decision).toBe(expected ? "close" : "none");
        },
      ),
    );
  });
});

import { describe, expect, it } from "vitest";
import { type CycleChoice, defaultStrategyCycle } from "./strategy-cycle.ts";

const cycle = (
  id: string,
  kind: CycleChoice["kind"],
  startsOn: string,
  endsOn: string,
  state: CycleChoice["state"],
) => ({
  id,
  kind,
  startsOn,
  endsOn,
  state,
});

describe("defaultStrategyCycle", () => {
  const year = cycle("y", "year", "2026-01-01", "2026-12-31", "active");
  const q4 = cycle("q4", "quarter", "2026-10-01", "2026-12-31", "active");
  const q3 = cycle("q3", "quarter", "2026-07-01", "2026-09-30", "closed");
  const q1 = cycle("q1", "quarter", "2027-01-01", "2027-03-31", "planning");

  it("picks the shortest active cycle containing today, not its year", () => {
    expect(defaultStrategyCycle([year, q4, q3, q1], "2026-11-23")?.id).toBe("q4");
  });

  it("prefers an active cycle containing today over a shorter one that does not", () => {
    const sprint = cycle("s", "custom", "2026-12-01", "2026-12-14", "active");
    expect(defaultStrategyCycle([year, sprint], "2026-11-23")?.id).toBe("y");
  });

  it("falls back to planning, then to the latest closed", () => {
    expect(defaultStrategyCycle([q3, q1], "2026-11-23")?.id).toBe("q1");
    const q2 = cycle("q2", "quarter", "2026-04-01", "2026-06-30", "closed");
    expect(defaultStrategyCycle([q2, q3], "2026-11-23")?.id).toBe("q3");
  });

  it("has nothing to choose from an empty list", () => {
    expect(defaultStrategyCycle([], "2026-11-23")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import {
  currentStatus,
  floorBreached,
  floorGuards,
  floorRedLimit,
  statusHistory,
  valueStatus,
} from "./status.ts";
import type { Bands, MeasuredPeriod, PeriodOptions } from "./types.ts";

const none = { target: null, greenMin: null, greenMax: null, redMin: null, redMax: null };
const buildBands = (overrides: Partial<Bands>): Bands => ({
  effectiveFrom: "2026-01-01",
  ...none,
  ...overrides,
});
const opts: PeriodOptions = { weekStart: 1, fiscalYearStartMonth: 1 };

// Net revenue retention (%): green from 100, red under 90.
const retention = buildBands({ target: 105, greenMin: 100, redMin: 90 });
// Hours to first response: green up to 4, red over 8.
const responseHours = buildBands({ greenMax: 4, redMax: 8 });
// Days of stock: green 20–30, red outside 10–45.
const stockDays = buildBands({ redMin: 10, greenMin: 20, greenMax: 30, redMax: 45 });

describe("the colour of one value", () => {
  it("judges a higher-is-better KPI, boundaries taking the better colour", () => {
    expect(valueStatus(104, "higher_is_better", retention)).toBe("green");
    expect(valueStatus(100, "higher_is_better", retention)).toBe("green");
    expect(valueStatus(99.99, "higher_is_better", retention)).toBe("amber");
    expect(valueStatus(90, "higher_is_better", retention)).toBe("amber");
    expect(valueStatus(89.99, "higher_is_better", retention)).toBe("red");
  });

  it("judges a lower-is-better KPI the other way round", () => {
    expect(valueStatus(2, "lower_is_better", responseHours)).toBe("green");
    expect(valueStatus(4, "lower_is_better", responseHours)).toBe("green");
    expect(valueStatus(4.01, "lower_is_better", responseHours)).toBe("amber");
    expect(valueStatus(8, "lower_is_better", responseHours)).toBe("amber");
    expect(valueStatus(8.01, "lower_is_better", responseHours)).toBe("red");
  });

  it("judges a range on both sides", () => {
    expect(valueStatus(20, "within_range", stockDays)).toBe("green");
    expect(valueStatus(30, "within_range", stockDays)).toBe("green");
    expect(valueStatus(19, "within_range", stockDays)).toBe("amber");
    expect(valueStatus(31, "within_range", stockDays)).toBe("amber");
    expect(valueStatus(10, "within_range", stockDays)).toBe("amber");
    expect(valueStatus(45, "within_range", stockDays)).toBe("amber");
    expect(valueStatus(9, "within_range", stockDays)).toBe("red");
    expect(valueStatus(46, "within_range", stockDays)).toBe("red");
  });

  it("has no amber when the red and green bounds meet", () => {
    const sharp = buildBands({ greenMin: 95, redMin: 95 });
    expect(valueStatus(95, "higher_is_better", sharp)).toBe("green");
    expect(valueStatus(94.9, "higher_is_better", sharp)).toBe("red");
  });

  it("forgives float noise on a boundary, but not a real miss", () => {
    // 0.1 + 0.2 = 0.30000000000000004: a computed rate exactly at 0.3 hours.
    expect(valueStatus(0.1 + 0.2, "lower_is_better", buildBands({ greenMax: 0.3, redMax: 0.5 }))).toBe(
      "green",
    );
    expect(
      valueStatus(0.7 + 0.1 - 1e-15, "higher_is_better", buildBands({ greenMin: 0.8, redMin: 0.5 })),
    ).toBe("green");
    expect(valueStatus(0.7999, "higher_is_better", buildBands({ greenMin: 0.8, redMin: 0.5 }))).toBe("amber");
    // Scales with the number: one unit below a million is a miss.
    expect(valueStatus(999_999, "higher_is_better", buildBands({ greenMin: 1_000_000, redMin: 0 }))).toBe(
      "amber",
    );
  });

  it("gives no colour without bands, with bands for another direction, or for a non-number", () => {
    expect(valueStatus(100, "higher_is_better", null)).toBeNull();
    expect(valueStatus(3, "lower_is_better", retention)).toBeNull();
    expect(valueStatus(25, "within_range", retention)).toBeNull();
    expect(valueStatus(Number.NaN, "higher_is_better", retention)).toBeNull();
  });
});

describe("current status", () => {
  const monthly = (measurements: MeasuredPeriod[], today: string, series: Bands[] = [retention]) =>
    currentStatus({ measurements, series, direction: "higher_is_better", frequency: "monthly", today, opts });

  it("judges the latest period whose value is due", () => {
    // On 20 December November is due (grace ended 10 December).
    expect(
      monthly(
        [
          { periodStart: "2026-10-01", value: 80 },
          { periodStart: "2026-11-01", value: 95 },
        ],
        "2026-12-20",
      ),
    ).toEqual({ status: "amber", periodStart: "2026-11-01", value: 95 });
  });

  it("says no data, not red, when the due value is missing", () => {
    const measurements = [{ periodStart: "2026-10-01", value: 80 }];
    expect(monthly(measurements, "2026-12-11")).toEqual({
      status: "no_data",
      periodStart: "2026-11-01",
      value: null,
    });
    expect(monthly([], "2026-12-11")).toEqual({ status: "no_data", periodStart: "2026-11-01", value: null });
  });

  it("keeps showing the previous period while the next one is within its grace", () => {
    const measurements = [{ periodStart: "2026-10-01", value: 80 }];
    expect(monthly(measurements, "2026-12-10")).toEqual({
      status: "red",
      periodStart: "2026-10-01",
      value: 80,
    });
  });

  it("shows a newer value as soon as it arrives, even for the running period", () => {
    const measurements = [
      { periodStart: "2026-12-01", value: 101 },
      { periodStart: "2026-10-01", value: 80 },
      { periodStart: "2026-11-01", value: 95 },
    ];
    expect(monthly(measurements, "2026-12-05")).toEqual({
      status: "green",
      periodStart: "2026-12-01",
      value: 101,
    });
  });

  it("shows the newest value even when the period before it was never measured", () => {
    // November never arrived, December did: December is the news.
    const measurements = [
      { periodStart: "2026-10-01", value: 80 },
      { periodStart: "2026-12-01", value: 101 },
    ];
    expect(monthly(measurements, "2026-12-20")).toEqual({
      status: "green",
      periodStart: "2026-12-01",
      value: 101,
    });
  });

  it("ignores values for periods that have not started", () => {
    const measurements = [
      { periodStart: "2026-11-01", value: 95 },
      { periodStart: "2027-01-01", value: 120 },
    ];
    expect(monthly(measurements, "2026-12-20")).toEqual({
      status: "amber",
      periodStart: "2026-11-01",
      value: 95,
    });
  });

  it("judges by the bands in force for the judged period", () => {
    const stricter = buildBands({ effectiveFrom: "2026-12-01", greenMin: 110, redMin: 100 });
    const measurements = [{ periodStart: "2026-11-01", value: 104 }];
    expect(monthly(measurements, "2026-12-20", [retention, stricter]).status).toBe("green");
    expect(
      monthly([{ periodStart: "2026-12-01", value: 104 }], "2026-12-20", [stricter, retention]).status,
    ).toBe("amber");
  });

  it("has a value but no colour when no bands are in force", () => {
    const measurements = [{ periodStart: "2026-11-01", value: 95 }];
    expect(monthly(measurements, "2026-12-20", [])).toEqual({
      status: null,
      periodStart: "2026-11-01",
      value: 95,
    });
    const later = buildBands({ effectiveFrom: "2027-01-01", greenMin: 1, redMin: 0 });
    expect(monthly(measurements, "2026-12-20", [later]).status).toBeNull();
  });

  it("still flags missing data on a KPI without bands", () => {
    expect(monthly([], "2026-12-20", []).status).toBe("no_data");
  });

  it("uses the organisation's weeks for a weekly lower-is-better KPI", () => {
    const input = {
      series: [responseHours],
      direction: "lower_is_better" as const,
      frequency: "weekly" as const,
      opts: { weekStart: 7, fiscalYearStartMonth: 1 },
    };
    // Sunday weeks: the week of 2026-11-15 ends Sat 11-21, due Mon 11-23.
    const measurements = [{ periodStart: "2026-11-15", value: 9 }];
    expect(currentStatus({ ...input, measurements, today: "2026-11-24" })).toEqual({
      status: "red",
      periodStart: "2026-11-15",
      value: 9,
    });
    expect(currentStatus({ ...input, measurements, today: "2026-12-01" }).status).toBe("no_data");
  });
});

describe("status history", () => {
  it("lists measured periods oldest first, each judged by the bands of its time", () => {
    const raised = buildBands({ effectiveFrom: "2026-03-01", greenMin: 110, redMin: 100 });
    const history = statusHistory(
      [
        { periodStart: "2026-03-01", value: 105 },
        { periodStart: "2025-12-01", value: 105 },
        { periodStart: "2026-01-01", value: 105 },
      ],
      [raised, retention],
      "higher_is_better",
    );
    expect(history).toEqual([
      { periodStart: "2025-12-01", value: 105, status: null },
      { periodStart: "2026-01-01", value: 105, status: "green" },
      { periodStart: "2026-03-01", value: 105, status: "amber" },
    ]);
  });

  it("is empty without measurements", () => {
    expect(statusHistory([], [retention], "higher_is_better")).toEqual([]);
  });
});

describe("floor breaches", () => {
  it("breaks a higher-is-better floor below the threshold only", () => {
    expect(floorBreached(89, "higher_is_better", 90)).toBe(true);
    expect(floorBreached(90, "higher_is_better", 90)).toBe(false);
    expect(floorBreached(91, "higher_is_better", 90)).toBe(false);
  });

  it("breaks a lower-is-better floor above the threshold only", () => {
    expect(floorBreached(8.5, "lower_is_better", 8)).toBe(true);
    expect(floorBreached(8, "lower_is_better", 8)).toBe(false);
    expect(floorBreached(2, "lower_is_better", 8)).toBe(false);
  });

  it("guards the side the red limit suggested as the threshold sits on", () => {
    expect([floorGuards("higher_is_better"), floorRedLimit("higher_is_better")]).toEqual(["below", "redMin"]);
    expect([floorGuards("lower_is_better"), floorRedLimit("lower_is_better")]).toEqual(["above", "redMax"]);
    expect([floorGuards("within_range"), floorRedLimit("within_range")]).toEqual(["below", "redMin"]);
  });

  it("treats a range KPI's floor as a lower bound", () => {
    expect(floorBreached(9, "within_range", 10)).toBe(true);
    expect(floorBreached(1000, "within_range", 10)).toBe(false);
  });

  it("breaks nothing with a value that is not a number", () => {
    expect(floorBreached(Number.NaN, "higher_is_better", 10)).toBe(false);
  });
});

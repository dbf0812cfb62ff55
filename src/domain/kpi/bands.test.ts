import { describe, expect, it } from "vitest";
import {
  bandsInForce,
  FIELDS_BY_DIRECTION,
  greenBounds,
  redLimits,
  THRESHOLD_FIELDS,
  usesBandField,
  validateBandSeries,
  validateBands,
} from "./bands.ts";
import type { Bands } from "./types.ts";

const none = { target: null, greenMin: null, greenMax: null, redMin: null, redMax: null };
const buildBands = (overrides: Partial<Bands>): Bands => ({
  effectiveFrom: "2026-01-01",
  ...none,
  ...overrides,
});

describe("validating one version of bands", () => {
  it("accepts complete, ordered bands for each direction", () => {
    // Net revenue retention: green from 100 %, red under 90 %.
    expect(validateBands("higher_is_better", { ...none, target: 105, greenMin: 100, redMin: 90 })).toEqual(
      [],
    );
    // Support first-response hours: green up to 4, red over 8.
    expect(validateBands("lower_is_better", { ...none, greenMax: 4, redMax: 8 })).toEqual([]);
    // Warehouse stock days: green 20–30, red outside 10–45.
    expect(
      validateBands("within_range", { ...none, redMin: 10, greenMin: 20, greenMax: 30, redMax: 45 }),
    ).toEqual([]);
  });

  it("accepts equal bounds, which leave no amber zone", () => {
    expect(validateBands("higher_is_better", { ...none, greenMin: 90, redMin: 90 })).toEqual([]);
    expect(
      validateBands("within_range", { ...none, redMin: 5, greenMin: 5, greenMax: 5, redMax: 5 }),
    ).toEqual([]);
  });

  it("names each missing field the direction needs, and says what it is for", () => {
    const issues = validateBands("higher_is_better", { ...none, greenMax: 10, redMax: 20 });
    expect(issues.map((i) => i.field)).toEqual(["redMin", "greenMin"]);
    expect(issues[1]?.message).toBe(
      "Set greenMin for a higher-is-better KPI: values at or above it are green.",
    );
    expect(validateBands("lower_is_better", { ...none, greenMax: 4 }).map((i) => i.field)).toEqual([
      "redMax",
    ]);
    expect(validateBands("within_range", { ...none, greenMin: 1, greenMax: 2 }).map((i) => i.field)).toEqual([
      "redMin",
      "redMax",
    ]);
  });

  it("ignores fields the direction does not use", () => {
    expect(
      validateBands("lower_is_better", { ...none, greenMin: 99, redMin: 100, greenMax: 4, redMax: 8 }),
    ).toEqual([]);
  });

  it("explains a red threshold on the wrong side of green for a higher-is-better KPI", () => {
    const issues = validateBands("higher_is_better", { ...none, greenMin: 80, redMin: 90 });
    expect(issues).toEqual([
      {
        field: "redMin",
        message:
          "redMin must be at or below greenMin for a higher-is-better KPI: values below redMin are red and values at or above greenMin are green, with amber between (got redMin 90, greenMin 80).",
      },
    ]);
  });

  it("explains reversed bands for a lower-is-better KPI", () => {
    const issues = validateBands("lower_is_better", { ...none, greenMax: 8, redMax: 4 });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.field).toBe("greenMax");
    expect(issues[0]?.message).toMatch(/^greenMax must be at or below redMax for a lower-is-better KPI: /);
  });

  it("reports every ordering problem of a range", () => {
    const issues = validateBands("within_range", {
      ...none,
      redMin: 25,
      greenMin: 20,
      greenMax: 15,
      redMax: 12,
    });
    expect(issues.map((i) => i.field)).toEqual(["redMin", "greenMin", "greenMax"]);
    expect(issues[1]?.message).toMatch(/must not be empty/);
  });

  it("refuses numbers that are not finite", () => {
    const issues = validateBands("higher_is_better", {
      ...none,
      target: Number.POSITIVE_INFINITY,
      greenMin: Number.NaN,
      redMin: 1,
    });
    expect(issues.map((i) => i.field)).toEqual(["target", "greenMin"]);
  });
});

describe("validating a band history", () => {
  it("accepts versions in any order, and an empty history", () => {
    const series = [
      buildBands({ effectiveFrom: "2026-07-01", greenMin: 110, redMin: 95 }),
      buildBands({ effectiveFrom: "2026-01-01", greenMin: 100, redMin: 90 }),
    ];
    expect(validateBandSeries("higher_is_better", series)).toEqual([]);
    expect(validateBandSeries("higher_is_better", [])).toEqual([]);
  });

  it("refuses two versions taking effect on the same day, naming the later one", () => {
    const series = [
      buildBands({ effectiveFrom: "2026-01-01", greenMin: 100, redMin: 90 }),
      buildBands({ effectiveFrom: "2026-04-01", greenMin: 100, redMin: 90 }),
      buildBands({ effectiveFrom: "2026-01-01", greenMin: 105, redMin: 90 }),
    ];
    expect(validateBandSeries("higher_is_better", series)).toEqual([
      {
        field: "bands[2].effectiveFrom",
        message:
          "bands[0] already takes effect on 2026-01-01: pick another date, or edit that version instead.",
      },
    ]);
  });

  it("refuses dates that are not on the calendar", () => {
    const series = [
      buildBands({ effectiveFrom: "2026-02-29", greenMin: 1, redMin: 0 }),
      buildBands({ effectiveFrom: "2026-4-1", greenMin: 1, redMin: 0 }),
      buildBands({ effectiveFrom: "2028-02-29", greenMin: 1, redMin: 0 }),
    ];
    expect(validateBandSeries("higher_is_better", series).map((i) => i.field)).toEqual([
      "bands[0].effectiveFrom",
      "bands[1].effectiveFrom",
    ]);
  });

  it("prefixes each version's own problems with its position", () => {
    const series = [
      buildBands({ greenMax: 4, redMax: 8 }),
      buildBands({ effectiveFrom: "2026-06-01", greenMax: 9, redMax: 8 }),
    ];
    expect(validateBandSeries("lower_is_better", series).map((i) => i.field)).toEqual(["bands[1].greenMax"]);
  });
});

describe("bands in force for a period", () => {
  const january = buildBands({ effectiveFrom: "2026-01-01", greenMin: 100, redMin: 90 });
  const july = buildBands({ effectiveFrom: "2026-07-01", greenMin: 110, redMin: 95 });
  const midMarch = buildBands({ effectiveFrom: "2026-03-15", greenMin: 105, redMin: 92 });

  it("picks the latest version that took effect by the period's first day, whatever the order", () => {
    const series = [july, january, midMarch];
    expect(bandsInForce(series, "2026-02-01")).toBe(january);
    expect(bandsInForce(series, "2026-06-01")).toBe(midMarch);
    expect(bandsInForce(series, "2026-07-01")).toBe(july);
    expect(bandsInForce(series, "2027-01-01")).toBe(july);
  });

  it("applies a version that starts mid-period from the next period on", () => {
    expect(bandsInForce([january, midMarch], "2026-03-01")).toBe(january);
    expect(bandsInForce([january, midMarch], "2026-04-01")).toBe(midMarch);
    expect(bandsInForce([january, midMarch], "2026-03-15")).toBe(midMarch);
  });

  it("has nothing for periods before the first version, or with no bands", () => {
    expect(bandsInForce([july], "2026-06-30")).toBeNull();
    expect(bandsInForce([], "2026-06-30")).toBeNull();
  });
});

const blank = { target: null, greenMin: null, greenMax: null, redMin: null, redMax: null };

describe("band fields by direction", () => {
  it("uses one green bound and one red limit for one-sided KPIs, all four for a range", () => {
    expect(FIELDS_BY_DIRECTION.higher_is_better).toEqual(["redMin", "greenMin"]);
    expect(FIELDS_BY_DIRECTION.lower_is_better).toEqual(["greenMax", "redMax"]);
    expect(FIELDS_BY_DIRECTION.within_range).toEqual(THRESHOLD_FIELDS);
    expect(usesBandField("higher_is_better", "greenMax")).toBe(false);
    expect(usesBandField("lower_is_better", "greenMax")).toBe(true);
  });

  it("names the green bounds and red limits each direction has, null where open", () => {
    expect([greenBounds("higher_is_better"), redLimits("higher_is_better")]).toEqual([
      { min: "greenMin", max: null },
      { min: "redMin", max: null },
    ]);
    expect([greenBounds("lower_is_better"), redLimits("lower_is_better")]).toEqual([
      { min: null, max: "greenMax" },
      { min: null, max: "redMax" },
    ]);
    expect([greenBounds("within_range"), redLimits("within_range")]).toEqual([
      { min: "greenMin", max: "greenMax" },
      { min: "redMin", max: "redMax" },
    ]);
  });

  it("lists the fields in the order validation enforces, so the form can spell that order out", () => {
    const directions = Object.keys(FIELDS_BY_DIRECTION) as Array<keyof typeof FIELDS_BY_DIRECTION>;
    for (const direction of directions) {
      const fields = FIELDS_BY_DIRECTION[direction];
      const ordered = Object.fromEntries(fields.map((field, i) => [field, i * 10]));
      expect(validateBands(direction, { ...blank, ...ordered })).toEqual([]);
      for (let i = 0; i + 1 < fields.length; i++) {
        const low = fields[i]!;
        const swapped = { ...blank, ...ordered, [low]: ordered[fields[i + 1]!]! + 5 };
        expect(validateBands(direction, swapped).map((issue) => issue.field)).toContain(low);
      }
    }
  });

  it("cannot be changed at run time by a caller", () => {
    expect(Object.isFrozen(FIELDS_BY_DIRECTION.within_range)).toBe(true);
    expect(Object.isFrozen(THRESHOLD_FIELDS)).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import {
  directionOfKeyResult,
  kpiUnitOfText,
  measurementsFromCheckIns,
  proposedBands,
  suggestKpiKey,
} from "./kr-demotion.ts";

const calendar = { timeZone: "Europe/Berlin", opts: { weekStart: 1, fiscalYearStartMonth: 1 } };

describe("measurementsFromCheckIns", () => {
  it("keeps the last check-in of each period, oldest period first", () => {
    const values = measurementsFromCheckIns(
      [
        { at: new Date("2026-11-03T09:00:00Z"), value: 4.1 },
        { at: new Date("2026-11-05T09:00:00Z"), value: 3.9 },
        { at: new Date("2026-10-28T09:00:00Z"), value: 4.6 },
        { at: new Date("2026-11-12T09:00:00Z"), value: 3.5 },
      ],
      "weekly",
      calendar,
    );
    expect(values.map(({ periodStart, value }) => ({ periodStart, value }))).toEqual([
      { periodStart: "2026-10-26", value: 4.6 },
      { periodStart: "2026-11-02", value: 3.9 },
      { periodStart: "2026-11-09", value: 3.5 },
    ]);
  });

  it("reads the day in the organisation's time zone and groups by month for monthly KPIs", () => {
    // 23:30 UTC on 31 October is already 1 November in Berlin.
    const values = measurementsFromCheckIns(
      [
        { at: new Date("2026-10-31T23:30:00Z"), value: 12 },
        { at: new Date("2026-10-20T10:00:00Z"), value: 10 },
        { at: new Date("2026-11-20T10:00:00Z"), value: 14 },
      ],
      "monthly",
      calendar,
    );
    expect(values.map(({ periodStart, value }) => ({ periodStart, value }))).toEqual([
      { periodStart: "2026-10-01", value: 10 },
      { periodStart: "2026-11-01", value: 14 },
    ]);
  });

  it("gives nothing for no check-ins", () => {
    expect(measurementsFromCheckIns([], "daily", calendar)).toEqual([]);
  });
});

describe("what a KR's definition suggests", () => {
  it("takes a target below the start as lower is better", () => {
    expect(directionOfKeyResult(4.8, 3)).toBe("lower_is_better");
    expect(directionOfKeyResult(31, 45)).toBe("higher_is_better");
    expect(directionOfKeyResult(null, 45)).toBe("higher_is_better");
  });

  it("maps unit text to a KPI unit", () => {
    expect(kpiUnitOfText("%")).toEqual({ unit: "percent", currency: null });
    expect(kpiUnitOfText("€")).toEqual({ unit: "currency", currency: "EUR" });
    expect(kpiUnitOfText("USD")).toEqual({ unit: "currency", currency: "USD" });
    expect(kpiUnitOfText("hours")).toEqual({ unit: "duration", currency: null });
    expect(kpiUnitOfText("claims per 1,000 shipments")).toEqual({ unit: "count", currency: null });
    expect(kpiUnitOfText("")).toEqual({ unit: "number", currency: null });
  });

  it("suggests a key from the title", () => {
    expect(suggestKpiKey("Cut damage claims from 4.8 to 3.0")).toBe("cut_damage_claims_from_4_8_to_3_0");
    expect(suggestKpiKey("Über-fast pick-ups")).toBe("uber_fast_pick_ups");
    expect(suggestKpiKey("24h deliveries")).toBe("kpi_24h_deliveries");
    expect(suggestKpiKey("!!!")).toBe("kpi");
    expect(suggestKpiKey("a".repeat(80))).toHaveLength(63);
  });

  it("proposes bands a quarter of the KR's distance apart around its target", () => {
    expect(proposedBands("higher_is_better", 31, 45)).toEqual({
      target: 45,
      greenMin: 41.5,
      redMin: 38,
      greenMax: null,
      redMax: null,
    });
    expect(proposedBands("lower_is_better", 4.8, 3)).toEqual({
      target: 3,
      greenMax: 3.45,
      redMax: 3.9,
      greenMin: null,
      redMin: null,
    });
    expect(proposedBands("higher_is_better", 90, 90)).toMatchObject({ greenMin: 85.5, redMin: 81 });
    expect(proposedBands("higher_is_better", 82, 95)).toMatchObject({ greenMin: 91.7, redMin: 88.4 });
  });
});

import { describe, expect, it } from "vitest";
import { rangeQuery } from "./kpi-range.ts";

describe("the KPI history's range", () => {
  it("asks the series for whole years back from today, or everything", () => {
    expect(rangeQuery("1y", "2026-11-23")).toEqual({ from: "2025-11-24", to: "2026-11-23" });
    expect(rangeQuery("all", "2026-11-23").from).toBe("1970-01-01");
  });
});

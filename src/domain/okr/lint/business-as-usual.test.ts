import { describe, expect, it } from "vitest";
import { businessAsUsual } from "./business-as-usual.ts";
import type { DraftKeyResult } from "./types.ts";

const flags = (kr: DraftKeyResult) => businessAsUsual(kr) !== null;

describe("business-as-usual", () => {
  it("flags keep-wording with no numbers that say otherwise", () => {
    for (const title of [
      "Keep warehouse temperature between 2 and 8 degrees",
      "Maintain ISO 9001 accreditation",
      "maintian our Trustpilot score above 4.3", // typo
      "Stay within the travel budget for the quarter",
      "Server error rate remains below 0.1%",
      "Sustain weekly sprint velocity",
      "Retain our Gold partner status at current level",
      "Hold average basket size steady",
      "Continue the monthly supplier reviews",
      "Make sure complaints do not increase",
      "Ensure churn does not go above 2 %",
      "Avoid any drop in repeat bookings",
      "Protect our AA credit rating",
      "Retain all current corporate donors", // a quantifier before what we have
    ]) {
      expect(flags({ title }), title).toBe(true);
    }
  });

  it("flags a worst-case bound that today's value already meets, whichever way is good", () => {
    expect(flags({ title: "Sample failure rate no worse than 2%", startValue: 1.7, targetValue: 2 })).toBe(
      true,
    );
    expect(flags({ title: "Sample failure rate from 4% to 2%", startValue: 4, targetValue: 2 })).toBe(false);
  });

  it("flags a start equal to the target, whatever the wording", () => {
    expect(flags({ title: "Active volunteers: 300 → 300", startValue: 300, targetValue: 300 })).toBe(true);
    expect(flags({ title: "Gross margin 31%", kind: "percentage", startValue: 31, targetValue: 31.0 })).toBe(
      true,
    );
    expect(flags({ title: "Lost-time injuries", startValue: 0, targetValue: 0 })).toBe(true);
  });

  it("flags a ceiling or floor that today's value already meets", () => {
    expect(flags({ title: "No more than 3% of invoices paid late (currently 2.1%)" })).toBe(true);
    expect(flags({ title: "Cash runway of at least 12 months", startValue: 18, targetValue: 12 })).toBe(true);
    expect(
      flags({ title: "Do not let stock accuracy fall below 98%", startValue: 99, targetValue: 98 }),
    ).toBe(true);
    expect(flags({ title: "Refund time must not exceed 5 days", startValue: 3, targetValue: 5 })).toBe(true);
    expect(flags({ title: "Limit write-offs to 0.5% of sales", startValue: 0.4, targetValue: 0.5 })).toBe(
      true,
    );
    expect(flags({ title: "Keep pallets per hour at 60", startValue: 59, targetValue: 60 })).toBe(true);
  });

  it("flags a target inside the linked KPI's usual range", () => {
    const kpiRange = { p10: 88, p90: 94 };
    expect(flags({ title: "On-time rate from 90% to 92%", startValue: 90, targetValue: 92, kpiRange })).toBe(
      true,
    );
    expect(flags({ title: "On-time rate from 90% to 97%", startValue: 90, targetValue: 97, kpiRange })).toBe(
      false,
    );
  });

  it("does not flag keep-wording whose numbers move", () => {
    expect(flags({ title: "At least 95 % on-time, currently 87 %" })).toBe(false);
    expect(flags({ title: "At least 95 % on-time, currently 87 %", startValue: 87, targetValue: 95 })).toBe(
      false,
    );
    expect(flags({ title: "Keep reducing refund time from 6 days to 2 days" })).toBe(false);
    expect(flags({ title: "Maintain the growth: subscribers from 4.5k to 7k" })).toBe(false);
    expect(flags({ title: "Keep open bugs under 50, we are at 140 today" })).toBe(false);
    expect(flags({ title: "Stay below 200ms p99 latency", startValue: 340, targetValue: 200 })).toBe(false);
    expect(flags({ title: "Hold churn at 2% while the customer base grows from 2,000 to 4,000" })).toBe(
      false,
    );
  });

  it("does not flag ordinary changes or tasks", () => {
    for (const kr of [
      { title: "Net revenue retention from 96% to 104%", startValue: 96, targetValue: 104 },
      { title: "Ticket backlog down from one thousand two hundred to 300" },
      { title: "Hold 4 supplier workshops" },
      { title: "Customers using self-service each month: 0 → 5,000", startValue: 0, targetValue: 5000 },
      { title: "Reduce time to first response to under 2 hours", startValue: 9, targetValue: 2 },
    ]) {
      expect(flags(kr), kr.title).toBe(false);
    }
  });

  it("offers to move the KR to the KPI board and explains why", () => {
    const found = businessAsUsual({ title: "Maintain 99.95% uptime" });
    // With the KR's name (and unit and level where it has them) for the KPI form.
    expect(found?.fix).toEqual({ kind: "move-to-kpi-board", name: "Maintain 99.95% uptime" });
    expect(
      businessAsUsual({ title: "Hold NPS", startValue: 41, targetValue: 41, unit: "points" })?.fix,
    ).toEqual({
      kind: "move-to-kpi-board",
      name: "Hold NPS",
      unit: "points",
      target: 41,
    });
    expect(found?.message).toMatch(/KPI board/);
  });
});

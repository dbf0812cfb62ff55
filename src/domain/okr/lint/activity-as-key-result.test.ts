import { describe, expect, it } from "vitest";
import { activityAsKeyResult } from "./activity-as-key-result.ts";
import type { DraftKeyResult } from "./types.ts";

const flags = (kr: DraftKeyResult) => activityAsKeyResult(kr) !== null;

describe("activity-as-key-result", () => {
  it("flags tasks and outputs", () => {
    for (const kr of [
      { title: "Launch the partner portal" },
      { title: "launch teh partner portal by March" },
      { title: "Roll-out the new rota tool to all depots" },
      { title: "Organize 5 customer round tables", startValue: 0, targetValue: 5 },
      { title: "Publish a pricing FAQ" },
      { title: "Recruit three data engineers" },
      { title: "Run a pilot with two schools" },
      { title: "We will implement single sign-on" },
      { title: "Send a satisfaction survey to all tenants" },
      { title: "New intranet launched by end of Q2" },
      { title: "Onboarding handbook written and shared" },
    ]) {
      expect(flags(kr), kr.title).toBe(true);
    }
  });

  it("does not flag outcomes, even when they mention what was built", () => {
    for (const kr of [
      { title: "Tenants paying rent through the new portal: 0 → 2,500", startValue: 0, targetValue: 2500 },
      { title: "Weekly users of the partner portal from 120 to 900", startValue: 120, targetValue: 900 },
      { title: "Sign 12 new distribution agreements" },
      { title: "Pass the PCI DSS audit with no major findings" },
      { title: "Reduce onboarding time from 10 days to 3" },
      { title: "Training completion rate above 90%" },
      { title: "Hires still with us after 6 months: 70% → 90%", startValue: 70, targetValue: 90 },
      { title: "Stock-outs of top-selling lines down to 1 per week" },
      { title: "Hold gross margin at 40 %" },
      { title: "Add 400 paying subscribers" },
      { title: "Collect £60k in gift aid" },
      { title: "Deliver 97% of orders within 24 hours" },
    ]) {
      expect(flags(kr), kr.title).toBe(false);
    }
  });

  it("is a soft warning that points at the outcome", () => {
    expect(activityAsKeyResult({ title: "Build the mobile app" })?.message).toMatch(/result/);
  });
});

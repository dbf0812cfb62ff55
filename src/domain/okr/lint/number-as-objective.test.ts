import { describe, expect, it } from "vitest";
import { numberAsObjective } from "./number-as-objective.ts";

const flags = (title: string) => numberAsObjective(title) !== null;

describe("number-as-objective", () => {
  it("flags an Objective that is a measure with a target", () => {
    for (const title of [
      "$2M in annual recurring revenue",
      "Hit 500k monthly downloads",
      "Customer satisfaction score of 4.8",
      "Grow subscriptions by 25 per cent",
      "Cut operating costs by one fifth", // number words
      "Twenty percent more renewals in H2",
      "Churn under 1.5%",
      "CSAT 90+",
      "Reduce average wait time to 10 mins",
      "Triple the number of enterprise leads",
      "Zero data breaches",
      "Revenue: €12.5m, margin: 18 %",
      "Monthly active users of the partner portal",
      "Shrink the waiting list by a third",
      "Employee NPS",
      "Our 40 hours of overtime down to 10", // a measure after the count keeps it a quantity
      "Grow the 12 % margin to 15 %",
      "Publish 12 peer-reviewed papers", // a hyphenated word is one topic word
    ]) {
      expect(flags(title), title).toBe(true);
    }
  });

  it("does not flag an Objective that uses a figure as context for a real ambition", () => {
    for (const title of [
      "Be the pharmacy 2 out of 3 families in Bristol trust with repeat prescriptions",
      "Give the 1,200 carers who rely on our helpline an answer while they are still on the phone",
      "New starters in Plant 2 can run a line on their own within three weeks",
      "Halve the steps a clinician needs to order a scan, so they spend time with patients",
      "Win back the 30 council contracts we lost to paperwork delays",
      "Make the 8:15 shuttle the one staff can rely on", // a time of day, a lone "one"
      "Pupils in Year 9 and Year 10 choose science because they enjoy it", // numbers in names
      "Make our 2 warehouses the safest in Germany", // a count of what exists names the things
      "Get the 3 depots ready for the winter peak",
    ]) {
      expect(flags(title), title).toBe(false);
    }
  });

  it("does not flag Objectives without a number", () => {
    for (const title of [
      "Make invoicing painless for freelance customers",
      "Improve quality",
      "Grow revenue",
    ]) {
      expect(flags(title), title).toBe(false);
    }
  });

  it("suggests moving the number into a Key Result", () => {
    const found = numberAsObjective("NPS 65");
    expect(found?.fix?.kind).toBe("rewrite");
    expect(found?.message).toMatch(/Key Result/);
  });
});

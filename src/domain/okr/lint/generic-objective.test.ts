import { describe, expect, it } from "vitest";
import { genericObjective } from "./generic-objective.ts";

const flags = (title: string) => genericObjective(title) !== null;

describe("generic-objective", () => {
  it("flags Objectives that name no value or focus", () => {
    for (const title of [
      "Improve Customer Satisfaction", // title case
      "Optimize our operations", // American spelling
      "Increse productivity", // typo in the broad verb
      "Be the leading company in our industry",
      "Deliver world-class products",
      "Drive growth",
      "Enhance the employee experience",
      "Strengthen collaboration across teams",
      "Become a more innovative organization",
      "Improve performance",
    ]) {
      expect(flags(title), title).toBe(true);
    }
  });

  it("does not flag Objectives with a specific focus", () => {
    for (const title of [
      "Make returns effortless for our Berlin customers",
      "Improve onboarding for small-business customers",
      "Make Monday stand-ups worth attending",
      "Cut the time nurses spend on discharge paperwork",
      "Become the first choice for vegan ready meals in Scotland",
      "Customers in rural areas get broadband that works in the evening",
      "Improve the quality of tomato seedlings from the Almería greenhouses",
    ]) {
      expect(flags(title), title).toBe(false);
    }
  });

  it("knows a broad word in its other forms, compounds and buzzwords", () => {
    for (const title of [
      "Foster continuous improvement", // nouns and adjectives of broad verbs
      "Build a high-performing team",
      "Grow our community of supporters",
      "Win in the marketplace", // two broad words written as one
      "Be a customer-obsessed organisation", // broad first half and a participle
      "Improve how we work together", // question words and adverbs carry no topic
      "Continue to build a culture of excellence and innovation across the whole organisation", // long, all broad
    ]) {
      expect(flags(title), title).toBe(true);
    }
    for (const title of [
      "Improve the experience of patients waiting for test results",
      "Shape the new town centre with residents",
      "Give nurses time to care",
      "Make our quality checks catch weld defects before painting",
    ]) {
      expect(flags(title), title).toBe(false);
    }
  });

  it("does not flag a number-only Objective (another rule's job) or empty text", () => {
    expect(flags("Improve NPS to 60")).toBe(false);
    expect(flags("")).toBe(false);
  });

  it("asks for one aspect and who benefits", () => {
    expect(genericObjective("Improve quality")?.message).toMatch(/aspect/);
  });
});

import { describe, expect, it } from "vitest";
import { leadsAnyTeam } from "./leads-any-team.ts";

const tree = [
  {
    leadUserId: "lotte",
    children: [
      { leadUserId: null, children: [{ leadUserId: "milan", children: [] }] },
      { leadUserId: "sanne", archived: true, children: [] },
    ],
  },
];

describe("leadsAnyTeam", () => {
  it("finds a lead at any depth", () => {
    expect(leadsAnyTeam(tree, "lotte")).toBe(true);
    expect(leadsAnyTeam(tree, "milan")).toBe(true);
  });
  it("ignores archived teams and people who lead nothing", () => {
    expect(leadsAnyTeam(tree, "sanne")).toBe(false);
    expect(leadsAnyTeam(tree, "tess")).toBe(false);
  });
});

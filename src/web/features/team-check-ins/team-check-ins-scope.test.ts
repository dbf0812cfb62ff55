import { describe, expect, it } from "vitest";
import type { TeamNode } from "../../lib/types.ts";
import { followedRoots, followsAnyTeam, mayFollow } from "./team-check-ins-scope.ts";

function team(id: string, leadUserId: string | null, children: TeamNode[] = [], archived = false): TeamNode {
  return {
    id,
    parentId: null,
    name: id,
    kind: "department",
    methodology: "both",
    leadUserId,
    leadName: null,
    memberCount: 3,
    archived,
    version: 1,
    children,
  };
}

// Nordwind: Operations (Fenna) → Hub Rotterdam (Milan), Customs Desk (Noor) → Night shift (Milan).
const tree = [
  team("Nordwind", "owner", [
    team("Operations", "fenna", [
      team("Hub Rotterdam", "milan"),
      team("Customs Desk", "noor", [team("Night shift", "milan"), team("Old desk", "noor", [], true)]),
    ]),
  ]),
];
const names = (roots: TeamNode[]): string[] => roots.flatMap((r) => [r.name, ...names(r.children)]);

describe("teams whose check-ins a person follows", () => {
  it("a lead follows the teams they lead and everything below, each once", () => {
    expect(names(followedRoots(tree, "fenna", false))).toEqual([
      "Operations",
      "Hub Rotterdam",
      "Customs Desk",
      "Night shift",
    ]);
    expect(followedRoots(tree, "milan", false).map((t) => t.name)).toEqual(["Hub Rotterdam", "Night shift"]);
    expect(mayFollow(tree, "Night shift", "noor", false)).toBe(true);
    expect(mayFollow(tree, "Hub Rotterdam", "noor", false)).toBe(false);
  });

  it("a member who leads nothing follows nothing; admins follow every live team", () => {
    expect(followsAnyTeam(tree, "emma", false)).toBe(false);
    expect(followsAnyTeam(tree, "emma", true)).toBe(true);
    expect(names(followedRoots(tree, "emma", true))).not.toContain("Old desk");
  });
});

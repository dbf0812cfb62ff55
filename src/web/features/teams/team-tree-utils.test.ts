import { describe, expect, it } from "vitest";
import type { TeamNode } from "../../lib/types.ts";
import {
  ancestorIds,
  filterTree,
  flattenTree,
  subtreeIds,
  subtreeMemberships,
  treeTotals,
} from "./team-tree-utils.ts";

function team(name: string, children: TeamNode[] = [], memberCount = 1): TeamNode {
  const id = name.toLowerCase().replace(/\s+/g, "-");
  for (const child of children) child.parentId = id;
  return {
    id,
    parentId: null,
    name,
    kind: "team",
    methodology: "both",
    leadUserId: null,
    leadName: null,
    memberCount,
    archived: false,
    version: 1,
    children,
  };
}

const tree = [
  team("Nordwind", [
    team("Operations", [team("Fleet", [team("Driver Planning")]), team("Warehousing")]),
    team("Technology", [team("Platform")]),
  ]),
];

describe("team tree helpers", () => {
  it("flattens depth first with depths and parent names", () => {
    const flat = flattenTree(tree).map((f) => `${f.depth}:${f.team.name}:${f.parentName ?? "-"}`);
    expect(flat).toEqual([
      "0:Nordwind:-",
      "1:Operations:Nordwind",
      "2:Fleet:Operations",
      "3:Driver Planning:Fleet",
      "2:Warehousing:Operations",
      "1:Technology:Nordwind",
      "2:Platform:Technology",
    ]);
  });

  it("lists a team's whole subtree, so a move dialog can exclude it", () => {
    const operations = tree[0]!.children[0]!;
    expect([...subtreeIds(operations)].sort()).toEqual([
      "driver-planning",
      "fleet",
      "operations",
      "warehousing",
    ]);
  });

  it("keeps matches with their ancestors and expands the path to them", () => {
    const { roots, expand } = filterTree(tree, "driver");
    expect(flattenTree(roots).map((f) => f.team.name)).toEqual([
      "Nordwind",
      "Operations",
      "Fleet",
      "Driver Planning",
    ]);
    expect([...expand].sort()).toEqual(["fleet", "nordwind", "operations"]);
  });

  it("finds nothing for a name no team has", () => {
    expect(filterTree(tree, "marketing").roots).toEqual([]);
  });

  it("counts teams and memberships", () => {
    expect(treeTotals(tree)).toEqual({ teams: 7, memberships: 7 });
    expect(subtreeMemberships(tree[0]!.children[0]!)).toBe(4);
  });

  it("lists the teams above one, nearest first", () => {
    expect(ancestorIds(tree, "driver-planning")).toEqual(["fleet", "operations", "nordwind"]);
    expect(ancestorIds(tree, "nordwind")).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { subtreesInOrder } from "./team-subtree.ts";

const teams = [
  { id: "company", parentId: null },
  { id: "sales", parentId: "company" },
  { id: "ops", parentId: "company" },
  { id: "north", parentId: "sales" },
  { id: "hubs", parentId: "ops" },
  { id: "island", parentId: null },
];
const ids = (rows: Array<{ id: string; depth: number }>) => rows.map((r) => `${r.id}:${r.depth}`);

describe("subtreesInOrder", () => {
  it("walks depth first, parents before children, siblings in input order", () => {
    expect(ids(subtreesInOrder(teams, ["company"]))).toEqual([
      "company:0",
      "sales:1",
      "north:2",
      "ops:1",
      "hubs:2",
    ]);
  });

  it("lists a root that lies under another root once, under it", () => {
    expect(ids(subtreesInOrder(teams, ["north", "sales"]))).toEqual(["sales:0", "north:1"]);
  });

  it("keeps separate roots apart and ignores unknown ids", () => {
    expect(ids(subtreesInOrder(teams, ["hubs", "island", "nowhere"]))).toEqual(["hubs:0", "island:0"]);
  });

  it("never loops on a damaged tree", () => {
    const loop = [
      { id: "a", parentId: "b" },
      { id: "b", parentId: "a" },
    ];
    expect(ids(subtreesInOrder(loop, ["a"]))).toEqual(["a:0", "b:1"]);
  });
});

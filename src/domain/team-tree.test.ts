import { describe, expect, it } from "vitest";
import { buildTree, nameSortKey, subtreeInOrder, wouldCreateLoop } from "./team-tree.ts";

const parents = new Map<string, string | null>([
  ["company", null],
  ["ops", "company"],
  ["fleet", "ops"],
  ["routing", "fleet"],
  ["sales", "company"],
]);

describe("team tree", () => {
  it("refuses to move a team under itself or a descendant", () => {
    expect(wouldCreateLoop("ops", "ops", parents)).toBe(true);
    expect(wouldCreateLoop("ops", "routing", parents)).toBe(true);
    expect(wouldCreateLoop("fleet", "sales", parents)).toBe(false);
    expect(wouldCreateLoop("fleet", null, parents)).toBe(false);
  });
  it("builds nested children and keeps orphans as roots", () => {
    const tree = buildTree([
      { id: "company", parentId: null },
      { id: "ops", parentId: "company" },
      { id: "fleet", parentId: "ops" },
      { id: "lost", parentId: "missing" },
    ]);
    expect(tree.map((n) => n.id)).toEqual(["company", "lost"]);
    expect(tree[0]?.children[0]?.children.map((n) => (n as { id: string }).id)).toEqual(["fleet"]);
  });
  it("sorts names without accents or case mattering", () => {
    const names = ["Zürich Hub", "zebra", "Ålesund", "alpha"];
    expect([...names].sort((a, b) => (nameSortKey(a) < nameSortKey(b) ? -1 : 1))).toEqual([
      "Ålesund",
      "alpha",
      "zebra",
      "Zürich Hub",
    ]);
  });
});

describe("a subtree in report order", () => {
  const rows = [
    { id: "c", parentId: null, name: "Company" },
    { id: "ops", parentId: "c", name: "Operations" },
    { id: "fin", parentId: "c", name: "finance" },
    { id: "hub", parentId: "ops", name: "Hub Nord" },
    { id: "orphan", parentId: "archived", name: "Archived parent's squad" },
  ];

  it("walks depth first with siblings by name, whatever their case", () => {
    expect(subtreeInOrder(rows, "c").map((t) => [t.team.id, t.depth])).toEqual([
      ["c", 0],
      ["fin", 1],
      ["ops", 1],
      ["hub", 2],
    ]);
  });

  it("starts from every top team for the whole organisation, including teams under an archived one", () => {
    expect(subtreeInOrder(rows, null).map((t) => t.team.id)).toEqual(["orphan", "c", "fin", "ops", "hub"]);
  });

  it("gives nothing for an unknown root", () => {
    expect(subtreeInOrder(rows, "nope")).toEqual([]);
  });
});

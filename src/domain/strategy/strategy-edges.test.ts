import { describe, expect, it } from "vitest";
import { edgeKey, edgesAmong, isSelfLoop } from "./strategy-edges.ts";

const theme = (id: string) => ({ kind: "theme" as const, id });
const objective = (id: string) => ({ kind: "objective" as const, id });

describe("strategy edges", () => {
  it("refuses only a node causing itself", () => {
    expect(isSelfLoop(theme("a"), theme("a"))).toBe(true);
    expect(isSelfLoop(theme("a"), objective("a"))).toBe(false);
    expect(isSelfLoop(theme("a"), theme("b"))).toBe(false);
  });

  it("keys an edge by direction", () => {
    expect(edgeKey(theme("a"), theme("b"))).not.toBe(edgeKey(theme("b"), theme("a")));
  });

  it("draws only edges with both ends on the map", () => {
    const edges = [
      { id: "1", from: theme("a"), to: objective("x") },
      { id: "2", from: theme("a"), to: objective("gone") },
    ];
    expect(edgesAmong(edges, new Set(["theme:a", "objective:x"])).map((e) => e.id)).toEqual(["1"]);
  });
});

import { describe, expect, it } from "vitest";
import type { AlignmentNode } from "../../lib/types.ts";
import { branchKeys, contributorsOf, filterAlignment, findNode, treeCounts } from "./alignment-utils.ts";

/** A node as GET /alignment returns it: the Objective in brief, its live KRs in brief. */
function node(
  id: string,
  title: string,
  children: AlignmentNode[] = [],
  krTitles: string[] = [],
): AlignmentNode {
  return {
    id,
    teamId: null,
    teamName: "Operations",
    ownerName: "Ada Admin",
    title,
    state: "active",
    progress: 0.42,
    expectedProgress: 0.54,
    status: "on_track",
    restricted: false,
    alignedProgress: null,
    contributionWeight: null,
    healthAlert: null,
    keyResults: krTitles.map((t, i) => ({
      id: `${id}-kr-${i}`,
      title: t,
      kind: "metric",
      startValue: 40,
      targetValue: 90,
      currentValue: 61,
      done: false,
      unit: "%",
      progress: 0.42,
      status: "on_track",
    })),
    children,
  };
}

// "Trustworthy events" contributes to two parents, so it appears twice.
const events = node("events", "Make tracking events trustworthy", [], ["Replace the legacy event queue"]);
const tree = [
  node("reliable", "Become the most reliable freight partner", [
    node("late", "Cut late deliveries", [node("first", "First attempt")]),
  ]),
  node(
    "traceable",
    "Make every shipment traceable",
    [node("live", "Ship live tracking", [events]), events],
    ["Live tracking 40 % → 90 %"],
  ),
];

describe("alignment tree helpers", () => {
  it("finds an Objective and what contributes to it", () => {
    expect(findNode(tree, "late")?.title).toBe("Cut late deliveries");
    expect(contributorsOf(tree, "traceable").map((n) => n.id)).toEqual(["live", "events"]);
    expect(contributorsOf(tree, "nowhere")).toEqual([]);
  });

  it("keys branches by path, so a node under two parents opens separately", () => {
    expect([...branchKeys(tree)].sort()).toEqual([
      "/reliable",
      "/reliable/late",
      "/traceable",
      "/traceable/live",
    ]);
    expect([...branchKeys(tree, 1)].sort()).toEqual(["/reliable", "/traceable"]);
  });

  it("counts each Objective and its KRs once", () => {
    expect(treeCounts(tree)).toEqual({ objectives: 6, keyResults: 2 });
  });

  it("filters by title or KR, keeping the path to each match", () => {
    const found = filterAlignment(tree, "legacy event");
    expect(found.map((n) => n.id)).toEqual(["traceable"]);
    expect(found[0]?.children.map((n) => n.id)).toEqual(["live", "events"]);
    expect(filterAlignment(tree, "nothing like this")).toEqual([]);
    expect(filterAlignment(tree, "")).toHaveLength(2);
  });
});

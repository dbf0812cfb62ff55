import { describe, expect, it } from "vitest";
import type { TeamNode } from "../../lib/types.ts";
import { groupByTeam, hasLeaderScope, scopeFromParam } from "./team-scope.ts";

function team(
  name: string,
  leadUserId: string | null,
  children: TeamNode[] = [],
  archived = false,
): TeamNode {
  const id = name.toLowerCase().replace(/\s+/g, "-");
  for (const child of children) child.parentId = id;
  return {
    id,
    parentId: null,
    name,
    kind: "team",
    methodology: "both",
    leadUserId,
    leadName: null,
    memberCount: 1,
    archived,
    version: 1,
    children,
  };
}

describe("a team's scope", () => {
  it("is the whole subtree unless the address says team", () => {
    expect(scopeFromParam(null)).toBe("subtree");
    expect(scopeFromParam("subtree")).toBe("subtree");
    expect(scopeFromParam("team")).toBe("team");
    expect(scopeFromParam("everything")).toBe("subtree");
  });

  it("groups a subtree's items by team: the team itself first, then the others by name", () => {
    const kpis = [
      { name: "Fleet availability", team: { id: "ops", name: "Operations" } },
      { name: "First-pass sorting", team: { id: "sort", name: "sorting Rotterdam" } },
      { name: "On-time departures", team: { id: "hub", name: "Hub Rotterdam" } },
      { name: "Dock turnaround", team: { id: "hub", name: "Hub Rotterdam" } },
    ];
    const groups = groupByTeam(kpis, "ops", (k) => k.team);
    expect(groups.map((g) => [g.teamName, g.items.map((k) => k.name)])).toEqual([
      ["Operations", ["Fleet availability"]],
      ["Hub Rotterdam", ["On-time departures", "Dock turnaround"]],
      ["sorting Rotterdam", ["First-pass sorting"]],
    ]);
    // A team with nothing of its own starts with the first team below it.
    expect(groupByTeam(kpis.slice(1), "ops", (k) => k.team).map((g) => g.teamId)).toEqual(["hub", "sort"]);
    expect(groupByTeam([], "ops", () => ({ id: "x", name: "X" }))).toEqual([]);
  });

  it("gives admins and leads an escalation scope, others their inbox", () => {
    const roots = [
      team("Operations", "milan", [team("Hub Rotterdam", "sanne"), team("Old Hub", "tess", [], true)]),
    ];
    expect(hasLeaderScope(roots, "sanne", false)).toBe(true);
    expect(hasLeaderScope(roots, "milan", false)).toBe(true);
    // Leading only an archived team is leading nothing.
    expect(hasLeaderScope(roots, "tess", false)).toBe(false);
    expect(hasLeaderScope(roots, "emma", false)).toBe(false);
    expect(hasLeaderScope(roots, "emma", true)).toBe(true);
    expect(hasLeaderScope(roots, null, false)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import type { Cycle, TeamNode } from "../../lib/types.ts";
import { defaultCycle, defaultTeamId, nextCycle, sortCycles, todayIso } from "./okr-defaults.ts";

function cycle(
  name: string,
  kind: Cycle["kind"],
  state: Cycle["state"],
  startsOn: string,
  endsOn: string,
): Cycle {
  return { id: name, name, kind, state, startsOn, endsOn, version: 1 };
}

const cycles = [
  cycle("Q3 2026", "quarter", "closed", "2026-07-06", "2026-10-04"),
  cycle("FY 2026", "year", "active", "2026-01-05", "2027-01-03"),
  cycle("Q4 2026", "quarter", "active", "2026-10-05", "2027-01-03"),
  cycle("Q1 2027", "quarter", "planning", "2027-01-04", "2027-04-04"),
  cycle("Q2 2027", "quarter", "planning", "2027-04-05", "2027-07-04"),
];

function team(name: string, extra: Partial<TeamNode> = {}, children: TeamNode[] = []): TeamNode {
  return {
    id: name.toLowerCase(),
    parentId: null,
    name,
    kind: "team",
    methodology: "both",
    leadUserId: null,
    leadName: null,
    memberCount: 3,
    archived: false,
    version: 1,
    children,
    ...extra,
  };
}

describe("default cycle", () => {
  it("opens on the running quarter that contains today, not the year", () => {
    expect(defaultCycle(cycles, "2026-11-23")?.name).toBe("Q4 2026");
  });

  it("prefers a running cycle over the one that contains today", () => {
    const grading = cycles.map((c) => (c.name === "Q4 2026" ? { ...c, state: "grading" as const } : c));
    expect(defaultCycle(grading, "2027-01-10")?.name).toBe("FY 2026");
  });

  it("falls back to the next planned cycle, then the latest closed one", () => {
    const planned = cycles.filter((c) => c.state !== "active");
    expect(defaultCycle(planned, "2026-11-23")?.name).toBe("Q1 2027");
    expect(
      defaultCycle(
        cycles.filter((c) => c.state === "closed"),
        "2026-11-23",
      )?.name,
    ).toBe("Q3 2026");
    expect(defaultCycle([], "2026-11-23")).toBeNull();
  });

  it("lists running cycles first, quarters before years", () => {
    expect(sortCycles(cycles).map((c) => c.name)).toEqual([
      "Q4 2026",
      "FY 2026",
      "Q2 2027",
      "Q1 2027",
      "Q3 2026",
    ]);
  });

  it("continues in the next planned or running cycle of the same kind", () => {
    const q4 = cycles[2]!;
    expect(nextCycle(cycles, q4)?.name).toBe("Q1 2027");
    expect(nextCycle(cycles.slice(0, 3), q4)).toBeNull();
  });

  it("writes today as a calendar date", () => {
    expect(todayIso(new Date(2026, 10, 3))).toBe("2026-11-03");
  });
});

describe("default team", () => {
  const roots = [
    team("Nordwind", {}, [
      team("Fleet", { methodology: "kpi", leadUserId: "u1" }),
      team("Operations", {}, [team("Urban Delivery", { leadUserId: "u2" })]),
    ]),
  ];

  it("picks a team the person leads (skipping KPI-only teams)", () => {
    expect(defaultTeamId(roots, "u2")).toBe("urban delivery");
    expect(defaultTeamId(roots, "u1")).toBe("nordwind");
  });

  it("else the team of their key results, else the company", () => {
    expect(defaultTeamId(roots, "u9", [null, "Operations"])).toBe("operations");
    expect(defaultTeamId(roots, "u9", ["Gone team"])).toBe("nordwind");
    expect(defaultTeamId([], "u9")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { driverListProblems, driverLoop, MAX_DRIVERS } from "./driver-graph.ts";

describe("driverLoop", () => {
  it("finds no loop in a tree, even when two KPIs share a driver", () => {
    const graph = new Map([
      ["csat", ["turnaround", "fcr"]],
      ["nps", ["turnaround"]],
    ]);
    expect(driverLoop(graph, "turnaround", ["staffing"])).toBeNull();
    expect(driverLoop(graph, "csat", ["turnaround", "fcr", "nps"])).toBeNull();
  });

  it("reports a two-KPI loop from the KPI down to itself", () => {
    const graph = new Map([["b", ["a"]]]);
    expect(driverLoop(graph, "a", ["b"])).toEqual(["a", "b", "a"]);
  });

  it("reports a longer loop in order, however deep it closes", () => {
    const graph = new Map([
      ["b", ["c"]],
      ["c", ["d"]],
      ["d", ["a"]],
    ]);
    expect(driverLoop(graph, "a", ["x", "b"])).toEqual(["a", "b", "c", "d", "a"]);
  });

  it("reports the shortest loop when there are several", () => {
    const graph = new Map([
      ["b", ["c"]],
      ["c", ["a"]],
      ["e", ["a"]],
    ]);
    expect(driverLoop(graph, "a", ["b", "e"])).toEqual(["a", "e", "a"]);
  });

  it("ignores the KPI's old drivers: the new list replaces them", () => {
    const graph = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
    ]);
    expect(driverLoop(graph, "c", ["a"])).toEqual(["c", "a", "b", "c"]);
    const without = new Map([["b", ["c"]]]);
    expect(driverLoop(without, "a", [])).toBeNull();
  });

  it("names the KPI as its own driver as a loop of one", () => {
    expect(driverLoop(new Map(), "a", ["a"])).toEqual(["a", "a"]);
  });

  it("walks a long chain without recursion", () => {
    const graph = new Map<string, string[]>();
    for (let i = 0; i < 50_000; i++) graph.set(`k${i}`, [`k${i + 1}`]);
    graph.set("k50000", ["root"]);
    const loop = driverLoop(graph, "root", ["k0"]);
    expect(loop?.length).toBe(50_003);
  });
});

describe("driverListProblems", () => {
  it("accepts a short list of other KPIs", () => {
    expect(driverListProblems("a", ["b", "c"])).toEqual([]);
    expect(driverListProblems("a", [])).toEqual([]);
  });

  it("names the KPI itself, duplicates and too long a list", () => {
    expect(driverListProblems("a", ["b", "a", "b"])).toEqual([
      { kind: "self", id: "a" },
      { kind: "duplicate", id: "b" },
    ]);
    const many = Array.from({ length: MAX_DRIVERS + 1 }, (_, i) => `k${i}`);
    expect(driverListProblems("a", many)).toEqual([{ kind: "too_many", count: MAX_DRIVERS + 1 }]);
  });
});

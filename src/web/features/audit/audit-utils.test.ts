import { describe, expect, it } from "vitest";
import { actionLabel, changedFields, displayValue, entityLabel, entityTypes } from "./audit-utils.ts";

describe("audit before → after", () => {
  it("lists only the fields that changed, without ids and versions", () => {
    const before = { id: "t1", name: "Fleet", parentId: "a", version: 3, memberCount: 4 };
    const after = { id: "t1", name: "Fleet", parentId: "b", version: 4, memberCount: 4 };
    expect(changedFields(before, after)).toEqual([{ field: "parentId", before: "a", after: "b" }]);
  });

  it("shows the fields a creation set", () => {
    expect(changedFields(null, { name: "Q1 2027", state: "planning", revokedAt: null })).toEqual([
      { field: "name", before: undefined, after: "Q1 2027" },
      { field: "state", before: undefined, after: "planning" },
    ]);
  });

  it("has nothing to show for events without data", () => {
    expect(changedFields(null, null)).toEqual([]);
  });

  it("names actions and values for people", () => {
    expect(actionLabel("team.member_added")).toBe("Member added");
    expect(displayValue(null)).toBe("—");
    expect(displayValue({ a: 1 })).toBe('{"a":1}');
  });

  it("names entity types in words, not codes", () => {
    expect(entityLabel("key_result")).toBe("Key result");
    expect(entityLabel("check_in")).toBe("Check-in");
    expect(entityLabel("kpi_floor")).toBe("KPI floor");
    expect(entityLabel("membership")).toBe("Person");
    // A type without a word of its own still reads as words.
    expect(entityLabel("strategy_map")).toBe("Strategy map");
    for (const { value } of entityTypes) expect(entityLabel(value)).not.toMatch(/_/);
  });
});

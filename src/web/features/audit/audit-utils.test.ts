import { describe, expect, it } from "vitest";
import { actionLabel, changedFields, displayValue } from "./audit-utils.ts";

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
});

import { describe, expect, it } from "vitest";
import { changedFields } from "./no-op.ts";

describe("changedFields", () => {
  it("ignores fields left out and fields sent with their stored value", () => {
    const stored = { name: "Hub Rotterdam", leadUserId: null, archivedAt: new Date("2026-10-01T00:00:00Z") };
    expect(changedFields({}, stored)).toEqual([]);
    expect(changedFields({ name: "Hub Rotterdam", leadUserId: null, kind: undefined }, stored)).toEqual([]);
    expect(changedFields({ archivedAt: new Date("2026-10-01T00:00:00Z") }, stored)).toEqual([]);
  });

  it("names the fields that change", () => {
    const stored = { name: "Hub Rotterdam", weight: 1, tags: ["a"], archivedAt: null };
    expect(
      changedFields({ name: "Hub Antwerp", weight: 1, tags: ["a", "b"], archivedAt: new Date(0) }, stored),
    ).toEqual(["name", "tags", "archivedAt"]);
  });
});

import { describe, expect, it } from "vitest";
import {
  carriedOver,
  forecastTurnedUnlikely,
  type GeneratedItem,
  itemsToAdd,
  openItemCount,
  sourceKeys,
} from "./agenda-items.ts";

const flagItem = (id: string): GeneratedItem => ({
  kind: "risk_flag",
  sourceKey: sourceKeys.flag(id),
  subjectKind: "key_result",
  subjectId: "kr-1",
  title: "Parcels scanned at the dock",
  quote: "We are still waiting on the platform team.",
});

describe("itemsToAdd", () => {
  it("adds an event the pair has not seen", () => {
    expect(itemsToAdd([flagItem("a")], new Set())).toEqual([flagItem("a")]);
  });

  it("never adds an event again once the pair has seen it on any agenda (ticked or not)", () => {
    expect(itemsToAdd([flagItem("a"), flagItem("b")], new Set(["flag:a"]))).toEqual([flagItem("b")]);
  });

  it("adds one item when the same event is offered twice", () => {
    expect(itemsToAdd([flagItem("a"), flagItem("a")], new Set())).toHaveLength(1);
  });
});

describe("sourceKeys", () => {
  it("keys an overdue check-in by the silence it belongs to", () => {
    expect(sourceKeys.overdue("kr", null)).toBe("overdue:kr:never");
    expect(sourceKeys.overdue("kr", "2026-11-02")).not.toBe(sourceKeys.overdue("kr", "2026-11-20"));
  });
});

describe("forecastTurnedUnlikely", () => {
  it("is an event only when likely became unlikely", () => {
    expect(forecastTurnedUnlikely("likely", "unlikely")).toBe(true);
    expect(forecastTurnedUnlikely("uncertain", "unlikely")).toBe(false);
    expect(forecastTurnedUnlikely("likely", "uncertain")).toBe(false);
    expect(forecastTurnedUnlikely("unlikely", "unlikely")).toBe(false);
    expect(forecastTurnedUnlikely(null, "unlikely")).toBe(false);
  });
});

describe("carriedOver", () => {
  it("carries every unticked item to the next meeting and leaves ticked ones behind", () => {
    const items = [
      { id: 1, done: true },
      { id: 2, done: false },
      { id: 3, done: false },
    ];
    expect(carriedOver(items).map((i) => i.id)).toEqual([2, 3]);
    expect(openItemCount(items)).toBe(2);
  });
});

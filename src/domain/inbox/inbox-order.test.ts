import { describe, expect, it } from "vitest";
import { countInbox, type InboxKind, orderInbox } from "./inbox-order.ts";

const item = (kind: InboxKind, key: string, dueOn: string | null = null, since: string | null = null) => ({
  kind,
  key,
  title: key,
  dueOn,
  since,
});

describe("the inbox's order", () => {
  it("puts escalations first and notifications last, soonest due first inside a group", () => {
    const ordered = orderInbox([
      item("notification", "n1"),
      item("check_in_due", "late", "2026-12-13"),
      item("check_in_due", "early", "2026-12-06"),
      item("escalation", "e1", null, "2026-12-01T08:00:00.000Z"),
      item("value_due", "v1", "2026-12-08"),
    ]);
    expect(ordered.map((i) => i.key)).toEqual(["e1", "early", "late", "v1", "n1"]);
  });

  it("puts items with a due date before those without, then the oldest first", () => {
    const ordered = orderInbox([
      item("one_on_one_item", "newer", null, "2026-12-05T08:00:00.000Z"),
      item("one_on_one_item", "older", null, "2026-12-01T08:00:00.000Z"),
      item("one_on_one_item", "dated", "2026-12-20"),
    ]);
    expect(ordered.map((i) => i.key)).toEqual(["dated", "older", "newer"]);
  });
});

describe("the inbox's counts", () => {
  it("names every kind and adds up to the list", () => {
    const items = [item("value_due", "a"), item("value_due", "b"), item("lint_finding", "c")];
    const counts = countInbox(items);
    expect(counts).toEqual({
      escalation: 0,
      check_in_due: 0,
      value_due: 2,
      one_on_one_item: 0,
      lint_finding: 1,
      notification: 0,
    });
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(items.length);
  });
});

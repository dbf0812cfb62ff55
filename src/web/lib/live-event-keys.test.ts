import { describe, expect, it } from "vitest";
import { staleKeysFor } from "./live-event-keys.ts";

describe("which queries a live event refreshes", () => {
  it("refreshes the OKR area for check-ins and flags, the KPI area for values and escalations", () => {
    expect(staleKeysFor("nordwind", { type: "check_in.created" })).toEqual([
      ["org", "nordwind", "okrs"],
      ["org", "nordwind", "my"],
    ]);
    expect(staleKeysFor("nordwind", { type: "kpi.values_changed" })).toEqual([
      ["org", "nordwind", "kpis"],
      ["org", "nordwind", "okrs"],
      ["org", "nordwind", "my"],
    ]);
  });

  it("refreshes the leadership home's counts and the inbox when an escalation changes", () => {
    expect(staleKeysFor("nordwind", { type: "escalation.opened" })).toEqual([
      ["org", "nordwind", "kpis"],
      ["org", "nordwind", "okrs", "leadership-home"],
      ["org", "nordwind", "my"],
    ]);
  });

  it("refreshes the whole organisation for an event it does not know", () => {
    expect(staleKeysFor("nordwind", { type: "something.new" as never })).toEqual([["org", "nordwind"]]);
  });
});

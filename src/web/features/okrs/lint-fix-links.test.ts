import { describe, expect, it } from "vitest";
import { fixLinkOf, kpiPrefillOf } from "./lint-fix-links.ts";

describe("links for fixes made on another page", () => {
  it("opens the team's KPI board with the KR's name, unit and target filled in, and back again", () => {
    const link = fixLinkOf("acme", "t1", {
      kind: "move-to-kpi-board",
      name: "Scanner uptime",
      unit: "%",
      target: 99.5,
    });
    expect(link?.href.startsWith("/o/acme/teams/t1/kpis?")).toBe(true);
    const params = new URL(link!.href, "http://x").searchParams;
    expect(kpiPrefillOf(params)).toEqual({ name: "Scanner uptime", unit: "percent", target: 99.5 });
  });

  it("leaves a unit the KPI form has no word for, and a missing target, empty", () => {
    const link = fixLinkOf("acme", "t1", { kind: "move-to-kpi-board", name: "Claims", unit: "per 1,000" });
    expect(kpiPrefillOf(new URL(link!.href, "http://x").searchParams)).toEqual({ name: "Claims" });
  });

  it("opens the team's page for the cycle with the floor form open", () => {
    const link = fixLinkOf("acme", null, { kind: "add-floor", teamId: "t2", cycleId: "c1" });
    const params = new URL(link!.href, "http://x").searchParams;
    expect([params.get("team"), params.get("cycle"), params.get("floor")]).toEqual(["t2", "c1", "new"]);
  });

  it("has no link for fixes the form applies, without a team, or for a board opened without one", () => {
    expect(fixLinkOf("acme", "t1", { kind: "rewrite", suggestion: "x" })).toBeNull();
    expect(fixLinkOf("acme", null, { kind: "move-to-kpi-board", name: "x" })).toBeNull();
    expect(kpiPrefillOf(new URLSearchParams("view=drivers"))).toBeNull();
    expect(kpiPrefillOf(new URLSearchParams("new=kpi&target=abc"))).toEqual({});
  });
});

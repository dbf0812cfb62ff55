import { describe, expect, it } from "vitest";
import { may, mayAssignRole, roleAtLeast, weakerRole } from "./roles.ts";

describe("roles", () => {
  it("orders viewer < member < admin < owner", () => {
    expect(roleAtLeast("owner", "admin")).toBe(true);
    expect(roleAtLeast("member", "admin")).toBe(false);
    expect(roleAtLeast("viewer", "viewer")).toBe(true);
  });
  it("keeps a token at the weaker of its role and its holder's", () => {
    expect(weakerRole("admin", "member")).toBe("member");
    expect(weakerRole("viewer", "owner")).toBe("viewer");
  });
  it("lets admins manage people, teams and cycles but not members or viewers", () => {
    for (const action of ["manage_people", "manage_teams", "manage_cycles", "read_audit"] as const) {
      expect(may("admin", action)).toBe(true);
      expect(may("member", action)).toBe(false);
      expect(may("viewer", action)).toBe(false);
    }
    expect(may("viewer", "read")).toBe(true);
  });
  it("lets only owners make or unmake owners", () => {
    expect(mayAssignRole("admin", null, "member")).toBe(true);
    expect(mayAssignRole("admin", "member", "owner")).toBe(false);
    expect(mayAssignRole("admin", "owner", "member")).toBe(false);
    expect(mayAssignRole("owner", "member", "owner")).toBe(true);
    expect(mayAssignRole("member", null, "viewer")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import type { Actor } from "../context.ts";
import { mayResolveFlag } from "./flag-policy.ts";

const actor = (userId: string | null, role: Actor["role"] = "member") => ({ userId, role }) as Actor;

describe("mayResolveFlag", () => {
  it("lets the owner's manager resolve, and not the team lead then", () => {
    const resolvers = { managerUserId: "ann", teamLeadUserId: "bob" };
    expect(mayResolveFlag(actor("ann"), resolvers)).toBe(true);
    expect(mayResolveFlag(actor("bob"), resolvers)).toBe(false);
  });

  it("falls back on the team lead when the owner has no manager", () => {
    const resolvers = { managerUserId: null, teamLeadUserId: "bob" };
    expect(mayResolveFlag(actor("bob"), resolvers)).toBe(true);
    expect(mayResolveFlag(actor("cem"), resolvers)).toBe(false);
  });

  it("lets admins resolve, never viewers or tokens without a person", () => {
    const resolvers = { managerUserId: "ann", teamLeadUserId: null };
    expect(mayResolveFlag(actor("dee", "admin"), resolvers)).toBe(true);
    expect(mayResolveFlag(actor("ann", "viewer"), resolvers)).toBe(false);
    expect(mayResolveFlag(actor(null), resolvers)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import type { Actor } from "../context.ts";
import { oneOnOneAccess } from "./one-on-one-policy.ts";

const actor = (userId: string | null, role: Actor["role"] = "member") => ({ userId, role }) as Actor;
const pair = { managerUserId: "mia", reportUserId: "raj" };

describe("oneOnOneAccess", () => {
  it("lets the two people read and write their agenda", () => {
    expect(oneOnOneAccess(actor("mia"), pair)).toBe("write");
    expect(oneOnOneAccess(actor("raj"), pair)).toBe("write");
  });

  it("lets a viewer in the pair read only", () => {
    expect(oneOnOneAccess(actor("raj", "viewer"), pair)).toBe("read");
  });

  it("lets admins and owners read someone else's agenda, not write it", () => {
    expect(oneOnOneAccess(actor("ada", "admin"), pair)).toBe("read");
    expect(oneOnOneAccess(actor("oli", "owner"), pair)).toBe("read");
    expect(oneOnOneAccess(actor(null, "admin"), pair)).toBe("read");
  });

  it("shows nothing to any other member, or a token without a person", () => {
    expect(oneOnOneAccess(actor("ned"), pair)).toBe("none");
    expect(oneOnOneAccess(actor(null), pair)).toBe("none");
  });
});

import { describe, expect, it } from "vitest";
import { loggablePath } from "./loggable-path.ts";

describe("loggablePath", () => {
  it("hides an invitation's secret, for the preview and for accepting", () => {
    expect(loggablePath("/api/invitations/inv_8f3kQ2xZ")).toBe("/api/invitations/:token");
    expect(loggablePath("/api/invitations/inv_8f3kQ2xZ/accept")).toBe("/api/invitations/:token/accept");
  });

  it("keeps every other path as it came", () => {
    expect(loggablePath("/api/orgs/nordwind/invitations/42")).toBe("/api/orgs/nordwind/invitations/42");
    expect(loggablePath("/api/orgs/nordwind/kpis")).toBe("/api/orgs/nordwind/kpis");
  });
});

import { describe, expect, it } from "vitest";
import { escalationRecipients, fallsBackToAdmins, type RoutingFacts } from "./escalation-routing.ts";

const owner = "0b6c1f2e-0000-4000-8000-000000000001";
const lead = "0b6c1f2e-0000-4000-8000-000000000002";
const floorOwner = "0b6c1f2e-0000-4000-8000-000000000003";
const admin = "0b6c1f2e-0000-4000-8000-000000000004";
const secondAdmin = "0b6c1f2e-0000-4000-8000-000000000005";

const route = (overrides: Partial<RoutingFacts>) =>
  escalationRecipients({
    kpiOwnerUserId: owner,
    nearestLeadUserId: lead,
    floorOwnerUserId: null,
    activeUserIds: new Set([owner, lead, floorOwner]),
    adminUserIds: [admin, secondAdmin],
    ...overrides,
  });

describe("who a red escalation goes to", () => {
  it("is the KPI's owner and the nearest lead, not the admins", () => {
    expect(route({})).toEqual([
      { userId: owner, role: "owner" },
      { userId: lead, role: "lead" },
    ]);
  });

  it("falls back to the active admins and owners when no team up the tree has a lead", () => {
    expect(route({ nearestLeadUserId: null })).toEqual([
      { userId: owner, role: "owner" },
      { userId: admin, role: "admin" },
      { userId: secondAdmin, role: "admin" },
    ]);
  });

  it("falls back to the admins when the lead is no longer active, and leaves the lead out", () => {
    expect(route({ activeUserIds: new Set([owner]) })).toEqual([
      { userId: owner, role: "owner" },
      { userId: admin, role: "admin" },
      { userId: secondAdmin, role: "admin" },
    ]);
  });

  it("leaves out a deactivated owner and still tells the lead", () => {
    expect(route({ activeUserIds: new Set([lead]) })).toEqual([{ userId: lead, role: "lead" }]);
  });

  it("lists an owner who leads the team once, as the owner", () => {
    expect(route({ nearestLeadUserId: owner })).toEqual([{ userId: owner, role: "owner" }]);
  });

  it("lists an admin who owns the KPI once, as the owner", () => {
    expect(route({ nearestLeadUserId: null, adminUserIds: [owner, admin] })).toEqual([
      { userId: owner, role: "owner" },
      { userId: admin, role: "admin" },
    ]);
  });

  it("is nobody when everyone involved has left and the organisation has no active admin", () => {
    expect(route({ nearestLeadUserId: null, activeUserIds: new Set(), adminUserIds: [] })).toEqual([]);
  });
});

describe("who a floor escalation goes to", () => {
  it("adds the floor's owner after the KPI's owner and the lead", () => {
    expect(route({ floorOwnerUserId: floorOwner })).toEqual([
      { userId: owner, role: "owner" },
      { userId: lead, role: "lead" },
      { userId: floorOwner, role: "floor_owner" },
    ]);
  });

  it("lists a floor owner who is also the lead once, as the lead", () => {
    expect(route({ floorOwnerUserId: lead })).toEqual([
      { userId: owner, role: "owner" },
      { userId: lead, role: "lead" },
    ]);
  });

  it("leaves out a deactivated floor owner", () => {
    expect(route({ floorOwnerUserId: floorOwner, activeUserIds: new Set([owner, lead]) })).toEqual([
      { userId: owner, role: "owner" },
      { userId: lead, role: "lead" },
    ]);
  });

  it("lists a floor owner who is also an admin under the floor, before the admins, when no lead is reached", () => {
    expect(route({ nearestLeadUserId: null, floorOwnerUserId: admin })).toEqual([
      { userId: owner, role: "owner" },
      { userId: admin, role: "floor_owner" },
      { userId: secondAdmin, role: "admin" },
    ]);
  });
});

describe("falling back to the admins", () => {
  it("happens without a lead or with an inactive one, not with an active one", () => {
    expect(fallsBackToAdmins({ nearestLeadUserId: null, activeUserIds: new Set() })).toBe(true);
    expect(fallsBackToAdmins({ nearestLeadUserId: lead, activeUserIds: new Set([owner]) })).toBe(true);
    expect(fallsBackToAdmins({ nearestLeadUserId: lead, activeUserIds: new Set([lead]) })).toBe(false);
  });
});

import type { Role } from "./types.ts";

const rank: Record<Role, number> = { viewer: 0, member: 1, admin: 2, owner: 3 };

export const roleLabels: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  member: "Member",
  viewer: "Viewer",
};

export const roleDescriptions: Record<Role, string> = {
  owner: "Everything, including other owners",
  admin: "People, teams, cycles, settings, tokens",
  member: "Works on their teams' OKRs and KPIs",
  viewer: "Reads only",
};

export function isAdminRole(role: Role): boolean {
  return rank[role] >= rank.admin;
}

/** Roles `actor` may hand out: only owners make owners (mirrors the API's rule). */
export function assignableRoles(actor: Role): Role[] {
  const all: Role[] = ["viewer", "member", "admin", "owner"];
  return all.filter((r) => (r === "owner" ? actor === "owner" : isAdminRole(actor)));
}

/** Roles a token may carry: at most the creator's own. */
export function rolesUpTo(actor: Role): Role[] {
  return (["viewer", "member", "admin", "owner"] as Role[]).filter((r) => rank[r] <= rank[actor]);
}

export function roleOptions(roles: Role[]) {
  return roles.map((r) => ({ value: r, label: roleLabels[r] }));
}

import { mayAssignRole, roleAtLeast } from "../../domain/roles.ts";
import type { Role } from "./types.ts";

const allRoles: Role[] = ["viewer", "member", "admin", "owner"];

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

/** Roles `actor` may give a new person, by the API's own rule (only owners make owners). */
export function assignableRoles(actor: Role): Role[] {
  return allRoles.filter((r) => mayAssignRole(actor, null, r));
}

/** Roles a token may carry: at most the creator's own. */
export function rolesUpTo(actor: Role): Role[] {
  return allRoles.filter((r) => roleAtLeast(actor, r));
}

export function roleOptions(roles: Role[]) {
  return roles.map((r) => ({ value: r, label: roleLabels[r] }));
}

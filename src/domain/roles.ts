/**
 * Organisation roles and what each may do by default (PRODUCT.md, "Who may do what").
 * Pure: the server's policies combine these with who the actor is.
 */
export type Role = "owner" | "admin" | "member" | "viewer";

const rank: Record<Role, number> = { viewer: 0, member: 1, admin: 2, owner: 3 };

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return rank[role] >= rank[minimum];
}

/** The weaker of two roles: a token never acts above the person who holds it. */
export function weakerRole(a: Role, b: Role): Role {
  return rank[a] <= rank[b] ? a : b;
}

export type OrgAction =
  | "read"
  | "manage_settings"
  | "manage_people"
  | "manage_teams"
  | "manage_cycles"
  | "manage_themes"
  | "manage_service_tokens"
  | "read_audit"
  | "create_personal_token";

const minimumRole: Record<OrgAction, Role> = {
  read: "viewer",
  create_personal_token: "viewer",
  manage_settings: "admin",
  manage_people: "admin",
  manage_teams: "admin",
  manage_cycles: "admin",
  manage_themes: "admin",
  manage_service_tokens: "admin",
  read_audit: "admin",
};

export function may(role: Role, action: OrgAction): boolean {
  return roleAtLeast(role, minimumRole[action]);
}

/**
 * Whether `actor` may give `target` role to someone who now has `current` (null for a new
 * person). Only owners make or unmake owners, so an admin can never take over.
 */
export function mayAssignRole(actor: Role, current: Role | null, target: Role): boolean {
  if (!roleAtLeast(actor, "admin")) return false;
  if (target === "owner" || current === "owner") return actor === "owner";
  return true;
}

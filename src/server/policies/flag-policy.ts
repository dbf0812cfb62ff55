import { roleAtLeast } from "../../domain/roles.ts";
import type { Actor } from "../context.ts";

/** Who, besides admins, may resolve a KR's flag (loaded by the caller). */
export type FlagResolvers = { managerUserId: string | null; teamLeadUserId: string | null };

/**
 * Who may resolve a risk flag with a note: the KR owner's manager; when the owner has no
 * manager, the lead of the Objective's team (or of the nearest team above, when the
 * owner leads it); and admins, who stand in for anyone. Viewers and tokens without a
 * person never.
 */
export function mayResolveFlag(actor: Actor, resolvers: FlagResolvers): boolean {
  if (roleAtLeast(actor.role, "admin")) return true;
  if (!roleAtLeast(actor.role, "member") || !actor.userId) return false;
  if (resolvers.managerUserId) return resolvers.managerUserId === actor.userId;
  return resolvers.teamLeadUserId === actor.userId;
}

import { roleAtLeast } from "../../domain/roles.ts";
import type { Actor } from "../context.ts";

export type OneOnOneAccess = "write" | "read" | "none";

/**
 * Who may see and change a manager–report pair's 1:1 agenda (docs/one-on-ones.md): the
 * two people read and write (a viewer only reads: the role reads only); owners and
 * admins read, so they can step in when a pair breaks down, but write nothing on
 * someone else's meeting; everyone else sees nothing, and is told "not found".
 */
export function oneOnOneAccess(
  actor: Actor,
  pair: { managerUserId: string; reportUserId: string },
): OneOnOneAccess {
  const inPair =
    actor.userId !== null && (actor.userId === pair.managerUserId || actor.userId === pair.reportUserId);
  if (inPair) return roleAtLeast(actor.role, "member") ? "write" : "read";
  return roleAtLeast(actor.role, "admin") ? "read" : "none";
}

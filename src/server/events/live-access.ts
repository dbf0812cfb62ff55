import type { Queryable } from "../../db/client.ts";
import type { Actor } from "../context.ts";
import { keyResultPlacement } from "../repositories/live-event-repository.ts";
import { mayReadObjectiveText } from "../services/okr/okr-access.ts";
import type { Notification } from "./org-events.ts";

/**
 * Whether a subscriber may hear of an event: the same rule as reading its subject. A KR
 * of a team-visible Objective is read by that team, its leads above, the Objective's
 * owner and admins (policies/okr-policy.ts); KPIs, their escalations and cycles are read
 * by everyone in the organisation. Events of another organisation never reach here: the
 * hub routes by organisation.
 */
export async function mayReceive(q: Queryable, actor: Actor, note: Notification): Promise<boolean> {
  if (note.organizationId !== actor.organizationId) return false;
  if (note.subject.kind !== "key_result") return true;
  const placement = await keyResultPlacement(q, actor.organizationId, note.subject.id);
  if (!placement) return false;
  return mayReadObjectiveText(q, actor, placement);
}

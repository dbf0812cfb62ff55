/** The OKR side's events, worded once for webhooks (docs/webhooks.md lists them). */
import type { CheckIn } from "../../shared/schemas/okrs.ts";
import type { Actor } from "../context.ts";
import type { OrgEvent } from "./org-events.ts";

export function checkInCreatedEvent(
  actor: Actor,
  kr: { id: string; title: string; objectiveId: string; kind: string; unit?: string | null },
  checkIn: CheckIn,
): OrgEvent {
  const reading =
    checkIn.value !== null
      ? `${checkIn.value}`
      : checkIn.done
        ? "done"
        : kr.kind === "milestone"
          ? "not done yet"
          : "";
  return {
    type: "check_in.created",
    organizationId: actor.organizationId,
    subject: { kind: "key_result", id: kr.id },
    ids: { keyResultId: kr.id, objectiveId: kr.objectiveId, checkInId: checkIn.id },
    text: `${actor.label} checked in on "${kr.title}": ${reading ? `${reading}, ` : ""}confidence ${checkIn.confidence}.`,
    data: {
      keyResultTitle: kr.title,
      value: checkIn.value,
      done: checkIn.done,
      confidence: checkIn.confidence,
      note: checkIn.note,
      author: checkIn.authorName,
    },
    at: new Date(checkIn.createdAt),
  };
}

export function keyResultFlaggedEvent(
  actor: Actor,
  kr: { id: string; title: string },
  flagId: string,
  at: Date,
): OrgEvent {
  return {
    type: "key_result.flagged",
    organizationId: actor.organizationId,
    subject: { kind: "key_result", id: kr.id },
    ids: { keyResultId: kr.id, flagId },
    text: `"${kr.title}" is flagged at risk: confidence kept falling and the latest notes name blockers.`,
    data: { keyResultTitle: kr.title },
    at,
  };
}

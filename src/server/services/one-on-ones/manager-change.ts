/**
 * When a person's manager changes, their 1:1s with anyone else end: each open agenda is
 * archived (its history stays with the old pair) and its unticked generated items move to
 * the new pair's next 1:1, in the transaction of the membership change. Items people
 * added stay with the pair that wrote them.
 */
import type { Queryable } from "../../../db/client.ts";
import type { Actor } from "../../context.ts";
import { recordAudit } from "../../repositories/audit-repository.ts";
import {
  endAgenda,
  ensureOpenAgenda,
  moveOpenGeneratedItems,
  namesOf,
  openAgendasOfReportExcept,
} from "../../repositories/one-on-one-repository.ts";

export async function moveOneOnOnesToNewManager(
  q: Queryable,
  actor: Actor,
  reportUserId: string,
  newManagerUserId: string | null,
  now: Date,
): Promise<void> {
  const org = actor.organizationId;
  const ending = await openAgendasOfReportExcept(q, org, reportUserId, newManagerUserId);
  if (ending.length === 0) return;
  const target = newManagerUserId
    ? await ensureOpenAgenda(q, org, { managerUserId: newManagerUserId, reportUserId }, now)
    : null;
  const moved = target
    ? await moveOpenGeneratedItems(
        q,
        org,
        ending.map((a) => a.id),
        target.id,
      )
    : [];
  const names = await namesOf(q, [reportUserId, ...ending.map((a) => a.managerUserId)]);
  for (const agenda of ending) {
    await endAgenda(q, org, agenda.id, { status: "archived", closedAt: now, closedByUserId: actor.userId });
    await recordAudit(q, actor, {
      action: "one_on_one_agenda.archived",
      entityType: "one_on_one_agenda",
      entityId: agenda.id,
      entityLabel: `1:1 ${names.get(agenda.managerUserId) ?? "?"} – ${names.get(reportUserId) ?? "?"}`,
      before: { status: "open" },
      after: {
        status: "archived",
        movedItemIds: moved.filter((i) => i.sourceKey !== null).map((i) => i.id),
        toAgendaId: target?.id ?? null,
      },
      reason: "The person's manager changed",
    });
  }
}

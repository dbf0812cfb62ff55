/**
 * What one person owes that no other repository reads for them: open escalations sent to
 * them, open items of their open 1:1 agendas, and the drafts they own. Every query is
 * scoped by organisation and by the person; nobody else's rows can come back.
 */
import { aliasedTable, and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.ts";
import {
  cycles,
  escalationRecipients,
  escalations,
  kpis,
  objectives,
  oneOnOneAgendas,
  oneOnOneItems,
  users,
} from "../../db/schema.ts";
import { cycleOfObjective } from "./okr-joins.ts";

/** Escalations sent to the person that nobody has acknowledged or resolved yet, oldest first. */
export function openEscalationsSentTo(q: Queryable, organizationId: string, userId: string) {
  return q
    .select({
      id: escalations.id,
      reason: escalations.reason,
      periodStart: escalations.periodStart,
      openedAt: escalations.openedAt,
      kpiId: kpis.id,
      kpiName: kpis.name,
    })
    .from(escalations)
    .innerJoin(
      escalationRecipients,
      and(
        eq(escalationRecipients.organizationId, escalations.organizationId),
        eq(escalationRecipients.escalationId, escalations.id),
        eq(escalationRecipients.userId, userId),
      ),
    )
    .innerJoin(kpis, and(eq(kpis.organizationId, escalations.organizationId), eq(kpis.id, escalations.kpiId)))
    .where(and(eq(escalations.organizationId, organizationId), eq(escalations.state, "open")))
    .orderBy(asc(escalations.openedAt), asc(escalations.id));
}

const otherPerson = aliasedTable(users, "other_person");

/**
 * Items not yet ticked on the person's open 1:1 agendas (as manager or as report), with
 * the other person's name; oldest first.
 */
export function openOneOnOneItemsOf(q: Queryable, organizationId: string, userId: string) {
  return q
    .select({
      id: oneOnOneItems.id,
      agendaId: oneOnOneItems.agendaId,
      managerUserId: oneOnOneAgendas.managerUserId,
      reportUserId: oneOnOneAgendas.reportUserId,
      title: oneOnOneItems.title,
      createdAt: oneOnOneItems.createdAt,
      otherName: otherPerson.name,
    })
    .from(oneOnOneItems)
    .innerJoin(
      oneOnOneAgendas,
      and(
        eq(oneOnOneAgendas.organizationId, oneOnOneItems.organizationId),
        eq(oneOnOneAgendas.id, oneOnOneItems.agendaId),
      ),
    )
    .innerJoin(
      otherPerson,
      eq(
        otherPerson.id,
        sql`case when ${oneOnOneAgendas.managerUserId} = ${userId} then ${oneOnOneAgendas.reportUserId} else ${oneOnOneAgendas.managerUserId} end`,
      ),
    )
    .where(
      and(
        eq(oneOnOneItems.organizationId, organizationId),
        isNull(oneOnOneItems.doneAt),
        eq(oneOnOneAgendas.status, "open"),
        or(eq(oneOnOneAgendas.managerUserId, userId), eq(oneOnOneAgendas.reportUserId, userId)),
      ),
    )
    .orderBy(asc(oneOnOneItems.createdAt), asc(oneOnOneItems.id));
}

/** Ids of the live drafts the person owns in cycles that are not over (planning or active). */
export async function draftIdsOwnedBy(q: Queryable, organizationId: string, userId: string) {
  const rows = await q
    .select({ id: objectives.id })
    .from(objectives)
    .innerJoin(cycles, cycleOfObjective)
    .where(
      and(
        eq(objectives.organizationId, organizationId),
        eq(objectives.ownerUserId, userId),
        eq(objectives.state, "draft"),
        isNull(objectives.archivedAt),
        inArray(cycles.state, ["planning", "active"]),
      ),
    );
  return rows.map((r) => r.id);
}

/**
 * 1:1 agendas as their reader sees them. A generated item about a KR of a team-visible
 * Objective keeps its kind but loses its title and quote for a reader outside the team
 * (a manager may sit elsewhere in the tree), and says why.
 */
import type { Queryable } from "../../../db/client.ts";
import type { OneOnOneAgenda, OneOnOneItem } from "../../../shared/schemas/one-on-ones.ts";
import type { Actor } from "../../context.ts";
import { type AgendaRow, itemsOf, namesOf } from "../../repositories/one-on-one-repository.ts";
import { objectivesOfKeyResults } from "../../repositories/one-on-one-sources-repository.ts";
import { readabilityOf } from "../okr/okr-access.ts";

type ItemWithNames = Awaited<ReturnType<typeof itemsOf>>[number];

export const QUOTE_WITHHELD =
  "The Key Result's Objective is visible to its team only, and you are outside that team: its text and the note's sentence are not shown.";

const RESTRICTED_TITLES: Record<OneOnOneItem["kind"], string> = {
  risk_flag: "Confidence fell twice in a row with a blocker on a Key Result visible to its team",
  overdue_check_in: "Check-in overdue on a Key Result visible to its team",
  forecast_unlikely: "Forecast turned unlikely on a Key Result visible to its team",
  kpi_escalation: "KPI escalated",
  added: "",
};

/** Which KRs' text the reader may not read (their Objective is team-visible and the reader is outside). */
async function hiddenKeyResults(q: Queryable, actor: Actor, items: ItemWithNames[]): Promise<Set<string>> {
  const ids = [
    ...new Set(
      items.filter((i) => i.item.subjectKind === "key_result").map((i) => i.item.subjectId as string),
    ),
  ];
  const rows = await objectivesOfKeyResults(q, actor.organizationId, ids);
  const mayRead = await readabilityOf(
    q,
    actor,
    rows.map((r) => r.objective),
  );
  return new Set(rows.filter((r) => !mayRead(r.objective)).map((r) => r.keyResultId));
}

function presentItem({ item, addedByName, doneByName }: ItemWithNames, hidden: Set<string>): OneOnOneItem {
  const withheld = item.subjectKind === "key_result" && hidden.has(item.subjectId as string);
  return {
    id: item.id,
    kind: item.kind,
    title: withheld ? RESTRICTED_TITLES[item.kind] : item.title,
    quote: withheld ? null : item.quote,
    quoteWithheld: withheld ? QUOTE_WITHHELD : null,
    subject:
      item.subjectKind && item.subjectId
        ? { kind: item.subjectKind as "key_result" | "kpi", id: item.subjectId }
        : null,
    addedByName,
    done: item.doneAt !== null,
    doneAt: item.doneAt?.toISOString() ?? null,
    doneByName,
    createdAt: item.createdAt.toISOString(),
  };
}

/** These agendas with their items, in the order given. */
export async function presentAgendas(
  q: Queryable,
  actor: Actor,
  agendas: AgendaRow[],
): Promise<OneOnOneAgenda[]> {
  const items = await itemsOf(
    q,
    actor.organizationId,
    agendas.map((a) => a.id),
  );
  const hidden = await hiddenKeyResults(q, actor, items);
  const closers = await namesOf(q, [
    ...new Set(agendas.map((a) => a.closedByUserId).filter((id): id is string => id !== null)),
  ]);
  return agendas.map((a) => ({
    id: a.id,
    status: a.status,
    notes: a.notes,
    closedAt: a.closedAt?.toISOString() ?? null,
    closedByName: a.closedByUserId ? (closers.get(a.closedByUserId) ?? null) : null,
    createdAt: a.createdAt.toISOString(),
    items: items.filter((i) => i.item.agendaId === a.id).map((i) => presentItem(i, hidden)),
  }));
}

/** One item, as audit snapshots keep it (whole: the audit log is read by admins, who may read agendas). */
export function auditItem(item: {
  id: string;
  kind: string;
  title: string;
  doneAt: Date | null;
  agendaId: string;
}) {
  return {
    id: item.id,
    agendaId: item.agendaId,
    kind: item.kind,
    title: item.title,
    done: item.doneAt !== null,
  };
}

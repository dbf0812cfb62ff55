/**
 * 1:1 agendas (docs/one-on-ones.md): for each manager–report pair a running agenda, "the
 * next 1:1", with Keel's generated items and items either person adds; closing it with
 * the meeting's notes starts the next one, carrying over what nobody ticked. Private to
 * the two people; owners and admins read. Anyone else gets 404, as for a pair that
 * does not exist.
 */
import type { Tx } from "../../../db/client.ts";
import { carriedOver } from "../../../domain/one-on-ones/agenda-items.ts";
import { AppError, notFound } from "../../../shared/errors.ts";
import type { OneOnOneAgenda, OneOnOnePair } from "../../../shared/schemas/one-on-ones.ts";
import type { Actor, Deps } from "../../context.ts";
import { type OneOnOneAccess, oneOnOneAccess } from "../../policies/one-on-one-policy.ts";
import { recordAudit } from "../../repositories/audit-repository.ts";
import {
  type AgendaRow,
  closedAgendasOfPair,
  currentManagerOf,
  endAgenda,
  ensureOpenAgenda,
  findAgenda,
  findItem,
  findOpenAgenda,
  insertItems,
  itemsOf,
  namesOf,
  pairHasAgendas,
  pairsOf,
  setItemDone,
} from "../../repositories/one-on-one-repository.ts";
import { auditItem, presentAgendas } from "./agenda-presenter.ts";
import { syncAgenda } from "./agenda-sync.ts";

type Pair = { managerUserId: string; reportUserId: string };

const notFoundPair = () => notFound("That 1:1");

/** The actor's access to the pair; anyone without it is told the pair does not exist. */
function requireAccess(actor: Actor, pair: Pair): OneOnOneAccess {
  const access = oneOnOneAccess(actor, pair);
  if (access === "none") throw notFoundPair();
  return access;
}

function requireWrite(access: OneOnOneAccess) {
  if (access !== "write") {
    throw new AppError(
      "forbidden",
      "Only the two people of a 1:1 change its agenda; owners and admins read it.",
    );
  }
}

function label(pair: Pair, names: Map<string, string>) {
  return `1:1 ${names.get(pair.managerUserId) ?? "?"} – ${names.get(pair.reportUserId) ?? "?"}`;
}

/** My pairs: one entry per report I manage (or stand in for as team lead), and my manager. */
export async function myOneOnOnes(deps: Deps, actor: Actor) {
  if (!actor.userId) return { asManager: [], asReport: [] };
  const [asManager, asReport] = [
    await pairsOf(deps.db, actor.organizationId, actor.userId, "manager"),
    await pairsOf(deps.db, actor.organizationId, actor.userId, "report"),
  ];
  const names = await namesOf(deps.db, [
    ...new Set([...asManager, ...asReport].flatMap((p) => [p.managerUserId, p.reportUserId])),
  ]);
  const present = (p: (typeof asManager)[number]) => ({
    manager: { userId: p.managerUserId, name: names.get(p.managerUserId) ?? "" },
    report: { userId: p.reportUserId, name: names.get(p.reportUserId) ?? "" },
    agendaId: p.agendaId,
    openItems: p.openItems,
  });
  const byName =
    (side: "manager" | "report") => (a: ReturnType<typeof present>, b: ReturnType<typeof present>) =>
      a[side].name.localeCompare(b[side].name) || a[side].userId.localeCompare(b[side].userId);
  return {
    asManager: asManager.map(present).sort(byName("report")),
    asReport: asReport.map(present).sort(byName("manager")),
  };
}

/**
 * The pair's next 1:1, with Keel's items brought up to date. A current pair (the report's
 * manager, or a team lead standing in with an agenda already started) gets its open agenda
 * started on first read; a pair that ended shows no open agenda, only its history.
 */
export async function getOneOnOne(deps: Deps, actor: Actor, pair: Pair): Promise<OneOnOnePair> {
  const access = requireAccess(actor, pair);
  return deps.db.transaction(async (tx) => {
    const org = actor.organizationId;
    const manager = await currentManagerOf(tx, org, pair.reportUserId);
    const isCurrentManager = manager === pair.managerUserId;
    let agenda = isCurrentManager
      ? await ensureOpenAgenda(tx, org, pair, deps.now())
      : await findOpenAgenda(tx, org, pair);
    if (!agenda && !(await pairHasAgendas(tx, org, pair))) throw notFoundPair();
    if (agenda) {
      await syncAgenda(tx, actor, deps.now(), pair, agenda.id, {
        isCurrentManager,
        reportHasManager: manager !== null,
      });
      agenda = (await findAgenda(tx, org, agenda.id))!;
    }
    const names = await namesOf(tx, [pair.managerUserId, pair.reportUserId]);
    const [presented] = agenda ? await presentAgendas(tx, actor, [agenda]) : [null];
    return {
      manager: { userId: pair.managerUserId, name: names.get(pair.managerUserId) ?? "" },
      report: { userId: pair.reportUserId, name: names.get(pair.reportUserId) ?? "" },
      current: agenda !== null,
      agenda: presented ?? null,
      can: { write: access === "write" && agenda !== null },
    };
  });
}

/** Meetings the pair held, newest first, with their notes and items. */
export async function oneOnOneHistory(deps: Deps, actor: Actor, pair: Pair, limit: number) {
  requireAccess(actor, pair);
  const agendas = await closedAgendasOfPair(deps.db, actor.organizationId, pair, limit);
  if (agendas.length === 0 && !(await pairHasAgendas(deps.db, actor.organizationId, pair))) {
    if ((await currentManagerOf(deps.db, actor.organizationId, pair.reportUserId)) !== pair.managerUserId) {
      throw notFoundPair();
    }
  }
  return { items: await presentAgendas(deps.db, actor, agendas) };
}

/** The open agenda behind an id, locked, for a change by one of its two people. */
async function openAgendaForChange(tx: Tx, actor: Actor, agendaId: string) {
  const agenda = await findAgenda(tx, actor.organizationId, agendaId, true);
  if (!agenda) throw notFoundPair();
  requireWrite(requireAccess(actor, agenda));
  if (agenda.status !== "open") {
    throw new AppError("conflict", "That meeting is over: change the next 1:1's agenda instead.");
  }
  return agenda;
}

async function presentOne(deps: Deps, actor: Actor, agenda: AgendaRow) {
  return (await presentAgendas(deps.db, actor, [agenda]))[0] as OneOnOneAgenda;
}

/** Either person adds something to talk about. */
export async function addOneOnOneItem(deps: Deps, actor: Actor, agendaId: string, input: { title: string }) {
  const agenda = await deps.db.transaction(async (tx) => {
    const open = await openAgendaForChange(tx, actor, agendaId);
    const [item] = await insertItems(tx, [
      {
        organizationId: actor.organizationId,
        agendaId,
        kind: "added",
        title: input.title,
        addedByUserId: actor.userId,
        createdAt: deps.now(),
      },
    ]);
    await recordAudit(tx, actor, {
      action: "one_on_one_item.added",
      entityType: "one_on_one_item",
      entityId: item!.id,
      entityLabel: item!.title,
      after: auditItem(item!),
    });
    return open;
  });
  return presentOne(deps, actor, agenda);
}

/** Ticks an item off (or puts it back); ticking what is ticked writes nothing. */
export async function updateOneOnOneItem(
  deps: Deps,
  actor: Actor,
  agendaId: string,
  itemId: string,
  input: { done?: boolean | undefined },
) {
  const agenda = await deps.db.transaction(async (tx) => {
    const open = await openAgendaForChange(tx, actor, agendaId);
    const item = await findItem(tx, actor.organizationId, agendaId, itemId);
    if (!item) throw notFound("That agenda item");
    if (input.done === undefined || (item.doneAt !== null) === input.done) return open;
    const updated = await setItemDone(tx, actor.organizationId, itemId, {
      doneAt: input.done ? deps.now() : null,
      doneByUserId: input.done ? actor.userId : null,
    });
    await recordAudit(tx, actor, {
      action: input.done ? "one_on_one_item.ticked" : "one_on_one_item.unticked",
      entityType: "one_on_one_item",
      entityId: item.id,
      entityLabel: item.title,
      before: auditItem(item),
      after: auditItem(updated),
    });
    return open;
  });
  return presentOne(deps, actor, agenda);
}

/**
 * Closes the meeting with its notes and starts the next one, carrying over every item
 * nobody ticked (generated items keep their source key, so they are not added twice).
 * Answers the new open agenda.
 */
export async function closeOneOnOne(deps: Deps, actor: Actor, agendaId: string, input: { notes: string }) {
  const next = await deps.db.transaction(async (tx) => {
    const org = actor.organizationId;
    const open = await openAgendaForChange(tx, actor, agendaId);
    const now = deps.now();
    const closed = (await endAgenda(tx, org, agendaId, {
      status: "closed",
      notes: input.notes,
      closedAt: now,
      closedByUserId: actor.userId,
    }))!;
    const pair = { managerUserId: open.managerUserId, reportUserId: open.reportUserId };
    const nextAgenda = await ensureOpenAgenda(tx, org, pair, now);
    const items = (await itemsOf(tx, org, [agendaId])).map((r) => ({
      ...r.item,
      done: r.item.doneAt !== null,
    }));
    const carried = carriedOver(items);
    await insertItems(
      tx,
      carried.map((i) => ({
        organizationId: org,
        agendaId: nextAgenda.id,
        kind: i.kind,
        sourceKey: i.sourceKey,
        subjectKind: i.subjectKind,
        subjectId: i.subjectId,
        title: i.title,
        quote: i.quote,
        addedByUserId: i.addedByUserId,
        createdAt: i.createdAt,
      })),
    );
    const names = await namesOf(tx, [pair.managerUserId, pair.reportUserId]);
    await recordAudit(tx, actor, {
      action: "one_on_one_agenda.closed",
      entityType: "one_on_one_agenda",
      entityId: closed.id,
      entityLabel: label(pair, names),
      before: { status: open.status, notes: open.notes },
      after: {
        status: closed.status,
        notes: closed.notes,
        carriedOver: carried.length,
        nextAgendaId: nextAgenda.id,
      },
    });
    return nextAgenda;
  });
  return presentOne(deps, actor, next);
}

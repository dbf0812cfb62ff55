/**
 * Each kind of inbox item, read for one person and turned into items. Each source reads
 * only what is still owed, so an item leaves the inbox when the thing is done (docs/inbox.md).
 */

import type { Queryable } from "../../../db/client.ts";
import type { InboxItem } from "../../../shared/schemas/my-home.ts";
import type { Actor } from "../../context.ts";
import { selectObjectivesForLint } from "../../repositories/lint-dismissal-repository.ts";
import {
  draftIdsOwnedBy,
  openEscalationsSentTo,
  openOneOnOneItemsOf,
} from "../../repositories/my-inbox-repository.ts";
import { unreadNotificationsOf } from "../../repositories/notification-repository.ts";
import { findingsOf } from "../okr/lint-service.ts";
import { editabilityOf } from "../okr/okr-access.ts";
import type { MyKeyResult } from "./my-key-results.ts";
import type { MyKpi } from "./my-kpis.ts";

const web = (actor: Actor, path: string) => `/o/${actor.orgSlug}/${path}`;

/** KRs of mine without a check-in this week that I may check in on. */
export function checkInItems(actor: Actor, krs: MyKeyResult[]): InboxItem[] {
  return krs
    .filter((k) => k.checkIn.due && k.keyResult.can.checkIn)
    .map((k) => ({
      key: `check_in_due:${k.keyResult.id}`,
      kind: "check_in_due",
      title: k.keyResult.title,
      detail: k.objective.title,
      link: web(actor, "check-ins"),
      dueOn: k.checkIn.dueOn,
      overdue: k.checkIn.overdue,
      since: null,
      subjectId: k.keyResult.id,
    }));
}

/** KPIs of mine whose period that ended last has no value. */
export function valueItems(actor: Actor, kpis: MyKpi[]): InboxItem[] {
  return kpis.flatMap(({ kpi, valueDue }) =>
    valueDue
      ? [
          {
            key: `value_due:${kpi.id}:${valueDue.periodStart}`,
            kind: "value_due" as const,
            title: kpi.name,
            detail: `Value for ${valueDue.periodLabel}`,
            link: web(actor, "kpi-entry"),
            dueOn: valueDue.dueOn,
            overdue: valueDue.overdue,
            since: null,
            subjectId: kpi.id,
          },
        ]
      : [],
  );
}

/** Open escalations sent to me; gone once acknowledged or resolved (by anyone). */
export async function escalationItems(q: Queryable, actor: Actor, userId: string): Promise<InboxItem[]> {
  const rows = await openEscalationsSentTo(q, actor.organizationId, userId);
  return rows.map((e) => ({
    key: `escalation:${e.id}`,
    kind: "escalation",
    title: e.reason === "floor" ? `${e.kpiName} fell through its floor` : `${e.kpiName} turned red`,
    detail: "Acknowledge it, or resolve it with a note",
    link: web(actor, `escalations/${e.id}`),
    dueOn: null,
    overdue: false,
    since: e.openedAt.toISOString(),
    subjectId: e.id,
  }));
}

/** Items not yet ticked on my open 1:1 agendas, as manager or as report. */
export async function oneOnOneItems(q: Queryable, actor: Actor, userId: string): Promise<InboxItem[]> {
  const rows = await openOneOnOneItemsOf(q, actor.organizationId, userId);
  return rows.map((i) => ({
    key: `one_on_one_item:${i.id}`,
    kind: "one_on_one_item",
    title: i.title,
    detail: `Next 1:1 with ${i.otherName}`,
    // The pair's page (the 1:1 pages are addressed by the pair, not by one meeting).
    link: web(actor, `one-on-ones/${i.managerUserId}/${i.reportUserId}`),
    dueOn: null,
    overdue: false,
    since: i.createdAt.toISOString(),
    subjectId: i.id,
  }));
}

/**
 * Open warnings on drafts I own and may edit (activating with them open asks for an
 * acknowledgement); gone when fixed or dismissed. "info" findings are advice, not owed.
 */
export async function lintItems(q: Queryable, actor: Actor, userId: string): Promise<InboxItem[]> {
  const ids = await draftIdsOwnedBy(q, actor.organizationId, userId);
  if (ids.length === 0) return [];
  const rows = await selectObjectivesForLint(q, actor.organizationId, { objectiveIds: ids });
  const editable = await editabilityOf(q, actor, rows);
  const mine = rows.filter((r) => editable(r));
  const findings = await findingsOf(q, actor, mine);
  return mine.flatMap((row) =>
    (findings.get(row.id) ?? [])
      .filter((f) => f.status === "open" && f.severity === "warning")
      .map((f) => ({
        key: `lint_finding:${row.id}:${f.keyResultId ?? "objective"}:${f.rule}`,
        kind: "lint_finding" as const,
        title: f.message,
        detail: `Draft “${row.title}”`,
        link: web(actor, `okrs/${row.id}`),
        dueOn: null,
        overdue: false,
        since: null,
        subjectId: row.id,
      })),
  );
}

/** Where a notification's subject is shown. */
function notificationLink(actor: Actor, subjectKind: string, subjectId: string): string {
  if (subjectKind === "kpi") return web(actor, `kpis/${subjectId}`);
  if (subjectKind === "objective") return web(actor, `okrs/${subjectId}`);
  if (subjectKind === "escalation") return web(actor, `escalations/${subjectId}`);
  return web(actor, "my");
}

/** My unread notifications; gone once read. */
export async function notificationItems(q: Queryable, actor: Actor, userId: string): Promise<InboxItem[]> {
  const rows = await unreadNotificationsOf(q, actor.organizationId, userId);
  return rows.map((n) => ({
    key: `notification:${n.id}`,
    kind: "notification",
    title: n.title,
    detail: n.body || null,
    link: notificationLink(actor, n.subjectKind, n.subjectId),
    dueOn: null,
    overdue: false,
    since: n.createdAt.toISOString(),
    subjectId: n.id,
  }));
}

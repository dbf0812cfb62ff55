import type { Queryable } from "../../../db/client.ts";
import { todayIn } from "../../../domain/dates.ts";
import { checkInDue, type WeekStart } from "../../../domain/okr/check-in-due.ts";
import type { Deps } from "../../context.ts";
import {
  keyResultsOwedByPeople,
  type PersonKeyResult,
  type ScheduledMailOrganization,
} from "../../repositories/scheduled-mail-repository.ts";
import { checkInsExpectedSince } from "../okr/check-in-service.ts";
import { renderMail } from "./mail-layout.ts";
import { publicLink, type QueuedMail, queueEmails } from "./outbox.ts";

/** The KRs each person owes a check-in for this week, by person (rule: docs/okr-status.md). */
export function dueKeyResultsByPerson(
  org: ScheduledMailOrganization,
  today: string,
  rows: readonly PersonKeyResult[],
): Map<string, PersonKeyResult[]> {
  const byPerson = new Map<string, PersonKeyResult[]>();
  for (const row of rows) {
    const due = checkInDue({
      today,
      weekStart: org.weekStart as WeekStart,
      lastCheckInOn: row.lastCheckInAt ? todayIn(org.timeZone, row.lastCheckInAt) : null,
      expectedSince: checkInsExpectedSince(
        row.cycleStartsOn,
        todayIn(org.timeZone, row.createdAt),
        row.activeFrom,
      ),
    });
    if (!due.due) continue;
    const list = byPerson.get(row.userId) ?? [];
    list.push(row);
    byPerson.set(row.userId, list);
  }
  return byPerson;
}

/**
 * Queues one reminder per person whose check-ins are due, once per week: the dedupe key
 * names the person and the week, so the daily slots that follow skip anyone reminded
 * already, and someone whose KR becomes due mid-week is reminded that day.
 */
export async function queueCheckInReminders(
  deps: Deps,
  q: Queryable,
  org: ScheduledMailOrganization,
  slot: { today: string; weekStartsOn: string },
): Promise<number> {
  const due = dueKeyResultsByPerson(org, slot.today, await keyResultsOwedByPeople(q, org.id));
  const mails: QueuedMail[] = [...due.values()].map((krs) => {
    const person = krs[0]!;
    const count = krs.length === 1 ? "1 key result" : `${krs.length} key results`;
    return {
      organizationId: org.id,
      to: person.email,
      kind: "check_in_reminder",
      dedupeKey: `check-in-reminder:${org.id}:${person.userId}:${slot.weekStartsOn}`,
      mail: renderMail({
        subject: `Check-ins due in ${org.name}: ${count}`,
        paragraphs: [
          `Hello ${person.name},`,
          `This week's check-in is due for ${count} in ${org.name}. A check-in takes a minute: the current value, your confidence and a line on what changed.`,
        ],
        items: krs.map((k) => `${k.keyResultTitle} (${k.objectiveTitle})`),
        link: { label: "Check in now", url: publicLink(deps, `/o/${org.slug}/check-ins`) },
        footer: `You get this because you own or contribute to these key results in ${org.name}. Keel reminds you at most once a week, only while check-ins are due.`,
      }),
    };
  });
  return queueEmails(deps, q, mails);
}

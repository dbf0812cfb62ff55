import type { Queryable } from "../../../db/client.ts";
import { addDays, todayIn } from "../../../domain/dates.ts";
import type { Deps } from "../../context.ts";
import {
  keyResultsOwedByPeople,
  type PersonKeyResult,
  type ScheduledMailOrganization,
} from "../../repositories/scheduled-mail-repository.ts";
import { dueKeyResultsByPerson } from "./check-in-reminder-mail.ts";
import { renderMail } from "./mail-layout.ts";
import { publicLink, type QueuedMail, queueEmails } from "./outbox.ts";

/**
 * Queues the weekly digest for everyone with key results in running cycles who has not
 * opted out (memberships.weekly_digest): what was checked in during the past week and
 * what is due this week. Kept modest on purpose: it points at Keel rather than copying it.
 */
export async function queueWeeklyDigests(
  deps: Deps,
  q: Queryable,
  org: ScheduledMailOrganization,
  slot: { today: string; weekStartsOn: string },
): Promise<number> {
  const rows = (await keyResultsOwedByPeople(q, org.id)).filter((r) => r.weeklyDigest);
  const due = dueKeyResultsByPerson(org, slot.today, rows);
  const lastWeekFrom = addDays(slot.weekStartsOn, -7);
  const byPerson = new Map<string, PersonKeyResult[]>();
  for (const row of rows) byPerson.set(row.userId, [...(byPerson.get(row.userId) ?? []), row]);

  const mails: QueuedMail[] = [...byPerson.values()].map((krs) => {
    const person = krs[0]!;
    const checkedIn = krs.filter((k) => {
      const on = k.lastCheckInAt ? todayIn(org.timeZone, k.lastCheckInAt) : null;
      return on !== null && on >= lastWeekFrom;
    });
    const dueNow = due.get(person.userId) ?? [];
    return {
      organizationId: org.id,
      to: person.email,
      kind: "digest",
      dedupeKey: `weekly-digest:${org.id}:${person.userId}:${slot.weekStartsOn}`,
      mail: renderMail({
        subject: `Your week in ${org.name}: ${dueNow.length} check-in${dueNow.length === 1 ? "" : "s"} due`,
        paragraphs: [
          `Hello ${person.name},`,
          checkedIn.length === 0
            ? "No key result of yours has had a check-in since last week."
            : `Checked in since last week: ${checkedIn.map((k) => k.keyResultTitle).join("; ")}.`,
          dueNow.length === 0 ? "Nothing is due this week." : "Due this week:",
        ],
        items: dueNow.map((k) => `${k.keyResultTitle} (${k.objectiveTitle})`),
        link: { label: "Open your check-ins", url: publicLink(deps, `/o/${org.slug}/check-ins`) },
        footer: `The weekly digest of ${org.name}. To stop it, turn off "Weekly digest" on your account page: ${publicLink(deps, "/account")}`,
      }),
    };
  });
  return queueEmails(deps, q, mails);
}

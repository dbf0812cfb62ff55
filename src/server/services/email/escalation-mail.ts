import type { Queryable } from "../../../db/client.ts";
import type { EscalationRecipient } from "../../../domain/kpi/escalation-routing.ts";
import type { Deps } from "../../context.ts";
import { activeMemberContacts } from "../../repositories/scheduled-mail-repository.ts";
import { renderMail } from "./mail-layout.ts";
import { publicLink, queueEmails } from "./outbox.ts";

const WHY: Record<EscalationRecipient["role"], string> = {
  owner: "you own this KPI",
  lead: "you lead the KPI's team (or the nearest team above it with a lead)",
  floor_owner: "you own the floor it fell through",
  admin: "you are an admin and no lead is there to take it",
};

/**
 * Tells the people an escalation routes to that it opened, in the transaction that opens
 * it (queued with it, or not at all). One mail per person per escalation (dedupe key).
 */
export async function queueEscalationNotices(
  deps: Deps,
  q: Queryable,
  input: {
    organization: { id: string; slug: string; name: string };
    escalationId: string;
    kpiName: string;
    /** The opening entry's sentence: what happened, with the value. */
    what: string;
    recipients: readonly EscalationRecipient[];
  },
): Promise<number> {
  const contacts = await activeMemberContacts(
    q,
    input.organization.id,
    input.recipients.map((r) => r.userId),
  );
  const roleOf = new Map(input.recipients.map((r) => [r.userId, r.role]));
  return queueEmails(
    deps,
    q,
    contacts.map((person) => ({
      organizationId: input.organization.id,
      to: person.email,
      kind: "escalation" as const,
      dedupeKey: `escalation:${input.escalationId}:${person.userId}`,
      mail: renderMail({
        subject: `Escalation in ${input.organization.name}: ${input.kpiName}`,
        paragraphs: [
          `Hello ${person.name},`,
          input.what,
          `It is routed to you because ${WHY[roleOf.get(person.userId) ?? "owner"]}. Acknowledge it and say what happens next, or resolve it.`,
        ],
        link: {
          label: "Open the escalation",
          url: publicLink(deps, `/o/${input.organization.slug}/escalations/${input.escalationId}`),
        },
        footer: `Keel mails each person once when an escalation of ${input.organization.name} opens.`,
      }),
    })),
  );
}

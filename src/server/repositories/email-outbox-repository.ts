import { and, eq, gt, isNotNull, sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../db/client.ts";
import { emailOutbox } from "../../db/schema-delivery.ts";
import { uuidArray } from "./sql-arrays.ts";

export type EmailRow = typeof emailOutbox.$inferSelect;
export type NewEmail = Pick<
  typeof emailOutbox.$inferInsert,
  | "organizationId"
  | "toAddress"
  | "kind"
  | "subject"
  | "textBody"
  | "htmlBody"
  | "dedupeKey"
  | "attachments"
  | "nextAttemptAt"
>;

/**
 * Queues mails in the caller's transaction; one whose dedupe key is already queued is
 * skipped, so a reminder several instances (or ticks) decide on is written once.
 * Returns how many were written.
 */
export async function insertEmails(q: Queryable, rows: readonly NewEmail[]): Promise<number> {
  if (rows.length === 0) return 0;
  const written = await q
    .insert(emailOutbox)
    .values([...rows])
    .onConflictDoNothing({ target: emailOutbox.dedupeKey, where: sql`dedupe_key is not null` })
    .returning({ id: emailOutbox.id });
  return written.length;
}

/**
 * Claims pending mail that is due, oldest first, and moves its next attempt past a lease,
 * so another instance does not send it while this one does; if this instance dies
 * mid-send, the mail is taken again when the lease ends (sent twice at worst, never lost).
 */
export async function claimDueEmails(
  q: Queryable,
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<EmailRow[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
  const result = await q.execute(sql`
    update email_outbox set next_attempt_at = ${leaseUntil}::timestamptz
    where id in (
      select id from email_outbox
      where status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz
      order by next_attempt_at
      limit ${limit}
      for update skip locked
    )
    returning id`);
  const ids = rowsOf<{ id: string }>(result).map((r) => r.id);
  if (ids.length === 0) return [];
  return (
    q
      .select()
      .from(emailOutbox)
      .where(sql`${emailOutbox.id} = any(${uuidArray(ids)})`)
      // Oldest first, as claimed: mail goes out in the order it was due.
      .orderBy(emailOutbox.createdAt, emailOutbox.id)
  );
}

/** Marks a mail sent; its attached file (a scheduled report) is dropped, not kept for ever. */
export async function markEmailSent(q: Queryable, id: string, at: Date): Promise<void> {
  await q
    .update(emailOutbox)
    .set({
      status: "sent",
      sentAt: at,
      attempts: sql`${emailOutbox.attempts} + 1`,
      lastError: null,
      attachments: null,
    })
    .where(eq(emailOutbox.id, id));
}

/** Records a failed attempt: tried again at `retryAt`, or failed for good when null. */
export async function markEmailAttemptFailed(
  q: Queryable,
  id: string,
  error: string,
  retryAt: Date | null,
): Promise<void> {
  await q
    .update(emailOutbox)
    .set({
      attempts: sql`${emailOutbox.attempts} + 1`,
      lastError: error,
      // Mail refused for good is never sent again: its file need not be kept either.
      ...(retryAt ? { nextAttemptAt: retryAt } : { status: "failed" as const, attachments: null }),
    })
    .where(eq(emailOutbox.id, id));
}

export type EmailDeliverySummary = {
  pending: number;
  /** Pending mail that has failed at least once and waits for its next attempt. */
  retrying: number;
  failed: number;
  sent: number;
  /** The error of the most recently queued mail that has not been sent. */
  lastError: string | null;
  /** When the next retry is due (the soonest), or null when nothing waits for one. */
  nextAttemptAt: Date | null;
};

/** An organisation's mail by state, with the latest error of mail not yet sent. */
export async function emailDeliverySummary(
  q: Queryable,
  organizationId: string,
): Promise<EmailDeliverySummary> {
  const [counts] = await q
    .select({
      pending: sql<number>`count(*) filter (where ${emailOutbox.status} = 'pending')::int`,
      retrying: sql<number>`count(*) filter (where ${emailOutbox.status} = 'pending' and ${emailOutbox.attempts} > 0)::int`,
      failed: sql<number>`count(*) filter (where ${emailOutbox.status} = 'failed')::int`,
      sent: sql<number>`count(*) filter (where ${emailOutbox.status} = 'sent')::int`,
    })
    .from(emailOutbox)
    .where(eq(emailOutbox.organizationId, organizationId));
  const [latest] = await q
    .select({ lastError: emailOutbox.lastError })
    .from(emailOutbox)
    .where(
      and(
        eq(emailOutbox.organizationId, organizationId),
        isNotNull(emailOutbox.lastError),
        sql`${emailOutbox.status} <> 'sent'`,
      ),
    )
    .orderBy(sql`${emailOutbox.createdAt} desc`)
    .limit(1);
  const [next] = await q
    .select({ at: sql<string | null>`min(${emailOutbox.nextAttemptAt})` })
    .from(emailOutbox)
    .where(
      and(
        eq(emailOutbox.organizationId, organizationId),
        eq(emailOutbox.status, "pending"),
        gt(emailOutbox.attempts, 0),
      ),
    );
  return {
    pending: counts?.pending ?? 0,
    retrying: counts?.retrying ?? 0,
    failed: counts?.failed ?? 0,
    sent: counts?.sent ?? 0,
    lastError: latest?.lastError ?? null,
    nextAttemptAt: next?.at ? new Date(next.at) : null,
  };
}

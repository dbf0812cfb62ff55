import type { Queryable } from "../../../db/client.ts";
import type { Deps } from "../../context.ts";
import { insertEmails } from "../../repositories/email-outbox-repository.ts";
import type { RenderedMail } from "./mail-layout.ts";

export type EmailKind =
  | "invitation"
  | "password_reset"
  | "check_in_reminder"
  | "escalation"
  | "digest"
  | "verify_email"
  | "account_exists"
  | "report";

/** A file sent with a mail (a scheduled report), kept in the outbox row until it is sent. */
export type MailAttachment = { filename: string; contentType: string; contentBase64: string };

export type QueuedMail = {
  organizationId: string | null;
  to: string;
  kind: EmailKind;
  mail: RenderedMail;
  /** Makes the mail idempotent: a second mail with the same key is not written. */
  dedupeKey?: string;
  attachments?: MailAttachment[];
};

/** Whether this instance sends email (KEEL_SMTP_HOST is set). */
export function emailEnabled(deps: Deps): boolean {
  return deps.config.smtp !== undefined;
}

/**
 * Queues mail in the caller's transaction, so it is sent if and only if the change that
 * caused it is stored. With email off nothing is queued: mail written while it is off
 * would all go out, stale, the day it is turned on. Returns how many were written.
 */
export async function queueEmails(deps: Deps, q: Queryable, mails: readonly QueuedMail[]): Promise<number> {
  if (!emailEnabled(deps) || mails.length === 0) return 0;
  // Due from Keel's clock, not the database's: the sender compares with the same clock.
  const now = deps.now();
  return insertEmails(
    q,
    mails.map((m) => ({
      organizationId: m.organizationId,
      toAddress: m.to,
      kind: m.kind,
      subject: m.mail.subject,
      textBody: m.mail.text,
      htmlBody: m.mail.html,
      dedupeKey: m.dedupeKey ?? null,
      attachments: m.attachments?.length ? m.attachments : null,
      nextAttemptAt: now,
    })),
  );
}

/** Links in mail point at the configured public URL (there may be no request to take one from). */
export function publicLink(deps: Deps, path: string): string {
  const base = deps.config.smtp?.publicUrl ?? deps.config.publicUrl ?? "";
  return `${base.replace(/\/$/, "")}${path}`;
}

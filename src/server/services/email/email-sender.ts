import { isPermanentSmtpFailure, retryDelayMs } from "../../../domain/email/delivery-retry.ts";
import type { Deps } from "../../context.ts";
import { createMailer, type Mailer, SmtpSendError } from "../../lib/smtp-mailer.ts";
import {
  claimDueEmails,
  type EmailRow,
  markEmailAttemptFailed,
  markEmailSent,
} from "../../repositories/email-outbox-repository.ts";
import type { MailAttachment } from "./outbox.ts";

/** Mails claimed per statement; a run claims again while it finds a full batch. */
const BATCH = 20;
/**
 * A claimed mail's next attempt moves this far ahead while it is sent: longer than the
 * mailer's timeouts together, so no other instance sends it meanwhile.
 */
const LEASE_MS = 2 * 60_000;

export type SendResult = { sent: number; retrying: number; failed: number };

/**
 * Sends the outbox's due mail through the configured SMTP server, one at a time (mail
 * is not urgent; a slow server must not be flooded). A failure keeps the mail with its
 * error and a later attempt (back-off), or ends it as failed when the server refused it
 * for good. Safe with several instances: each mail is claimed by one of them. Tests call
 * this directly instead of waiting for the timer.
 */
export async function sendDueEmails(
  deps: Deps,
  opts: { mailer?: Mailer; shouldStop?: () => boolean } = {},
): Promise<SendResult> {
  const result: SendResult = { sent: 0, retrying: 0, failed: 0 };
  const smtp = deps.config.smtp;
  if (!smtp) return result;
  const mailer = opts.mailer ?? createMailer(smtp);
  try {
    for (;;) {
      const claimed = await claimDueEmails(deps.db, deps.now(), LEASE_MS, BATCH);
      for (const mail of claimed) {
        await sendOne(deps, mailer, mail, result);
        if (opts.shouldStop?.()) return result;
      }
      if (claimed.length < BATCH) return result;
    }
  } finally {
    if (!opts.mailer) mailer.close();
  }
}

async function sendOne(deps: Deps, mailer: Mailer, mail: EmailRow, result: SendResult) {
  try {
    await mailer.send({
      to: mail.toAddress,
      subject: mail.subject,
      text: mail.textBody,
      html: mail.htmlBody,
      ...(Array.isArray(mail.attachments) ? { attachments: mail.attachments as MailAttachment[] } : {}),
    });
  } catch (err) {
    const failure = err instanceof SmtpSendError ? err : new SmtpSendError(String(err), undefined);
    const permanent = isPermanentSmtpFailure(failure.responseCode);
    const retryAt = permanent ? null : new Date(deps.now().getTime() + retryDelayMs(mail.attempts + 1));
    await markEmailAttemptFailed(deps.db, mail.id, failure.message, retryAt);
    deps.logger.warn(
      { emailId: mail.id, kind: mail.kind, attempts: mail.attempts + 1, permanent, error: failure.message },
      permanent ? "email refused by the SMTP server; not retried" : "email not sent; will retry",
    );
    if (permanent) result.failed++;
    else result.retrying++;
    return;
  }
  await markEmailSent(deps.db, mail.id, deps.now());
  result.sent++;
}

import type { Deps } from "../context.ts";
import { logJobFailure } from "../lib/database-outage.ts";
import { createMailer } from "../lib/smtp-mailer.ts";
import { sendDueEmails } from "../services/email/email-sender.ts";
import { runScheduledMail } from "../services/email/scheduled-mail-service.ts";

/** How often the outbox is worked off and scheduled mail looked for. */
export const EMAIL_TICK_MS = 15_000;

export type EmailJob = { stop(): Promise<void> };

/**
 * Every EMAIL_TICK_MS: queue the scheduled mail whose slot has come, then send what is
 * due in the outbox. Not started while email is off. Ticks never overlap; stop() waits
 * for the one in flight so a sent mail is marked sent before the database closes.
 */
export function startEmailJob(deps: Deps, tickMs = EMAIL_TICK_MS): EmailJob | undefined {
  if (!deps.config.smtp) return undefined;
  const mailer = createMailer(deps.config.smtp);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  const tick = async () => {
    try {
      await runScheduledMail(deps);
      await sendDueEmails(deps, { mailer, shouldStop: () => stopped });
    } catch (err) {
      logJobFailure(deps, err, {}, "email job tick failed; trying again at the next tick");
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      current = tick().finally(schedule);
    }, tickMs);
    timer.unref();
  };
  schedule();

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
      mailer.close();
    },
  };
}

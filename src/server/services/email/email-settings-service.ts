import { AppError } from "../../../shared/errors.ts";
import type { EmailSettings, EmailStatus } from "../../../shared/schemas/email.ts";
import type { Actor, Deps } from "../../context.ts";
import { authorize } from "../../policies/org-policy.ts";
import { emailDeliverySummary } from "../../repositories/email-outbox-repository.ts";
import { setWeeklyDigest, weeklyDigestOf } from "../../repositories/scheduled-mail-repository.ts";
import { emailEnabled } from "./outbox.ts";

/**
 * The organisation's mail as admins follow it: how much waits, how much is retried after
 * a failure and the latest error, so an SMTP server that is down or refuses Keel is seen
 * in Keel, not only in the server's log.
 */
export async function emailStatusFor(deps: Deps, actor: Actor): Promise<EmailStatus> {
  authorize(actor, "manage_settings");
  const summary = await emailDeliverySummary(deps.db, actor.organizationId);
  return {
    enabled: emailEnabled(deps),
    pending: summary.pending,
    retrying: summary.retrying,
    failed: summary.failed,
    sent: summary.sent,
    lastError: summary.lastError,
    nextAttemptAt: summary.nextAttemptAt?.toISOString() ?? null,
  };
}

/** Settings about a person's own mail; a token acting for nobody has none. */
function personOf(actor: Actor): string {
  if (!actor.userId) {
    throw new AppError("forbidden", "Mail settings belong to a person; a service token has none.");
  }
  return actor.userId;
}

export async function myEmailSettings(deps: Deps, actor: Actor): Promise<EmailSettings> {
  authorize(actor, "read");
  const weeklyDigest = await weeklyDigestOf(deps.db, actor.organizationId, personOf(actor));
  if (weeklyDigest === undefined)
    throw new AppError("not_found", "You are not a member of this organisation.");
  return { weeklyDigest, emailEnabled: emailEnabled(deps) };
}

/** Opts the caller in or out of the weekly digest; the same value again writes nothing. */
export async function updateMyEmailSettings(
  deps: Deps,
  actor: Actor,
  input: { weeklyDigest?: boolean | undefined },
): Promise<EmailSettings> {
  authorize(actor, "read");
  if (input.weeklyDigest !== undefined) {
    await setWeeklyDigest(deps.db, actor.organizationId, personOf(actor), input.weeklyDigest);
  }
  return myEmailSettings(deps, actor);
}

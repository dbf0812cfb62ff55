import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Queryable } from "../../../db/client.ts";
import { type DueSlot, dueSlots } from "../../../domain/email/scheduled-mail.ts";
import type { Deps } from "../../context.ts";
import { logJobFailure } from "../../lib/database-outage.ts";
import {
  organizationsForScheduledMail,
  type ScheduledMailOrganization,
} from "../../repositories/scheduled-mail-repository.ts";
import {
  claimedSlotKeys,
  claimScheduledSlot,
  finishScheduledSlot,
} from "../../repositories/scheduled-slot-repository.ts";
import { queueCheckInReminders } from "./check-in-reminder-mail.ts";
import { emailEnabled } from "./outbox.ts";
import { queueScheduledReports } from "./report-mail.ts";
import { queueWeeklyDigests } from "./weekly-digest-mail.ts";

/** Names this process in scheduled_slots.claimed_by, so an operator can tell who ran a slot. */
const THIS_INSTANCE = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;

const writers: Record<
  DueSlot["kind"],
  (deps: Deps, q: Queryable, org: ScheduledMailOrganization, slot: DueSlot) => Promise<number>
> = {
  check_in_reminders: queueCheckInReminders,
  weekly_digest: queueWeeklyDigests,
};

/**
 * Writes the scheduled mail whose slot has come (check-in reminders, weekly digests,
 * scheduled reports: report-mail.ts) for
 * every organisation. Each slot is claimed and its mail queued in one transaction: with
 * several instances the database lets one claim win, and a slot whose work fails is
 * rolled back and taken again at the next tick. Nothing runs while email is off.
 * Returns how many mails were queued. Tests call this directly.
 */
export async function runScheduledMail(deps: Deps, opts: { instanceId?: string } = {}): Promise<number> {
  if (!emailEnabled(deps)) return 0;
  const now = deps.now();
  const instanceId = opts.instanceId ?? THIS_INSTANCE;
  let queued = 0;
  const orgs = await organizationsForScheduledMail(deps.db);
  for (const org of orgs) {
    const slots = dueSlots(org, now);
    const claimed = await claimedSlotKeys(
      deps.db,
      slots.map((s) => s.slotKey),
    );
    for (const slot of slots.filter((s) => !claimed.has(s.slotKey))) {
      try {
        queued += await deps.db.transaction(async (tx) => {
          if (!(await claimScheduledSlot(tx, slot.slotKey, instanceId, now))) return 0;
          const written = await writers[slot.kind](deps, tx, org, slot);
          await finishScheduledSlot(tx, slot.slotKey, deps.now());
          return written;
        });
      } catch (err) {
        // One organisation's failure must not keep the others' mail back.
        logJobFailure(deps, err, { organizationId: org.id, slot: slot.slotKey }, "scheduled mail failed");
      }
    }
  }
  queued += await queueScheduledReports(deps, orgs, instanceId);
  return queued;
}

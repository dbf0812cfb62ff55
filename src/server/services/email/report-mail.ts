/**
 * Scheduled reports by email (docs/reports.md, "Scheduled reports"): at each schedule's
 * slot, every recipient who is still an active member gets the consolidated report drawn
 * with their own rights (a team-visible Objective they may not read comes without its
 * text, as on their screen), as a PDF or a zip of CSV files. The copies are drawn first,
 * outside any transaction (drawing reads through the report's services); the slot's claim
 * and the copies' mail are then written in one transaction, so a slot is sent once
 * however many instances draw it, and a failure rolls the claim back to be taken again.
 */
import { dueReportSlot } from "../../../domain/email/report-slots.ts";
import type { ScheduleOrganization } from "../../../domain/email/scheduled-mail.ts";
import { AppError } from "../../../shared/errors.ts";
import type { Actor, Deps } from "../../context.ts";
import { actorOrg } from "../../lib/actor-org.ts";
import { logJobFailure } from "../../lib/database-outage.ts";
import { listCycles } from "../../repositories/catalog-repository.ts";
import { findOrganizationById } from "../../repositories/organization-repository.ts";
import {
  type ActiveRecipient,
  activeRecipients,
  type ReportScheduleRow,
  schedulesForSending,
} from "../../repositories/report-schedule-repository.ts";
import type { ScheduledMailOrganization } from "../../repositories/scheduled-mail-repository.ts";
import {
  claimedSlotKeys,
  claimScheduledSlot,
  finishScheduledSlot,
} from "../../repositories/scheduled-slot-repository.ts";
import { consolidatedReport } from "../reports/consolidated-report-service.ts";
import { reportFile } from "../reports/report-file.ts";
import { renderMail } from "./mail-layout.ts";
import { publicLink, type QueuedMail, queueEmails } from "./outbox.ts";

/**
 * The largest report attached to a mail (6.7 MB once encoded): below the 10 MB many mail
 * servers accept. A larger copy is not attached; its mail links to the report in Keel.
 */
export const MAX_REPORT_ATTACHMENT_BYTES = 5 * 1024 * 1024;

type Org = ScheduledMailOrganization & ScheduleOrganization;

/**
 * The cycle a scheduled report covers: the shortest running cycle (a quarter rather than
 * its year, as on the reports page), else the shortest one whose dates hold today;
 * undefined when there is neither (nothing is sent for that period).
 */
async function cycleToReport(deps: Deps, organizationId: string, today: string) {
  const cycles = await listCycles(deps.db, organizationId);
  const spanOf = (c: { startsOn: string; endsOn: string }) => Date.parse(c.endsOn) - Date.parse(c.startsOn);
  const shortest = (list: typeof cycles) => [...list].sort((a, b) => spanOf(a) - spanOf(b))[0];
  return (
    shortest(cycles.filter((c) => c.state === "active")) ??
    shortest(cycles.filter((c) => c.startsOn <= today && today <= c.endsOn))
  );
}

function recipientActor(
  base: Omit<Actor, "role" | "userId" | "tokenId" | "label" | "requestId">,
  r: ActiveRecipient,
  scheduleId: string,
): Actor {
  return {
    ...base,
    role: r.role,
    userId: r.userId,
    tokenId: null,
    label: r.name,
    requestId: `job:report-schedule:${scheduleId}`,
  };
}

const frequencyWord = { weekly: "Weekly", monthly: "Monthly" } as const;

/** The copies of one schedule's period, one per active recipient, drawn with their rights. */
async function drawCopies(
  deps: Deps,
  org: Org,
  schedule: ReportScheduleRow,
  slot: { periodStartsOn: string; today: string },
): Promise<QueuedMail[]> {
  const cycle = await cycleToReport(deps, org.id, slot.today);
  if (!cycle) {
    deps.logger.info(
      { organizationId: org.id, scheduleId: schedule.id },
      "scheduled report skipped: no cycle runs or holds today",
    );
    return [];
  }
  const orgRow = await findOrganizationById(deps.db, org.id);
  if (!orgRow) return [];
  const base = actorOrg(orgRow);
  const recipients = await activeRecipients(deps.db, org.id, schedule.recipientUserIds);
  const mails: QueuedMail[] = [];
  for (const recipient of recipients) {
    const actor = recipientActor(base, recipient, schedule.id);
    const report = await consolidatedReport(deps, actor, {
      teamId: schedule.teamId ?? undefined,
      cycleId: cycle.id,
    });
    const file = await reportFile(report, org.slug, schedule.format);
    const attached = file.bytes.byteLength <= MAX_REPORT_ATTACHMENT_BYTES;
    const subtree = report.subtree?.name ?? org.name;
    const query = new URLSearchParams({
      cycle: cycle.id,
      ...(schedule.teamId ? { team: schedule.teamId } : {}),
    });
    const kb = Math.ceil(file.bytes.byteLength / 1024);
    mails.push({
      organizationId: org.id,
      to: recipient.email,
      kind: "report",
      dedupeKey: `report:${schedule.id}:${schedule.frequency}:${slot.periodStartsOn}:${recipient.userId}`,
      mail: renderMail({
        subject: `${frequencyWord[schedule.frequency]} report: ${subtree}, ${cycle.name}`,
        paragraphs: [
          `Hello ${recipient.name},`,
          `${attached ? "Attached is" : "Here is"} the consolidated OKR and KPI report of ${
            report.subtree ? `${report.subtree.name} and the teams below it` : `all of ${org.name}`
          } for ${cycle.name} (${cycle.startsOn} to ${cycle.endsOn}), as of ${slot.today}, showing what you may see in Keel.`,
          attached
            ? `${report.totals.objectives} Objectives, ${report.totals.kpis} KPIs, ${report.totals.escalations} escalations. The file: ${file.filename} (${kb} KB).`
            : `The ${schedule.format === "pdf" ? "PDF" : "CSV zip"} is ${kb} KB, too large to attach (the limit is ${MAX_REPORT_ATTACHMENT_BYTES / 1024 / 1024} MB): open the report in Keel to read or download it.`,
        ],
        link: { label: "Open the report in Keel", url: publicLink(deps, `/o/${org.slug}/reports?${query}`) },
        footer: `A ${schedule.frequency} report of ${org.name} that an admin or team lead scheduled for you. To stop it, ask them to take you off its recipients.`,
      }),
      ...(attached
        ? {
            attachments: [
              {
                filename: file.filename,
                contentType: file.contentType,
                contentBase64: Buffer.from(file.bytes).toString("base64"),
              },
            ],
          }
        : {}),
    });
  }
  return mails;
}

/**
 * Queues the scheduled reports whose slot has come for the given organisations; returns how
 * many mails were written. A schedule whose report cannot be drawn any more (its team was
 * archived) is logged and its period passed over; any other failure leaves the slot
 * unclaimed, to be taken at the next tick.
 */
export async function queueScheduledReports(
  deps: Deps,
  orgs: readonly Org[],
  instanceId: string,
): Promise<number> {
  const now = deps.now();
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const due = (await schedulesForSending(deps.db)).flatMap((schedule) => {
    const org = orgById.get(schedule.organizationId);
    const slot = org ? dueReportSlot(org, schedule, now) : null;
    return org && slot ? [{ org, schedule, slot }] : [];
  });
  if (due.length === 0) return 0;
  const claimed = await claimedSlotKeys(
    deps.db,
    due.map((d) => d.slot.slotKey),
  );
  let queued = 0;
  for (const { org, schedule, slot } of due.filter((d) => !claimed.has(d.slot.slotKey))) {
    try {
      let mails: QueuedMail[];
      try {
        mails = await drawCopies(deps, org, schedule, slot);
      } catch (err) {
        if (!(err instanceof AppError) || err.code === "internal") throw err;
        deps.logger.warn(
          { organizationId: org.id, scheduleId: schedule.id, error: err.message },
          "scheduled report cannot be drawn; this period is passed over",
        );
        mails = [];
      }
      queued += await deps.db.transaction(async (tx) => {
        if (!(await claimScheduledSlot(tx, slot.slotKey, instanceId, now))) return 0;
        const written = await queueEmails(deps, tx, mails);
        await finishScheduledSlot(tx, slot.slotKey, deps.now());
        return written;
      });
    } catch (err) {
      logJobFailure(deps, err, { organizationId: org.id, slot: slot.slotKey }, "scheduled report failed");
    }
  }
  return queued;
}

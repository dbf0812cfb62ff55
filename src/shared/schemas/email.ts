/** Email: what admins see of the outbox, and each person's own mail settings. */
import { z } from "zod";
import { timestamp } from "./common.ts";

export const EmailStatusSchema = z.object({
  enabled: z
    .boolean()
    .describe("Whether this Keel sends email (KEEL_SMTP_HOST is set); when false nothing is queued"),
  pending: z.number().int().describe("Mail of this organisation waiting to be sent"),
  retrying: z
    .number()
    .int()
    .describe("Pending mail that failed at least once and waits for its next attempt (back-off)"),
  failed: z
    .number()
    .int()
    .describe("Mail the SMTP server refused for good (a 5xx answer, e.g. no such mailbox); not retried"),
  sent: z.number().int(),
  lastError: z
    .string()
    .nullable()
    .describe(
      "The error of the most recently queued mail that has not been sent, as the SMTP server or the network gave it",
    ),
  nextAttemptAt: timestamp()
    .nullable()
    .describe("When the soonest retry is due; null when nothing waits for one"),
});
export type EmailStatus = z.infer<typeof EmailStatusSchema>;

export const EmailSettingsSchema = z.object({
  weeklyDigest: z
    .boolean()
    .describe("Whether you receive this organisation's weekly digest by email (what changed, what is due)"),
  emailEnabled: z.boolean().describe("Whether this Keel sends email at all"),
});
export type EmailSettings = z.infer<typeof EmailSettingsSchema>;

export const UpdateEmailSettingsSchema = z.strictObject({
  weeklyDigest: z.boolean().optional().describe("false: no weekly digest for you from this organisation"),
});

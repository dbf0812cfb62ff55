import { z } from "zod";
import { IdSchema, timestamp, VersionSchema } from "./common.ts";

/** At most this many people receive one scheduled report (each copy is drawn for its reader). */
export const MAX_REPORT_RECIPIENTS = 50;

export const ReportFrequencySchema = z
  .enum(["weekly", "monthly"])
  .describe(
    "weekly: on the organisation's first day of the week; monthly: on the 1st; both at its reminder hour",
  );
export const ReportFormatSchema = z
  .enum(["pdf", "csv"])
  .describe("pdf: the consolidated PDF; csv: the zip of CSV files");

const recipientsSchema = z
  .array(IdSchema)
  .min(1, "choose at least one recipient")
  .max(MAX_REPORT_RECIPIENTS, `must list at most ${MAX_REPORT_RECIPIENTS} people`)
  .refine((ids) => new Set(ids).size === ids.length, "lists a person twice")
  .describe("Active members of the organisation who receive the report, each drawn with their own rights");

export const ReportScheduleSchema = z.object({
  id: z.uuid(),
  teamId: z.uuid().nullable().describe("The subtree's top team; null for the whole organisation"),
  frequency: ReportFrequencySchema,
  format: ReportFormatSchema,
  recipientUserIds: z.array(z.uuid()),
  createdByUserId: z.uuid().nullable(),
  version: z.number().int(),
  createdAt: timestamp(),
  updatedAt: timestamp(),
});
export type ReportSchedule = z.infer<typeof ReportScheduleSchema>;

export const ReportScheduleListSchema = z.object({ items: z.array(ReportScheduleSchema) });

export const CreateReportScheduleSchema = z.strictObject({
  teamId: IdSchema.nullable()
    .default(null)
    .describe("The subtree's top team; null or left out for the whole organisation (admins only)"),
  frequency: ReportFrequencySchema,
  format: ReportFormatSchema.default("pdf"),
  recipientUserIds: recipientsSchema,
});

export const UpdateReportScheduleSchema = z.strictObject({
  version: VersionSchema,
  teamId: IdSchema.nullable().optional(),
  frequency: ReportFrequencySchema.optional(),
  format: ReportFormatSchema.optional(),
  recipientUserIds: recipientsSchema.optional(),
});

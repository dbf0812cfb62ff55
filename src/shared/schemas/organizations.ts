import { z } from "zod";
import { EmailSchema, PasswordSchema } from "./auth.ts";
import { nameSchema, RoleSchema, VersionSchema } from "./common.ts";

export const TimeZoneSchema = z
  .string()
  .refine((tz) => isTimeZone(tz), "must be an IANA time zone such as Europe/Berlin")
  .describe("IANA time zone, e.g. Europe/Berlin");

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return tz.length > 0;
  } catch {
    return false;
  }
}

export const OrgSettingsFields = {
  name: nameSchema(120),
  timeZone: TimeZoneSchema,
  weekStart: z
    .number()
    .int()
    .min(1)
    .max(7)
    .describe("ISO weekday the week starts on: 1 = Monday … 7 = Sunday"),
  fiscalYearStartMonth: z.number().int().min(1).max(12).describe("Month the fiscal year starts in (1–12)"),
  reminderHour: z
    .number()
    .int()
    .min(0)
    .max(23)
    .describe("Local hour (0–23, in the time zone) check-in reminders and weekly digests are emailed"),
};

/** OKR status bands; every field optional, unset fields keep the documented defaults (docs/okr-status.md). */
export const OkrStatusSettingsSchema = z.strictObject({
  staleAfterDays: z
    .number()
    .int()
    .min(1)
    .max(365)
    .optional()
    .describe("No check-in for more than this many days: stale"),
  paceGraceDays: z
    .number()
    .int()
    .min(0)
    .max(365)
    .optional()
    .describe("Days from a cycle's start judged on confidence alone"),
  onTrackPace: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe("Progress ÷ expected progress at or above which a KR can be on track"),
  offTrackPace: z.number().min(0).max(1).optional().describe("Pace below which a KR is off track"),
  onTrackConfidence: z.number().int().min(0).max(10).optional(),
  offTrackConfidence: z.number().int().min(0).max(10).optional(),
  objectiveOffTrackShare: z.number().min(0).lt(1).optional(),
});

export const OrganizationSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  timeZone: z.string(),
  weekStart: z.number(),
  fiscalYearStartMonth: z.number(),
  reminderHour: z.number().describe("Local hour (0–23) check-in reminders and weekly digests are emailed"),
  isDemo: z.boolean(),
  okrStatusSettings: z
    .record(z.string(), z.number())
    .describe("The OKR status bands in force (defaults merged with this organisation's changes)"),
  role: RoleSchema.describe("Your role in it"),
  version: z.number(),
});
export type Organization = z.infer<typeof OrganizationSchema>;

export const CreateOrganizationSchema = z.strictObject({
  name: OrgSettingsFields.name,
  timeZone: OrgSettingsFields.timeZone.default("UTC"),
  weekStart: OrgSettingsFields.weekStart.default(1),
  fiscalYearStartMonth: OrgSettingsFields.fiscalYearStartMonth.default(1),
});

export const UpdateOrganizationSchema = z.strictObject({
  version: VersionSchema,
  name: OrgSettingsFields.name.optional(),
  timeZone: OrgSettingsFields.timeZone.optional(),
  weekStart: OrgSettingsFields.weekStart.optional(),
  fiscalYearStartMonth: OrgSettingsFields.fiscalYearStartMonth.optional(),
  reminderHour: OrgSettingsFields.reminderHour.optional(),
  okrStatusSettings: OkrStatusSettingsSchema.optional().describe(
    "Change some OKR status bands; others keep their value",
  ),
});

export const SetupStatusSchema = z.object({
  needsSetup: z.boolean(),
  setupCodeRequired: z.boolean().describe("True when the request does not come from this machine"),
});

export const SetupSchema = z.strictObject({
  start: z.enum(["own", "demo"]).default("own").describe("Create your own organisation or open the demo"),
  organizationName: nameSchema(120).optional().describe("Required when start is own"),
  timeZone: TimeZoneSchema.default("UTC"),
  name: nameSchema(120),
  email: EmailSchema,
  password: PasswordSchema,
  setupCode: z.string().max(100).optional().describe("The one-time code printed in Keel's log"),
});

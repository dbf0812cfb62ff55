/**
 * 1:1 agendas (docs/one-on-ones.md): for each manager–report pair a running agenda,
 * "the next 1:1", with items Keel generates and items either person adds; closing it
 * with the meeting's notes starts the next one.
 */
import { z } from "zod";
import { IdSchema, OrgParamSchema, timestamp } from "./common.ts";

export const OneOnOnePersonSchema = z.object({ userId: z.uuid(), name: z.string() });

export const OneOnOneItemSchema = z.object({
  id: z.uuid(),
  kind: z
    .enum(["risk_flag", "overdue_check_in", "kpi_escalation", "forecast_unlikely", "added"])
    .describe(
      "risk_flag: confidence fell twice with a blocker; overdue_check_in; kpi_escalation: an open escalation of the report's KPI; forecast_unlikely: the forecast crossed from likely to unlikely; added: written by a person",
    ),
  title: z.string(),
  quote: z
    .string()
    .nullable()
    .describe("The note's sentence behind a risk flag; null when there is none or the reader may not see it"),
  quoteWithheld: z
    .string()
    .nullable()
    .describe(
      "Why a quote is not shown (a team-visible Objective read from outside its team); null otherwise",
    ),
  subject: z
    .object({ kind: z.enum(["key_result", "kpi"]), id: z.uuid() })
    .nullable()
    .describe("What a generated item is about; null for items people add"),
  addedByName: z.string().nullable().describe("Who added it; null for generated items"),
  done: z.boolean(),
  doneAt: timestamp().nullable(),
  doneByName: z.string().nullable(),
  createdAt: timestamp(),
});
export type OneOnOneItem = z.infer<typeof OneOnOneItemSchema>;

export const OneOnOneAgendaSchema = z.object({
  id: z.uuid(),
  status: z
    .enum(["open", "closed", "archived"])
    .describe("open: the next 1:1; closed: held; archived: the pair ended"),
  notes: z.string().describe("The meeting's notes, written when it was closed"),
  closedAt: timestamp().nullable(),
  closedByName: z.string().nullable(),
  createdAt: timestamp(),
  items: z
    .array(OneOnOneItemSchema)
    .describe("Oldest first; unticked items of a closed agenda were carried over"),
});
export type OneOnOneAgenda = z.infer<typeof OneOnOneAgendaSchema>;

export const OneOnOnePairSchema = z.object({
  manager: OneOnOnePersonSchema,
  report: OneOnOnePersonSchema,
  current: z
    .boolean()
    .describe(
      "The manager is the report's manager now (or stands in as team lead); false for a pair that ended",
    ),
  agenda: OneOnOneAgendaSchema.nullable().describe("The next 1:1; null for a pair that ended"),
  can: z.object({
    write: z.boolean().describe("Add, tick and close: the two people (owners and admins only read)"),
  }),
});
export type OneOnOnePair = z.infer<typeof OneOnOnePairSchema>;

export const OneOnOneSummarySchema = z.object({
  manager: OneOnOnePersonSchema,
  report: OneOnOnePersonSchema,
  agendaId: z.uuid().nullable().describe("The open agenda, once the pair's 1:1 page was opened"),
  openItems: z.number().int().describe("Unticked items on the open agenda"),
});

export const MyOneOnOnesSchema = z.object({
  asManager: z.array(OneOnOneSummarySchema).describe("One entry per report, by name"),
  asReport: z.array(OneOnOneSummarySchema).describe("With my manager (at most one current pair)"),
});

export const OneOnOneHistorySchema = z.object({
  items: z.array(OneOnOneAgendaSchema).describe("Meetings held, newest first, with their notes and items"),
});

export const OneOnOneHistoryQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).describe("Meetings to return (1–100)"),
});

export const OneOnOnePairParamsSchema = OrgParamSchema.extend({
  managerUserId: IdSchema,
  reportUserId: IdSchema,
});
export const OneOnOneAgendaParamsSchema = OrgParamSchema.extend({ agendaId: IdSchema });
export const OneOnOneItemParamsSchema = OneOnOneAgendaParamsSchema.extend({ itemId: IdSchema });

export const AddOneOnOneItemSchema = z.strictObject({
  title: z
    .string()
    .trim()
    .min(1, "say what to talk about")
    .max(500, "must be at most 500 characters")
    .describe("What to talk about"),
});

export const UpdateOneOnOneItemSchema = z.strictObject({
  done: z
    .boolean()
    .optional()
    .describe("Ticked off (true) or back on the list (false); left out, nothing changes"),
});

export const CloseOneOnOneSchema = z.strictObject({
  notes: z
    .string()
    .trim()
    .max(20000, "must be at most 20000 characters")
    .describe("The meeting's notes (may be empty); kept with the closed agenda"),
});

/**
 * A person's own page: GET /my/home (my KRs and my KPIs, with what is due) and GET
 * /my/inbox (one list of what I owe). Rules: docs/inbox.md.
 */
import { z } from "zod";
import { INBOX_KINDS } from "../../domain/inbox/inbox-order.ts";
import { timestamp } from "./common.ts";
import { KpiCardSchema } from "./kpis.ts";
import { KeyResultSchema } from "./okrs.ts";

const day = () => z.string().describe("A day, YYYY-MM-DD, in the organisation's time zone");

export const InboxKindSchema = z
  .enum(INBOX_KINDS)
  .describe(
    "check_in_due: a KR of mine has no check-in this week; value_due: a KPI of mine lacks the value of the period that ended; escalation: an open escalation sent to me; one_on_one_item: an open item on the next 1:1 with my manager or a report; lint_finding: an open linter finding on a draft I own; notification: an unread notification",
  );

export const InboxItemSchema = z.object({
  key: z.string().describe("Stable for as long as the item is owed, e.g. check_in_due:<KR id>"),
  kind: InboxKindSchema,
  title: z.string(),
  detail: z.string().nullable().describe("Where it belongs: the Objective, the period, the 1:1, …"),
  link: z.string().describe("The web app's path where it is done, e.g. /o/acme/check-ins"),
  dueOn: day().nullable().describe("The day it is due by; null when it has no due date"),
  overdue: z.boolean().describe("Past its due date (a check-in: more than 7 days without one)"),
  since: timestamp().nullable().describe("When it landed, when known"),
  subjectId: z
    .uuid()
    .describe(
      "The KR, KPI, escalation, 1:1 item, Objective or notification it is about (a notification's id marks it read)",
    ),
});
export type InboxItem = z.infer<typeof InboxItemSchema>;

export const InboxSchema = z.object({
  items: z.array(InboxItemSchema).describe("Grouped by kind (escalations first), then soonest due"),
  total: z.number().int().describe("The number of items: what the navigation shows"),
  counts: z
    .object({
      escalation: z.number().int(),
      check_in_due: z.number().int(),
      value_due: z.number().int(),
      one_on_one_item: z.number().int(),
      lint_finding: z.number().int(),
      notification: z.number().int(),
    } satisfies Record<(typeof INBOX_KINDS)[number], z.ZodNumber>)
    .describe("Items per kind; every kind named"),
});

export const MyKeyResultSchema = z.object({
  objective: z.object({
    id: z.uuid(),
    title: z.string(),
    teamName: z.string().nullable(),
    cycleId: z.uuid(),
  }),
  keyResult: KeyResultSchema,
  checkIn: z.object({
    due: z.boolean().describe("No check-in yet this week"),
    overdue: z.boolean().describe("No check-in for more than 7 days"),
    nextDueOn: day().describe("The end of this week when due, else the end of next week"),
  }),
});

export const MyKpiSchema = z.object({
  kpi: KpiCardSchema,
  valueDue: z
    .object({
      periodStart: day(),
      periodLabel: z.string(),
      dueOn: day(),
      overdue: z.boolean(),
    })
    .nullable()
    .describe("The value I owe (the period that ended last has none); null when nothing is owed"),
});

export const MyHomeSchema = z.object({
  cycles: z
    .array(z.object({ id: z.uuid(), name: z.string() }))
    .describe("The active cycles my KRs belong to"),
  keyResults: z
    .array(MyKeyResultSchema)
    .describe("KRs I own or contribute to on active Objectives of active cycles"),
  kpis: z.array(MyKpiSchema).describe("Active KPIs I own, by name"),
});

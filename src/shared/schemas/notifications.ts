/** What Keel tells one person: an unusual KPI value, … (the inbox and email render them). */
import { z } from "zod";
import { timestamp } from "./common.ts";

export const NotificationSchema = z.object({
  id: z.uuid(),
  kind: z.string().describe('What happened, e.g. "kpi_unusual"'),
  subjectKind: z.string().describe('What it is about, e.g. "kpi"'),
  subjectId: z.uuid().describe("The id of what it is about"),
  title: z.string(),
  body: z.string(),
  createdAt: timestamp(),
  readAt: timestamp().nullable().describe("When the person marked it read; null while unread"),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationPageSchema = z.object({
  items: z.array(NotificationSchema).describe("Newest first"),
  nextCursor: z.string().nullable().describe("Pass as cursor to get the next page; null on the last page"),
});

export const NotificationListQuerySchema = z.object({
  cursor: z.string().max(500).optional().describe("nextCursor of the previous page"),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe("Items per page (1–200)"),
});

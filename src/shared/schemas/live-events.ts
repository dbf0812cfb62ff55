import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "./webhooks.ts";

/** Live-only: a KPI's values changed (a value posted, imported, fetched or computed). */
export const LIVE_EVENT_TYPES = [...WEBHOOK_EVENT_TYPES, "kpi.values_changed"] as const;
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];

export const LiveSubjectKindSchema = z.enum(["key_result", "kpi", "escalation", "cycle"]);
export type LiveSubjectKind = z.infer<typeof LiveSubjectKindSchema>;

/**
 * One event on GET /api/orgs/{org}/events (the `data:` of a server-sent event). It names
 * what changed by ids only: the page refetches what it shows, with the reader's rights.
 */
export const LiveEventSchema = z.object({
  id: z.uuid().describe("The event's id (also the SSE `id:`)"),
  type: z.enum(LIVE_EVENT_TYPES),
  subject: z.object({ kind: LiveSubjectKindSchema, id: z.uuid() }).describe("What the event is about"),
  ids: z
    .record(z.string(), z.string())
    .describe("Related ids: keyResultId, objectiveId, kpiId, checkInId, escalationId, cycleId"),
});
export type LiveEvent = z.infer<typeof LiveEventSchema>;

import { z } from "zod";
import { timestamp, VersionSchema } from "./common.ts";

/**
 * What a webhook can subscribe to (docs/webhooks.md). The same names travel on the live
 * event stream, which also carries `kpi.values_changed` for pages that show values.
 */
export const WEBHOOK_EVENT_TYPES = [
  "check_in.created",
  "key_result.flagged",
  "kpi.status_changed",
  "escalation.opened",
  "escalation.acknowledged",
  "escalation.resolved",
  "cycle.closed",
] as const;
export const WebhookEventTypeSchema = z
  .enum(WEBHOOK_EVENT_TYPES)
  .describe("An organisation event a webhook may receive");
export type WebhookEventType = z.infer<typeof WebhookEventTypeSchema>;

export const WebhookFormatSchema = z
  .enum(["generic", "slack"])
  .describe(
    'generic: Keel\'s JSON event; slack: `{ "text": … }`, which Slack and Teams incoming webhooks accept',
  );

const urlSchema = z
  .string()
  .trim()
  .max(2000, "must be at most 2000 characters")
  .refine((text) => {
    try {
      const u = new URL(text);
      return (u.protocol === "https:" || u.protocol === "http:") && !u.username && !u.password;
    } catch {
      return false;
    }
  }, "must be an http(s) URL without user name or password")
  .describe(
    "Where Keel POSTs events; private and Keel's own addresses are refused unless the instance allows them",
  );

const eventsSchema = z
  .array(WebhookEventTypeSchema)
  .min(1, "choose at least one event")
  .max(WEBHOOK_EVENT_TYPES.length)
  .refine((list) => new Set(list).size === list.length, "lists an event twice");

export const WebhookSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string(),
  events: z.array(WebhookEventTypeSchema),
  format: WebhookFormatSchema,
  enabled: z.boolean(),
  version: z.number().int(),
  createdAt: timestamp(),
  updatedAt: timestamp(),
  /** Enough to tell which delivery log to open: the latest delivery's outcome. */
  lastDelivery: z
    .object({ status: z.enum(["pending", "succeeded", "failed"]), at: timestamp() })
    .nullable()
    .describe("The newest delivery's status and when it was written"),
});
export type Webhook = z.infer<typeof WebhookSchema>;

export const CreateWebhookSchema = z.strictObject({
  url: urlSchema,
  description: z.string().trim().max(200, "must be at most 200 characters").default(""),
  events: eventsSchema,
  format: WebhookFormatSchema.default("generic"),
  enabled: z.boolean().default(true),
});

export const UpdateWebhookSchema = z.strictObject({
  version: VersionSchema,
  url: urlSchema
    .optional()
    .describe("A new URL rotates the signing secret; the answer shows the new one once"),
  description: z.string().trim().max(200, "must be at most 200 characters").optional(),
  events: eventsSchema.optional(),
  format: WebhookFormatSchema.optional(),
  enabled: z.boolean().optional(),
});

export const RotateWebhookSecretSchema = z.strictObject({ version: VersionSchema });

/** A webhook as a change answers it: with its signing secret when that is new. */
export const WebhookWithSecretSchema = WebhookSchema.extend({
  secret: z
    .string()
    .nullable()
    .describe("The signing secret, shown once (create, rotate, URL change); null when it did not change"),
});

export const WebhookListSchema = z.object({ items: z.array(WebhookSchema) });

export const WebhookDeliverySchema = z.object({
  id: z.uuid(),
  eventType: z.string(),
  status: z.enum(["pending", "succeeded", "failed"]),
  attempts: z.number().int(),
  nextAttemptAt: timestamp().nullable().describe("When a pending delivery is tried next"),
  responseStatus: z.number().int().nullable(),
  responseBody: z.string().nullable().describe("The start of the target's answer (at most 2 KB)"),
  error: z.string().nullable(),
  deliveredAt: timestamp().nullable(),
  createdAt: timestamp(),
});
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;

export const WebhookDeliveryListSchema = z.object({ items: z.array(WebhookDeliverySchema) });

export const WebhookDeliveryQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe("Newest deliveries to show (1–200)"),
});

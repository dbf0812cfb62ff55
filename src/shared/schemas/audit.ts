import { z } from "zod";

export const AuditEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  actorUserId: z.uuid().nullable(),
  actorTokenId: z.uuid().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  entityLabel: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  reason: z.string().nullable(),
});
export const AuditQuerySchema = z.object({
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(100).optional(),
  actorUserId: z.uuid().optional(),
  action: z
    .string()
    .regex(/^[a-z_]+(\.[a-z_]+)?$/, "must be an action such as team.moved, or an area such as team")
    .optional()
    .describe("An exact action (team.moved) or every action of an area (team)"),
  cursor: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

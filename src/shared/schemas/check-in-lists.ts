import { z } from "zod";
import { TeamCheckInSchema } from "./okr-reviews.ts";
import { KeyResultSchema } from "./okrs.ts";

/** GET /key-results/{id}/check-ins takes how many to return. */
export const CheckInHistoryQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

/** GET /my/check-ins: one KR of mine in a running cycle. */
export const MyCheckInItemSchema = z.object({
  objective: z.object({
    id: z.uuid(),
    title: z.string(),
    teamName: z.string().nullable(),
    cycleId: z.uuid(),
  }),
  keyResult: KeyResultSchema,
  due: z.boolean().describe("No check-in yet this week"),
  overdue: z.boolean().describe("No check-in for more than 7 days"),
});
export type MyCheckInItem = z.infer<typeof MyCheckInItemSchema>;

export const MyCheckInsSchema = z.object({ items: z.array(MyCheckInItemSchema) });

/** GET /teams/{id}/overdue-check-ins: the team's KRs with no check-in for more than 7 days. */
export const OverdueCheckInsSchema = z.object({
  items: z.array(
    z.object({
      objective: z.object({ id: z.uuid(), title: z.string() }),
      keyResult: z.object({
        id: z.uuid(),
        title: z.string(),
        ownerUserId: z.uuid().nullable(),
        ownerName: z.string().nullable(),
      }),
      lastCheckInAt: z.string().nullable(),
      daysSinceLastCheckIn: z.number().nullable(),
    }),
  ),
});

/** GET /teams/{id}/check-ins: every KR of the team's running Objectives. */
export const TeamCheckInsSchema = z.object({ items: z.array(TeamCheckInSchema) });

/**
 * Risk flags on Key Results: confidence fell on two check-ins in a row and a note of the
 * last two showed a blocker (docs/okr-status.md, "Risk flags").
 */
import { z } from "zod";
import { BlockerCueSchema } from "./check-in-notes.ts";
import { TeamScopeSchema, timestamp } from "./common.ts";

export const KeyResultFlagSchema = z.object({
  id: z.uuid(),
  keyResultId: z.uuid(),
  status: z
    .enum(["open", "recovered", "resolved"])
    .describe(
      "open; recovered: confidence came back to where it was before the falls; resolved: by a person, with a note",
    ),
  quote: z
    .string()
    .nullable()
    .describe(
      "The sentence of the note that showed the blocker; null for readers who may not see the Objective's text (team-visible)",
    ),
  cue: BlockerCueSchema,
  confidenceBefore: z
    .number()
    .describe("Confidence before the two falls; back at this level, the flag clears"),
  confidenceNow: z.number().describe("Confidence when the flag was raised (or cleared)"),
  raisedAt: timestamp(),
  raisedByCheckInId: z.uuid().describe("The check-in that completed the two falls"),
  quoteCheckInId: z.uuid().describe("The check-in whose note holds the quote"),
  closedAt: timestamp().nullable(),
  resolvedByUserId: z.uuid().nullable(),
  resolvedByName: z.string().nullable(),
  resolutionNote: z
    .string()
    .nullable()
    .describe("What the person who resolved it wrote; null for readers who may not see the Objective's text"),
  can: z.object({
    resolve: z
      .boolean()
      .describe(
        "The KR owner's manager (no manager: the lead of the Objective's team) and admins, while open",
      ),
  }),
});
export type KeyResultFlag = z.infer<typeof KeyResultFlagSchema>;

export const ResolveFlagSchema = z.strictObject({
  note: z
    .string()
    .trim()
    .min(1, "say how it was resolved")
    .max(2000, "must be at most 2000 characters")
    .describe("How the blocker was dealt with (kept with the flag and in the audit log)"),
});

export const TeamFlagsQuerySchema = z.object({ scope: TeamScopeSchema });

export const TeamFlagItemSchema = z.object({
  flag: KeyResultFlagSchema,
  keyResult: z.object({
    id: z.uuid(),
    title: z.string(),
    ownerUserId: z.uuid().nullable(),
    ownerName: z.string().nullable(),
    lastConfidence: z.number().nullable(),
  }),
  objective: z.object({
    id: z.uuid(),
    title: z.string(),
    teamId: z.uuid().nullable(),
    teamName: z.string().nullable(),
    restricted: z.boolean().describe("Team-visible and the reader is outside the team: no text"),
  }),
});

export const TeamFlagsSchema = z.object({ items: z.array(TeamFlagItemSchema) });

import { z } from "zod";
import { nameSchema, VersionSchema } from "./common.ts";

export const MethodologySchema = z
  .enum(["okr", "kpi", "both"])
  .describe("What the team runs: OKRs, KPIs or both");

export const TeamSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  name: z.string(),
  kind: z.string(),
  methodology: MethodologySchema,
  leadUserId: z.uuid().nullable(),
  leadName: z.string().nullable(),
  memberCount: z.number(),
  archived: z.boolean(),
  version: z.number(),
});
export type Team = z.infer<typeof TeamSchema>;

/** A team with its sub-teams. */
export type TeamNode = Team & { children: TeamNode[] };

// Recursive schemas need a named component in the OpenAPI document.
export const TeamNodeSchema: z.ZodType<TeamNode> = TeamSchema.extend({
  children: z.array(z.lazy(() => TeamNodeSchema)),
}).meta({ id: "TeamNode" });
export const TeamTreeSchema = z.object({ roots: z.array(TeamNodeSchema) });

export const kindSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .describe("Level label: company, division, department, squad…");

export const CreateTeamSchema = z.strictObject({
  name: nameSchema(120),
  parentId: z.uuid().nullable().default(null),
  kind: kindSchema.default("team"),
  methodology: MethodologySchema.default("both"),
  leadUserId: z.uuid().nullable().default(null),
});

export const UpdateTeamSchema = z.strictObject({
  version: VersionSchema,
  name: nameSchema(120).optional(),
  kind: kindSchema.optional(),
  methodology: MethodologySchema.optional(),
  leadUserId: z.uuid().nullable().optional(),
  parentId: z
    .uuid()
    .nullable()
    .optional()
    .describe("Move the team under another one (not under itself or its descendants)"),
  archived: z.boolean().optional(),
});

export const TeamMemberSchema = z.object({ userId: z.uuid(), name: z.string(), email: z.string() });
export const AddTeamMemberSchema = z.strictObject({ userId: z.uuid() });
export const TeamListQuerySchema = z.object({
  includeArchived: z.enum(["true", "false"]).default("false"),
});

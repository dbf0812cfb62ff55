import { z } from "zod";

export const roles = ["owner", "admin", "member", "viewer"] as const;
export const RoleSchema = z.enum(roles).describe("owner, admin, member or viewer");
export type Role = z.infer<typeof RoleSchema>;

export const IdSchema = z.uuid().describe("Identifier (UUID)");

/** Name-like text: trimmed, not empty, bounded. */
export const nameSchema = (max = 120) =>
  z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);

export const VersionSchema = z
  .number()
  .int()
  .min(1)
  // Versions are PostgreSQL integers; a bigger one must be refused, not overflow the query.
  .max(2_147_483_647)
  .describe("The version you loaded; a save based on an older version is refused with 409 version_conflict");

/** Query of every list route: cursor pagination plus a name search. */
export const ListQuerySchema = z.object({
  q: z.string().max(200).optional().describe("Case-insensitive search in the name"),
  cursor: z.string().max(500).optional().describe("nextCursor of the previous page"),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe("Items per page (1–200)"),
});
export type ListQuery = z.infer<typeof ListQuerySchema>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe("Pass as cursor to get the next page; null on the last page"),
  });

export const ErrorSchema = z.object({
  error: z.object({
    code: z.string().describe("Stable error code, e.g. validation_failed, not_found, version_conflict"),
    message: z.string().describe("What went wrong and what to do, for people"),
    details: z
      .object({
        issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
      })
      .passthrough()
      .optional(),
  }),
});

export const OkSchema = z.object({ ok: z.literal(true) });

export const OrgParamSchema = z.object({
  org: z.string().min(1).max(64).describe("The organisation's slug"),
});
export const OrgIdParamSchema = OrgParamSchema.extend({ id: IdSchema });

export const timestamp = () => z.string().describe("ISO 8601 date-time");

/**
 * How far a team's boards, floors and escalations reach. Leaders see everything under
 * them, so the whole subtree is the default; "team" narrows to the team's own.
 */
export const TeamScopeSchema = z
  .enum(["subtree", "team"])
  .default("subtree")
  .describe("subtree (default): the team and every team below it; team: this team only");
export type TeamScope = z.infer<typeof TeamScopeSchema>;

import { z } from "zod";
import { EmailSchema, PasswordSchema } from "./auth.ts";
import { nameSchema, RoleSchema, VersionSchema } from "./common.ts";

export const PersonSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: RoleSchema,
  title: z.string().nullable(),
  status: z.enum(["active", "deactivated"]),
  managerUserId: z.uuid().nullable(),
  managerName: z.string().nullable(),
  hasPassword: z.boolean().describe("False until the person has set a password"),
  version: z.number(),
  createdAt: z.string(),
});
export type Person = z.infer<typeof PersonSchema>;

export const CreatePersonSchema = z.strictObject({
  name: nameSchema(120),
  email: EmailSchema,
  role: RoleSchema.default("member"),
  title: z.string().trim().max(120).optional(),
  managerUserId: z.uuid().nullable().optional(),
});

export const UpdatePersonSchema = z.strictObject({
  version: VersionSchema,
  role: RoleSchema.optional(),
  title: z.string().trim().max(120).nullable().optional(),
  managerUserId: z.uuid().nullable().optional(),
  status: z
    .enum(["active", "deactivated"])
    .optional()
    .describe("Deactivated people cannot sign in to this organisation; their data stays"),
});

export const PeopleListQuerySchema = z.object({
  status: z.enum(["active", "deactivated", "all"]).default("all"),
});

export const InvitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: RoleSchema,
  name: z.string().nullable().describe("The name given when the person was added; offered to a new account"),
  title: z.string().nullable(),
  managerUserId: z.uuid().nullable(),
  status: z.enum(["pending", "accepted", "revoked", "expired"]),
  expiresAt: z.string(),
  createdAt: z.string(),
});

export const CreateInvitationSchema = z.strictObject({
  email: EmailSchema,
  role: RoleSchema.default("member"),
  expiresInDays: z.number().int().min(1).max(30).default(7),
});

export const CreatedInvitationSchema = z.object({
  invitation: InvitationSchema,
  url: z
    .string()
    .describe(
      "The invitation link, shown once; copy it to the person. A new person creates their account through it, someone with an account signs in to accept",
    ),
  emailed: z
    .boolean()
    .describe("Whether the link was also queued as an email to the person (only when this Keel sends email)"),
});

export const InvitationPreviewSchema = z.object({
  organizationName: z.string(),
  email: z.string(),
  role: RoleSchema,
  name: z.string().nullable().describe("The name the inviting admin gave, to prefill a new account's"),
});

export const AcceptInvitationSchema = z.strictObject({
  name: nameSchema(120)
    .optional()
    .describe(
      "Given: create an account with this name and the password, unless the address has one (then its password is checked). Left out: sign in with the existing account's password",
    ),
  password: PasswordSchema.describe("A new password, or the existing account's password"),
});

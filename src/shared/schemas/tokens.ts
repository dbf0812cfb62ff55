import { z } from "zod";
import { nameSchema, RoleSchema } from "./common.ts";

export const TokenSchema = z.object({
  id: z.uuid(),
  kind: z.enum(["personal", "service"]),
  name: z.string(),
  role: RoleSchema,
  prefix: z.string().describe("First characters of the secret"),
  userId: z.uuid().nullable(),
  userName: z.string().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const CreateTokenSchema = z.strictObject({
  kind: z.enum(["personal", "service"]).default("personal"),
  name: nameSchema(80),
  role: RoleSchema.describe("At most your own role; service tokens are created by admins"),
});
export const CreatedTokenSchema = z.object({
  token: TokenSchema,
  secret: z.string().describe("Shown once: send as `Authorization: Bearer <secret>`"),
});

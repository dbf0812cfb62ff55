import { z } from "zod";
import { nameSchema, VersionSchema } from "./common.ts";

export const ThemeSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  perspective: z.string().nullable(),
  position: z.number(),
  archived: z.boolean(),
  version: z.number(),
});
export const CreateThemeSchema = z.strictObject({
  name: nameSchema(80),
  description: z.string().trim().max(1000).default(""),
});
export const UpdateThemeSchema = z.strictObject({
  version: VersionSchema,
  name: nameSchema(80).optional(),
  description: z.string().trim().max(1000).optional(),
  archived: z.boolean().optional(),
});

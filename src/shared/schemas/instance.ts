import { z } from "zod";
import { EmailSchema } from "./auth.ts";

/** An operator of this Keel instance (a global role, unlike an organisation's owner). */
export const OperatorSchema = z.object({ id: z.uuid(), email: z.string(), name: z.string() });
export type Operator = z.infer<typeof OperatorSchema>;

export const OperatorListSchema = z.object({
  items: z.array(OperatorSchema),
  nextCursor: z.null(),
});

export const SetOperatorSchema = z.strictObject({
  email: EmailSchema.describe("The account to name operator, or to take the role from"),
  operator: z.boolean().describe("true names the account an operator; false takes the role away"),
});

export const InstanceSettingsSchema = z.strictObject({
  organizationCreation: z
    .enum(["operators", "everyone"])
    .describe(
      'Who may create organisations. "everyone" needs email that proves addresses, which Keel does not send yet, so it is refused for now',
    ),
});

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

export const OrganizationCreationSchema = z
  .enum(["operators", "everyone"])
  .describe(
    'Who may create organisations. "everyone" also opens self sign-up (accounts prove their address by an emailed link), so it needs this instance to send email (KEEL_SMTP_HOST)',
  );

export const InstanceSettingsSchema = z.strictObject({ organizationCreation: OrganizationCreationSchema });

export const InstanceSettingsStateSchema = z.object({
  organizationCreation: OrganizationCreationSchema,
  emailConfigured: z
    .boolean()
    .describe("Whether this instance sends email (KEEL_SMTP_HOST and the rest are set)"),
  signUpOpen: z
    .boolean()
    .describe(
      'Whether self sign-up is open now: organizationCreation is "everyone" and email is configured. A stored "everyone" counts as "operators" while email is off',
    ),
});

import { z } from "zod";
import { nameSchema, RoleSchema } from "./common.ts";

export const EmailSchema = z.string().trim().toLowerCase().pipe(z.email("must be an email address").max(254));
export const PasswordSchema = z
  .string()
  .min(10, "must be at least 10 characters")
  .max(200, "must be at most 200 characters")
  .describe("At least 10 characters");

export const SignInSchema = z.strictObject({ email: EmailSchema, password: z.string().min(1).max(200) });

export const UserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  isOperator: z
    .boolean()
    .describe("An operator of this Keel instance: may create organisations and name other operators"),
  mayCreateOrganizations: z
    .boolean()
    .describe('Operators always; everyone while the instance opens organisation creation to "everyone"'),
});

export const OrgSummarySchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  role: RoleSchema,
  isDemo: z.boolean(),
});

export const SessionSchema = z.object({
  user: UserSchema,
  organizations: z.array(OrgSummarySchema),
  csrfToken: z.string().describe("Send as the X-CSRF-Token header on every state-changing request"),
  viewingAs: z
    .object({
      byUserId: z.string(),
      byName: z.string().describe("The demo organisation's owner, who is signed in"),
      organizationSlug: z.string(),
      organizationName: z.string(),
    })
    .nullable()
    .describe(
      "Set while a demo organisation's owner views Keel as `user`: only that organisation is open, and DELETE /api/auth/view-as returns to the owner",
    ),
});
export type SessionInfo = z.infer<typeof SessionSchema>;

export const ChangePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: PasswordSchema,
});

export const ResetPasswordSchema = z.strictObject({
  token: z.string().min(20).max(200),
  newPassword: PasswordSchema,
});

export const ResetLinkSchema = z.object({
  url: z.string().describe("One-time link; share it with the person. It expires after 24 hours."),
  expiresAt: z.string(),
  emailed: z
    .boolean()
    .describe("Whether the link was also queued as an email to the person (only when this Keel sends email)"),
});

/** The token of an invitation link, as its routes take it. */
export const InvitationTokenParamSchema = z.object({ token: z.string().min(20).max(200) });

/** 429 of a password check: too many attempts; Retry-After says when to try again. */
export const TooManyAttemptsSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** Self sign-up: a new account that proves its address by an emailed link before signing in. */
export const SignUpSchema = z.strictObject({
  email: EmailSchema,
  name: nameSchema(120),
  password: PasswordSchema,
});

/** Public: whether this instance lets people create their own account. */
export const SignUpStatusSchema = z.object({
  open: z
    .boolean()
    .describe('Self sign-up is open: organisation creation is open to "everyone" and this Keel sends email'),
});

/** The one answer of sign-up and resend, whether or not the address has an account. */
export const CheckYourEmailSchema = z.object({
  ok: z.literal(true),
  message: z.string(),
});

export const VerifyEmailSchema = z.strictObject({
  token: z.string().min(20).max(200).describe("The token at the end of the emailed link"),
});

export const ResendVerificationSchema = z.strictObject({ email: EmailSchema });

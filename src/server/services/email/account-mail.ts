import { type RenderedMail, renderMail } from "./mail-layout.ts";

const ROLE_WORDS: Record<string, string> = {
  owner: "an owner",
  admin: "an admin",
  member: "a member",
  viewer: "a viewer",
};

/** The mail that carries an invitation link. */
export function invitationMail(input: {
  inviterName: string;
  organizationName: string;
  inviteeName: string | null;
  role: string;
  url: string;
  expiresAt: Date;
}): RenderedMail {
  return renderMail({
    subject: `${input.inviterName} invited you to ${input.organizationName} on Keel`,
    paragraphs: [
      input.inviteeName ? `Hello ${input.inviteeName},` : "Hello,",
      `${input.inviterName} invited you to join ${input.organizationName} on Keel as ${ROLE_WORDS[input.role] ?? input.role}. Keel is where ${input.organizationName} keeps its OKRs and KPIs.`,
      `Open the link to accept: with a Keel account, sign in; if you are new, choose your name and a password. The link works once and expires on ${input.expiresAt.toUTCString()}.`,
    ],
    link: { label: "Accept the invitation", url: input.url },
    footer:
      "If you did not expect this invitation, ignore this mail: nothing happens until the link is opened.",
  });
}

/** The mail that carries a password reset link an admin issued. */
export function passwordResetMail(input: {
  personName: string;
  issuedBy: string;
  organizationName: string;
  url: string;
}): RenderedMail {
  return renderMail({
    subject: "Set a new password for Keel",
    paragraphs: [
      `Hello ${input.personName},`,
      `${input.issuedBy} (${input.organizationName}) issued a link for you to set a new Keel password. It works once and expires in 24 hours; setting a password signs you out everywhere else.`,
    ],
    link: { label: "Set a new password", url: input.url },
    footer:
      "If you did not ask for this, tell an admin of your organisation. Your password stays as it is until the link is used.",
  });
}

/**
 * The mail that proves a self-registered address. `again`: someone signed up (or asked for
 * the link) with an address whose account is still unconfirmed; the account keeps the
 * password chosen first.
 */
export function verifyEmailMail(input: { name: string; url: string; again?: boolean }): RenderedMail {
  return renderMail({
    subject: "Confirm your email address for Keel",
    paragraphs: [
      `Hello ${input.name},`,
      "Confirm that this address is yours to finish creating your Keel account. Opening the link signs you in. The link works once and expires in 24 hours.",
      ...(input.again
        ? [
            "This address already has a Keel account waiting for this confirmation: it keeps the name and password chosen when it was first created.",
          ]
        : []),
    ],
    link: { label: "Confirm my address", url: input.url },
    footer:
      "If you did not create a Keel account, ignore this mail: the account cannot be used without this link.",
  });
}

/**
 * Sent instead of a confirmation link when someone signs up with an address that already
 * has a confirmed account: the sign-up answer is the same either way, and the account is
 * left as it is.
 */
export function accountExistsMail(input: { name: string; signInUrl: string }): RenderedMail {
  return renderMail({
    subject: "You already have a Keel account",
    paragraphs: [
      `Hello ${input.name},`,
      "Someone (probably you) asked to create a Keel account with this address, which already has one. Nothing was changed: sign in with your email address and password.",
      "If you have forgotten your password, ask an admin of your organisation for a reset link (People → Reset password), or one of the operators of this Keel.",
    ],
    link: { label: "Sign in to Keel", url: input.signInUrl },
    footer: "If you did not ask for this, ignore this mail: your account stays as it is.",
  });
}

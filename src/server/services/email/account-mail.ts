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

/** The mail that proves a self-registered address. */
export function verifyEmailMail(input: { name: string; url: string }): RenderedMail {
  return renderMail({
    subject: "Confirm your email address for Keel",
    paragraphs: [
      `Hello ${input.name},`,
      "Confirm that this address is yours to finish creating your Keel account. You can sign in once it is confirmed. The link works once and expires in 24 hours.",
    ],
    link: { label: "Confirm my address", url: input.url },
    footer:
      "If you did not create a Keel account, ignore this mail: the account cannot be used without this link.",
  });
}

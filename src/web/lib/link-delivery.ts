/**
 * The first sentence above a one-time link an admin is shown (invitation, reset): whether
 * Keel mailed it, or the admin must pass it on because this Keel sends no email.
 */
export function linkDelivery(emailed: boolean, to: string): string {
  return emailed
    ? `Keel is emailing this link to ${to}; you can also pass it on yourself.`
    : `This Keel does not send email (its operator has not configured SMTP), so send this link to ${to} yourself.`;
}

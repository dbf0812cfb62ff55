import nodemailer from "nodemailer";
import type { SmtpConfig } from "../config.ts";

/** One mail as the sender hands it to the SMTP server. */
export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string | null;
  attachments?: ReadonlyArray<{ filename: string; contentType: string; contentBase64: string }>;
};

export type Mailer = {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
};

/** A failed send: the server's reply code when it answered (5xx = permanent), and why. */
export class SmtpSendError extends Error {
  constructor(
    message: string,
    readonly responseCode: number | undefined,
  ) {
    super(message);
  }
}

/** The parts of a nodemailer error worth keeping: never the credentials it was given. */
function describeFailure(err: unknown): SmtpSendError {
  const e = err as { message?: string; code?: string; responseCode?: number; response?: string };
  const reason = e.response ?? e.message ?? String(err);
  const code = e.code && !reason.includes(e.code) ? `${e.code}: ` : "";
  return new SmtpSendError(`${code}${reason}`.slice(0, 1000), e.responseCode);
}

/**
 * A pooled SMTP connection to the configured server. Timeouts are short so a server that
 * does not answer holds one tick of the sender, not the process; the mail stays queued.
 */
export function createMailer(smtp: SmtpConfig): Mailer {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password } : undefined,
    pool: true,
    maxConnections: 2,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      try {
        await transport.sendMail({
          from: smtp.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          ...(mail.html ? { html: mail.html } : {}),
          ...(mail.attachments?.length
            ? {
                attachments: mail.attachments.map((a) => ({
                  filename: a.filename,
                  contentType: a.contentType,
                  content: a.contentBase64,
                  encoding: "base64",
                })),
              }
            : {}),
        });
      } catch (err) {
        throw describeFailure(err);
      }
    },
    close() {
      transport.close();
    },
  };
}

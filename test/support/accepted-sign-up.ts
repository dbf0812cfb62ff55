/**
 * Requests Keel accepts for self sign-up (see accepted-requests.ts for the shape of a
 * builder). Sign-up needs an instance that sends email, with creation open to everyone:
 * one of its own, whose mail waits in the outbox (no SMTP server is asked).
 */
import { sql } from "drizzle-orm";
import { rowsOf } from "../../src/db/client.ts";
import type { Builder } from "./accepted-requests.ts";
import { freshEmail, type SampleContext } from "./accepted-setups.ts";
import { DEFAULT_PASSWORD } from "./factories.ts";
import type { Harness } from "./harness.ts";
import { linkIn, smtpEnv } from "./smtp.ts";

const opened = new WeakMap<SampleContext, Promise<Harness>>();

/** An instance with email on and organisation creation open to everyone. */
export function openInstanceOf(c: SampleContext): Promise<Harness> {
  let instance = opened.get(c);
  if (!instance) {
    instance = (async () => {
      // Nothing listens on port 9: mail is queued and never sent, which is all sign-up needs.
      const h = await c.newInstance({ env: smtpEnv(9) });
      const { owner } = await h.createOwnerWithOrg();
      await h.ok("PUT", "/api/instance/settings", { as: owner, body: { organizationCreation: "everyone" } });
      return h;
    })();
    opened.set(c, instance);
  }
  return instance;
}

/** Signs a new address up on the open instance and returns its confirmation link's token. */
async function freshSignUpToken(h: Harness): Promise<string> {
  const email = freshEmail("liv.strand");
  await h.ok(
    "POST",
    "/api/auth/sign-up",
    { body: { email, name: "Liv Strand", password: DEFAULT_PASSWORD } },
    202,
  );
  const [mail] = rowsOf<{ text_body: string }>(
    await h.db.execute(sql`select text_body from email_outbox where to_address = ${email}`),
  );
  return linkIn(mail!.text_body, "https://").split("/verify-email/")[1]!;
}

export const signUpBuilders: Record<string, Builder> = {
  "POST /api/auth/sign-up": async (c) => ({
    on: await openInstanceOf(c),
    path: c.path,
    body: { email: freshEmail("liv.strand"), name: "Liv Strand", password: DEFAULT_PASSWORD },
  }),
  "POST /api/auth/verify-email": async (c) => {
    const h = await openInstanceOf(c);
    return { on: h, path: c.path, body: { token: await freshSignUpToken(h) } };
  },
  "POST /api/auth/verify-email/resend": async (c) => ({
    on: await openInstanceOf(c),
    path: c.path,
    body: { email: freshEmail("liv.strand") },
  }),
};

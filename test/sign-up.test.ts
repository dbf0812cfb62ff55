/**
 * Self sign-up through a real SMTP server started here (support/smtp.ts): operators may
 * open organisation creation to everyone only while Keel sends email; then anyone may
 * create an account, which proves its address by the emailed link before it can sign in,
 * and create an organisation of their own. Sign-up never tells whether an address has an
 * account, and never changes one that exists.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../src/db/client.ts";
import { sendDueEmails } from "../src/server/services/email/email-sender.ts";
import { SIGN_UP_LIMITS, VERIFY_TTL_MS } from "../src/server/services/sign-up-service.ts";
import { buildOrganization, DEFAULT_PASSWORD } from "./support/factories.ts";
import { changedTables, instanceFingerprint } from "./support/fingerprint.ts";
import { expectError, type Harness, MINUTE, type SessionClient, startHarness } from "./support/harness.ts";
import { linkIn, smtpEnv, startSmtpServer, type TestSmtpServer } from "./support/smtp.ts";

let h: Harness;
let smtp: TestSmtpServer;
let operator: SessionClient;

beforeAll(async () => {
  smtp = await startSmtpServer();
  h = await startHarness({ env: smtpEnv(smtp.port) });
  ({ owner: operator } = await h.createOwnerWithOrg({ person: { name: "Ingrid Dahl" } }));
});
afterAll(async () => {
  await h?.close();
  await smtp?.close();
});

const LINK_PREFIX = "https://okr.nordwind.example/verify-email/";

/** Sends what is due and returns the mails that reached `to` since the last call. */
let seen = 0;
async function newMailTo(to: string) {
  await sendDueEmails(h.deps);
  const fresh = smtp.received.slice(seen);
  seen = smtp.received.length;
  return fresh.filter((m) => m.to.includes(to));
}

const tokenOf = (text: string) => linkIn(text, LINK_PREFIX).slice(LINK_PREFIX.length);

const signUp = (body: { email: string; name: string; password: string }) =>
  h.request("POST", "/api/auth/sign-up", { body });

const userRow = async (email: string) =>
  rowsOf<{ name: string; password_hash: string; email_verified_at: Date | null; updated_at: Date }>(
    await h.db.execute(
      sql`select name, password_hash, email_verified_at, updated_at from users where lower(email) = ${email}`,
    ),
  )[0];

describe("while only operators create organisations", () => {
  it("sign-up is closed, says so, and stores nothing", async () => {
    expect(await h.ok("GET", "/api/auth/sign-up")).toEqual({ open: false });
    expect(await h.ok("GET", "/api/instance/settings", { as: operator })).toEqual({
      organizationCreation: "operators",
      emailConfigured: true,
      signUpOpen: false,
    });
    const before = await instanceFingerprint(h.db);
    expectError(
      await signUp({ email: "lars.berg@fjord.example", name: "Lars Berg", password: DEFAULT_PASSWORD }),
      403,
      "sign_up_closed",
    );
    expectError(
      await h.request("POST", "/api/auth/verify-email/resend", {
        body: { email: "lars.berg@fjord.example" },
      }),
      403,
      "sign_up_closed",
    );
    expect(changedTables(before, await instanceFingerprint(h.db))).toEqual([]);
    expect((await h.ok("GET", "/api/auth/session", { as: operator })).user.mayCreateOrganizations).toBe(true);
  });

  it("only operators change the setting", async () => {
    const account = await h.createUser({ email: "tove.lind@fjord.example" });
    const tove = await h.signIn(account.email, account.password);
    expectError(
      await h.request("PUT", "/api/instance/settings", {
        as: tove,
        body: { organizationCreation: "everyone" },
      }),
      403,
      "forbidden",
    );
    expect((await h.ok("GET", "/api/auth/session", { as: tove })).user.mayCreateOrganizations).toBe(false);
  });
});

describe("an operator opens organisation creation to everyone (email is configured)", () => {
  it("is stored and read back; setting the same value again changes nothing", async () => {
    const opened = { organizationCreation: "everyone", emailConfigured: true, signUpOpen: true };
    expect(
      await h.ok("PUT", "/api/instance/settings", {
        as: operator,
        body: { organizationCreation: "everyone" },
      }),
    ).toEqual(opened);
    expect(await h.ok("GET", "/api/instance/settings", { as: operator })).toEqual(opened);
    expect(await h.ok("GET", "/api/auth/sign-up")).toEqual({ open: true });
    const before = await instanceFingerprint(h.db);
    await h.ok("PUT", "/api/instance/settings", { as: operator, body: { organizationCreation: "everyone" } });
    expect(changedTables(before, await instanceFingerprint(h.db))).toEqual([]);
  });

  it("a stored “everyone” counts as operators-only on a Keel whose email is turned off", async () => {
    const off = h.appWith({});
    const status = await h.requestOn(off, "GET", "/api/auth/sign-up");
    expect(status.body).toEqual({ open: false });
    const refused = await h.requestOn(off, "POST", "/api/auth/sign-up", {
      body: { email: "lars.berg@fjord.example", name: "Lars Berg", password: DEFAULT_PASSWORD },
    });
    expectError(refused, 403, "sign_up_closed");
  });
});

describe("signing up", () => {
  const astrid = {
    email: "astrid.holm@fjord.example",
    name: "Astrid Holm",
    password: "a long fjord passphrase",
  };
  let firstToken: string;

  it("answers 202, creates an unconfirmed account and mails the link", async () => {
    const reply = await signUp(astrid);
    expect(reply.status, reply.text).toBe(202);
    expect(reply.body).toMatchObject({ ok: true, message: expect.stringMatching(/check your email/i) });
    const row = await userRow(astrid.email);
    expect(row).toMatchObject({ name: "Astrid Holm", email_verified_at: null });
    const [mail, ...more] = await newMailTo(astrid.email);
    expect(more).toEqual([]);
    expect(mail?.subject).toBe("Confirm your email address for Keel");
    firstToken = tokenOf(mail!.text);
    // Hashed at rest, like reset links: the token itself is nowhere in the database.
    const stored = rowsOf<{ token_hash: string; expires_at: Date }>(
      await h.db.execute(sql`select token_hash, expires_at from email_verifications`),
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toBe(firstToken);
    // Expires 24 hours after it was issued (the harness clock runs on from where it was set).
    const left = new Date(stored[0]!.expires_at).getTime() - h.clock.now().getTime();
    expect(left).toBeLessThanOrEqual(VERIFY_TTL_MS);
    expect(left).toBeGreaterThan(VERIFY_TTL_MS - MINUTE);
  });

  it("refuses signing in before the address is confirmed, with a code that says so", async () => {
    const reply = await h.request("POST", "/api/auth/sign-in", {
      body: { email: astrid.email, password: astrid.password },
    });
    expectError(reply, 403, "email_not_verified");
    expect(reply.body.error.details).toEqual({ resend: "/api/auth/verify-email/resend" });
    // A wrong password still reads as any wrong password: nothing about the account.
    expectError(
      await h.request("POST", "/api/auth/sign-in", {
        body: { email: astrid.email, password: "not the one" },
      }),
      401,
      "invalid_credentials",
    );
  });

  it("sends the link again on request, answering the same for any address", async () => {
    const resent = await h.request("POST", "/api/auth/verify-email/resend", {
      body: { email: astrid.email },
    });
    const unknown = await h.request("POST", "/api/auth/verify-email/resend", {
      body: { email: "nobody.here@fjord.example" },
    });
    const confirmed = await h.request("POST", "/api/auth/verify-email/resend", {
      body: { email: operator.email },
    });
    expect([resent.status, unknown.status, confirmed.status]).toEqual([202, 202, 202]);
    expect(unknown.body).toEqual(resent.body);
    expect(confirmed.body).toEqual(resent.body);
    const [mail] = await newMailTo(astrid.email);
    expect(tokenOf(mail!.text)).not.toBe(firstToken);
    expect(await newMailTo("nobody.here@fjord.example")).toEqual([]);
    expect(await newMailTo(operator.email)).toEqual([]);
  });

  it("the link confirms the address and signs in; the account then creates its organisation", async () => {
    const reply = await h.request("POST", "/api/auth/verify-email", { body: { token: firstToken } });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.user).toMatchObject({
      email: astrid.email,
      isOperator: false,
      mayCreateOrganizations: true,
    });
    expect(reply.body.organizations).toEqual([]);
    const session = h.sessionFrom(reply, astrid);
    expect((await userRow(astrid.email))?.email_verified_at).not.toBeNull();

    const org = await h.ok(
      "POST",
      "/api/orgs",
      { as: session, body: buildOrganization({ name: "Holm Fjordline" }) },
      201,
    );
    expect(org).toMatchObject({ name: "Holm Fjordline", role: "owner" });
    // And signs in with the password chosen at sign-up.
    const again = await h.signIn(astrid.email, astrid.password);
    expect((await h.ok("GET", "/api/auth/session", { as: again })).organizations).toEqual([
      expect.objectContaining({ slug: org.slug, role: "owner" }),
    ]);
  });

  it("a link works once; the account's other links are voided with it; unknown and expired ones say so", async () => {
    expectError(
      await h.request("POST", "/api/auth/verify-email", { body: { token: firstToken } }),
      410,
      "link_used",
    );
    const pending = rowsOf<{ n: number }>(
      await h.db.execute(sql`select count(*)::int as n from email_verifications where used_at is null`),
    );
    expect(pending[0]!.n).toBe(0);
    expectError(
      await h.request("POST", "/api/auth/verify-email", { body: { token: "x".repeat(43) } }),
      400,
      "link_unknown",
    );

    const sven = { email: "sven.aas@fjord.example", name: "Sven Aas", password: DEFAULT_PASSWORD };
    expect((await signUp(sven)).status).toBe(202);
    const [mail] = await newMailTo(sven.email);
    h.clock.advance(VERIFY_TTL_MS + MINUTE);
    expectError(
      await h.request("POST", "/api/auth/verify-email", { body: { token: tokenOf(mail!.text) } }),
      410,
      "link_expired",
    );
    expect((await userRow(sven.email))?.email_verified_at).toBeNull();
  });
});

describe("an address that already has an account", () => {
  it("gets the same answer, a mail saying so, and its account is not changed", async () => {
    const before = await userRow(operator.email);
    const fresh = await signUp({
      email: "new.person@fjord.example",
      name: "Nils Vik",
      password: DEFAULT_PASSWORD,
    });
    const taken = await signUp({
      email: operator.email.toUpperCase(),
      name: "Mallory",
      password: "mallory's own password",
    });
    expect(taken.status, taken.text).toBe(fresh.status);
    expect(taken.body).toEqual(fresh.body);
    expect(await userRow(operator.email)).toEqual(before);
    expect(
      rowsOf<{ n: number }>(
        await h.db.execute(
          sql`select count(*)::int as n from email_verifications v join users u on u.id = v.user_id where lower(u.email) = ${operator.email}`,
        ),
      )[0]!.n,
    ).toBe(0);
    const mails = await newMailTo(operator.email);
    expect(mails.map((m) => m.subject)).toEqual(["You already have a Keel account"]);
    expect(mails[0]!.text).not.toContain(LINK_PREFIX);
    expect(mails[0]!.text).toContain("https://okr.nordwind.example/sign-in");
    // The operator still signs in with their own password.
    await h.signIn(operator.email, operator.password);
  });

  it("an unconfirmed one gets a new link and keeps its first name and password", async () => {
    const first = { email: "kari.nes@fjord.example", name: "Kari Nes", password: DEFAULT_PASSWORD };
    expect((await signUp(first)).status).toBe(202);
    await newMailTo(first.email);
    const before = await userRow(first.email);
    expect((await signUp({ ...first, name: "Someone Else", password: "another long password" })).status).toBe(
      202,
    );
    expect(await userRow(first.email)).toEqual(before);
    const [mail] = await newMailTo(first.email);
    await h.ok("POST", "/api/auth/verify-email", { body: { token: tokenOf(mail!.text) } });
    await h.signIn(first.email, first.password);
  });
});

describe("invitations", () => {
  it("an invitation confirms an unconfirmed account that joins with its password", async () => {
    const ola = { email: "ola.rud@fjord.example", name: "Ola Rud", password: DEFAULT_PASSWORD };
    expect((await signUp(ola)).status).toBe(202);
    const org = (await h.ok("GET", "/api/auth/session", { as: operator })).organizations[0];
    const invited = await h.ok("POST", `/api/orgs/${org.slug}/people`, {
      as: operator,
      body: { name: ola.name, email: ola.email, role: "member" },
    });
    const token = invited.url.split("/").at(-1);
    const joined = await h.request("POST", `/api/invitations/${token}/accept`, {
      body: { password: ola.password },
    });
    expect(joined.status, joined.text).toBe(200);
    expect((await userRow(ola.email))?.email_verified_at).not.toBeNull();
    await h.signIn(ola.email, ola.password);
  });
});

describe("limits", () => {
  it("sign-up and resend share a per-address limit, answered with 429 and Retry-After", async () => {
    const email = "busy.box@fjord.example";
    for (let i = 0; i < SIGN_UP_LIMITS.perAddress; i++) {
      const reply = await h.request("POST", "/api/auth/verify-email/resend", { body: { email } });
      expect(reply.status, reply.text).toBe(202);
    }
    const refused = await signUp({ email, name: "Busy Box", password: DEFAULT_PASSWORD });
    expectError(refused, 429, "rate_limited");
    expect(refused.headers.get("retry-after")).toBe(String(SIGN_UP_LIMITS.windowSeconds));
  });
});

describe("closing sign-up again", () => {
  it("refuses new sign-ups, and creating organisations is for operators again", async () => {
    const account = await h.createUser({ email: "berit.moe@fjord.example" });
    const berit = await h.signIn(account.email, account.password);
    await h.ok("PUT", "/api/instance/settings", {
      as: operator,
      body: { organizationCreation: "operators" },
    });
    expect(await h.ok("GET", "/api/auth/sign-up")).toEqual({ open: false });
    expectError(
      await signUp({ email: "late.comer@fjord.example", name: "Late Comer", password: DEFAULT_PASSWORD }),
      403,
      "sign_up_closed",
    );
    expectError(
      await h.request("POST", "/api/orgs", { as: berit, body: buildOrganization({ name: "Moe Shipping" }) }),
      403,
      "forbidden",
    );
  });
});

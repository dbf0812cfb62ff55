/**
 * Email through a real SMTP server started here (support/smtp.ts): invitations and reset
 * links are mailed with links that work; an SMTP server that is down delays mail and
 * loses none (it arrives once the server is started); admins see the failure; a
 * permanent refusal is not retried; with email off nothing is queued.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../src/db/client.ts";
import { loadConfig } from "../src/server/config.ts";
import { sendDueEmails } from "../src/server/services/email/email-sender.ts";
import { buildPerson } from "./support/factories.ts";
import {
  expectError,
  type Harness,
  invitationTokenOf,
  MINUTE,
  startHarness,
  testConfigEnv,
} from "./support/harness.ts";
import { freePort, linkIn, smtpEnv, startSmtpServer, type TestSmtpServer } from "./support/smtp.ts";

let h: Harness;
let port: number;
let smtp: TestSmtpServer | undefined;
let owner: Awaited<ReturnType<Harness["createOwnerWithOrg"]>>["owner"];
let org: Awaited<ReturnType<Harness["createOwnerWithOrg"]>>["org"];

beforeAll(async () => {
  // The server is not started yet: the first tests find it down.
  port = await freePort();
  h = await startHarness({ env: smtpEnv(port) });
  ({ owner, org } = await h.createOwnerWithOrg({ person: { name: "Ana Lima" } }));
});
afterAll(async () => {
  await smtp?.close();
  await h?.close();
});

const outboxOf = async (to: string) =>
  rowsOf<{ status: string; attempts: number; last_error: string | null }>(
    await h.db.execute(sql`select status, attempts, last_error from email_outbox where to_address = ${to}`),
  );

const invite = (email: string, name: string) =>
  h.ok<{ url: string; emailed: boolean }>("POST", `/api/orgs/${org.slug}/people`, {
    as: owner,
    body: { name, email, role: "member" },
  });

describe("an SMTP server that is down", () => {
  it("keeps the mail, shows admins the error, and delivers once the server is up", async () => {
    const tomas = buildPerson({ name: "Tomás Ferreira" });
    const added = await invite(tomas.email, tomas.name);
    expect(added.emailed).toBe(true);

    const first = await sendDueEmails(h.deps);
    expect(first).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const [row] = await outboxOf(tomas.email);
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row?.last_error).toMatch(/ECONNREFUSED/);

    const status = await h.ok("GET", `/api/orgs/${org.slug}/email-status`, { as: owner });
    expect(status).toMatchObject({ enabled: true, pending: 1, retrying: 1, failed: 0 });
    expect(status.lastError).toMatch(/ECONNREFUSED/);
    // A minute after the failed attempt (the harness clock runs on from where it was set).
    const retryIn = Date.parse(status.nextAttemptAt) - h.clock.now().getTime();
    expect(retryIn).toBeGreaterThan(MINUTE / 2);
    expect(retryIn).toBeLessThanOrEqual(MINUTE);

    // Not due again before its back-off has passed, even with the server up.
    smtp = await startSmtpServer(port);
    expect(await sendDueEmails(h.deps)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    h.clock.advance(MINUTE);
    expect(await sendDueEmails(h.deps)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.received.map((m) => m.to)).toEqual([[tomas.email]]);
    expect(await outboxOf(tomas.email)).toEqual([{ status: "sent", attempts: 2, last_error: null }]);
    expect(await h.ok("GET", `/api/orgs/${org.slug}/email-status`, { as: owner })).toMatchObject({
      pending: 0,
      retrying: 0,
      lastError: null,
      nextAttemptAt: null,
    });
  });
});

describe("mail content", () => {
  it("mails an invitation whose link opens the invitation, with the names right", async () => {
    const lea = buildPerson({ name: "Léa Moreau" });
    const added = await invite(lea.email, lea.name);
    await sendDueEmails(h.deps);
    const mail = smtp!.received.find((m) => m.to.includes(lea.email))!;
    expect(mail.from).toBe("keel@nordwind.example");
    expect(mail.subject).toBe(`Ana Lima invited you to ${org.name} on Keel`);
    expect(mail.text).toContain("Hello Léa Moreau,");
    expect(mail.text).toContain(`join ${org.name} on Keel as a member`);
    const link = linkIn(mail.text, "https://okr.nordwind.example/invite/");
    // The mailed link is the one the admin is shown, and it opens the invitation.
    expect(link).toBe(added.url);
    const preview = await h.ok("GET", `/api/invitations/${invitationTokenOf(link)}`);
    expect(preview).toMatchObject({ organizationName: org.name, email: lea.email, name: "Léa Moreau" });
    expect(mail.html).toContain(`<a href="${link}">Accept the invitation</a>`);
  });

  it("mails a password reset whose link sets the password", async () => {
    const milan = await h.addPerson(owner, org, "member", { name: "Milan Novak" });
    const issued = await h.ok("POST", `/api/orgs/${org.slug}/people/${milan.id}/password-reset`, {
      as: owner,
    });
    expect(issued.emailed).toBe(true);
    await sendDueEmails(h.deps);
    const mail = smtp!.received.find((m) => m.to.includes(milan.email) && m.subject.includes("password"))!;
    expect(mail.subject).toBe("Set a new password for Keel");
    expect(mail.text).toContain("Hello Milan Novak,");
    expect(mail.text).toContain(`Ana Lima (${org.name}) issued a link`);
    const link = linkIn(mail.text, "https://okr.nordwind.example/reset-password/");
    expect(link).toBe(issued.url);
    const token = link.split("/").pop()!;
    await h.ok("POST", "/api/auth/password-reset", { body: { token, newPassword: "harbour-lights-2027" } });
    await h.signIn(milan.email, "harbour-lights-2027");
  });
});

describe("a permanent refusal", () => {
  it("ends the mail as failed without retrying it, and admins see why", async () => {
    const gone = buildPerson({ name: "Jonas Berg" });
    smtp!.refuse.add(gone.email);
    await invite(gone.email, gone.name);
    expect(await sendDueEmails(h.deps)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    h.clock.advance(24 * 60 * MINUTE);
    expect(await sendDueEmails(h.deps)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    const status = await h.ok("GET", `/api/orgs/${org.slug}/email-status`, { as: owner });
    expect(status).toMatchObject({ failed: 1, retrying: 0 });
    expect(status.lastError).toMatch(/550/);
  });
});

describe("who sees the outbox", () => {
  it("is refused to members", async () => {
    const member = await h.addPerson(owner, org, "member");
    expectError(
      await h.request("GET", `/api/orgs/${org.slug}/email-status`, { as: member.client }),
      403,
      "forbidden",
    );
  });
});

describe("email off", () => {
  it("queues nothing and says the link was not mailed", async () => {
    const off = h.appWith({});
    const count = async () => rowsOf(await h.db.execute(sql`select count(*)::int as n from email_outbox`));
    const before = await count();
    const reply = await h.requestOn(off, "POST", `/api/orgs/${org.slug}/people`, {
      as: owner,
      body: { name: "Sofia Rossi", email: buildPerson({ name: "Sofia Rossi" }).email, role: "member" },
    });
    expect(reply.status).toBe(201);
    expect(reply.body.emailed).toBe(false);
    expect(await count()).toEqual(before);
    const status = await h.requestOn(off, "GET", `/api/orgs/${org.slug}/email-status`, { as: owner });
    expect(status.body.enabled).toBe(false);
  });
});

describe("settings", () => {
  it("refuses to start with half the SMTP settings, naming what is missing", () => {
    expect(() => loadConfig(testConfigEnv({ KEEL_SMTP_HOST: "smtp.nordwind.example" }))).toThrow(
      /KEEL_SMTP_FROM: is required[\s\S]*KEEL_PUBLIC_URL: is required/,
    );
    expect(() =>
      loadConfig(testConfigEnv({ ...smtpEnv(2525), KEEL_SMTP_USER: "keel", KEEL_SMTP_PORT: "99999" })),
    ).toThrow(/KEEL_SMTP_PORT/);
  });

  it("reports a host that does not resolve as the mail's error, not a crash", async () => {
    const badHost = {
      ...h.deps,
      config: loadConfig(testConfigEnv({ ...smtpEnv(port), KEEL_SMTP_HOST: "smtp.nordwind.invalid" })),
    };
    const noa = buildPerson({ name: "Noa Peretz" });
    await invite(noa.email, noa.name);
    expect(await sendDueEmails(badHost)).toMatchObject({ sent: 0, failed: 0 });
    const [row] = await outboxOf(noa.email);
    expect(row?.last_error).toMatch(/ENOTFOUND|EAI_AGAIN|getaddrinfo/);
  });
});

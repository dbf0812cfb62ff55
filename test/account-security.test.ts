/**
 * Accounts are global; organisations are not. An admin of one organisation must never be
 * able to take over, claim or guess the password of an account that is also used
 * elsewhere (reset links, adding people, invitations), and accepting an invitation is
 * held to the same limits as signing in.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../src/db/client.ts";
import { insertUser } from "../src/server/repositories/identity-repository.ts";
import { issuePasswordReset } from "../src/server/services/auth-service.ts";
import { buildInvitation, buildPerson } from "./support/factories.ts";
import { instanceFingerprint } from "./support/fingerprint.ts";
import {
  expectError,
  type Harness,
  type Member,
  MINUTE,
  type OrgRef,
  type SessionClient,
  sessionCookieLine,
  startHarness,
} from "./support/harness.ts";

let h: Harness;
/** The victim's organisation and its owner. */
let vera: SessionClient;
let victim: OrgRef;
/** An owner of another organisation, who tries to reach into the victim's. */
let mallory: SessionClient;
let evil: OrgRef;

beforeAll(async () => {
  h = await startHarness();
  ({ owner: vera, org: victim } = await h.createOwnerWithOrg({
    person: { name: "Lotte Visser" },
    org: { name: "Van der Berg Logistics" },
  }));
  ({ owner: mallory, org: evil } = await h.createOwnerWithOrg({
    person: { name: "Bram Smits" },
    org: { name: "Maas Cargo" },
  }));
});
afterAll(() => h?.close());

const tokenOf = (url: string) => url.split("/").at(-1)!;

async function inviteTo(org: OrgRef, as: SessionClient, email: string, role = "viewer") {
  const reply = await h.ok(
    "POST",
    `/api/orgs/${org.slug}/invitations`,
    { as, body: buildInvitation({ email, role: role as never }) },
    201,
  );
  return tokenOf(reply.url);
}

const accept = (token: string, body: { name?: string; password: string }) =>
  h.request("POST", `/api/invitations/${token}/accept`, { body });

const orgsOf = async (client: SessionClient) =>
  (await h.ok("GET", "/api/auth/session", { as: client })).organizations.map((o: { slug: string }) => o.slug);

const personIn = (org: OrgRef, as: SessionClient, userId: string) =>
  h.ok("GET", `/api/orgs/${org.slug}/people/${userId}`, { as });

/** Makes `member` (of the victim) a member of Mallory's organisation too, by invitation. */
async function joinEvilToo(member: Member) {
  const token = await inviteTo(evil, mallory, member.email);
  const reply = await accept(token, { password: member.password });
  expect(reply.status, reply.text).toBe(200);
}

/**
 * An answer with what must differ between two people taken out (ids, link secrets,
 * dates, the address and name typed): what is left must be the same, byte for byte.
 */
function sameShapeText(text: string, person: { email: string; name: string }) {
  return text
    .replaceAll(person.email, "<email>")
    .replaceAll(person.name, "<name>")
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<id>")
    .replace(/\/invite\/[\w-]+/g, "/invite/<token>")
    .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, "<time>");
}

describe("adding someone who already has an account", () => {
  it("answers exactly as for a new address: an invitation link, no membership, no password set", async () => {
    const newcomer = buildPerson({ name: "Whoever Else" });
    const fresh = await h.request("POST", `/api/orgs/${evil.slug}/people`, {
      as: mallory,
      body: { name: newcomer.name, email: newcomer.email, role: "viewer" },
    });
    const hashBefore = (await h.findUser(vera.email))?.passwordHash;
    const existing = await h.request("POST", `/api/orgs/${evil.slug}/people`, {
      as: mallory,
      body: { name: "Whoever", email: vera.email.toUpperCase(), role: "viewer" },
    });
    expect([fresh.status, existing.status]).toEqual([201, 201]);
    expect(sameShapeText(existing.text, { email: vera.email, name: "Whoever" })).toBe(
      sameShapeText(fresh.text, { email: newcomer.email, name: newcomer.name }),
    );
    expect(existing.text).not.toContain(vera.name);
    // The link's preview says nothing about an account either.
    const previews = await Promise.all(
      [fresh, existing].map((r) => h.ok("GET", `/api/invitations/${tokenOf(r.body.url)}`)),
    );
    expect(Object.keys(previews[1]).sort()).toEqual(Object.keys(previews[0]).sort());
    expect(previews[1]).toEqual({
      organizationName: "Maas Cargo",
      email: vera.email,
      role: "viewer",
      name: "Whoever",
    });
    // Nothing happened to Vera's account: not in Mallory's organisation, same password.
    expect(await orgsOf(vera)).toEqual([victim.slug]);
    expect((await h.findUser(vera.email))?.passwordHash).toBe(hashBefore);
    // Mallory, holding the link, cannot set Vera's password through it.
    const claim = await accept(tokenOf(existing.body.url), {
      name: "Vera",
      password: "Mallory-chose-this-1",
    });
    expectError(claim, 401, "invalid_credentials");
    expect(sessionCookieLine(claim.headers)).toBeUndefined();
    await expect(h.signIn(vera.email, vera.password)).resolves.toMatchObject({ email: vera.email });
  });

  it("a deactivated member is not added again: the answer says how to reactivate them", async () => {
    const sanne = await h.addPerson(vera, victim, "member", { name: "Sanne de Vries" });
    const p = await personIn(victim, vera, sanne.id);
    await h.ok("PATCH", `/api/orgs/${victim.slug}/people/${sanne.id}`, {
      as: vera,
      body: { version: p.version, status: "deactivated" },
    });
    const reply = await h.request("POST", `/api/orgs/${victim.slug}/people`, {
      as: vera,
      body: { name: sanne.name, email: sanne.email, role: "member" },
    });
    expectError(reply, 409, "already_exists", "email");
    expect(reply.body.error.message).toMatch(/deactivated/);
    expect(reply.body.error.message).toMatch(/status.*active/);
  });
});

describe("reset links issued by an admin", () => {
  it("are refused with 403 for an account that also belongs to another organisation, by either side", async () => {
    const milan = await h.addPerson(vera, victim, "member", { name: "Milan Jansen" });
    await joinEvilToo(milan);
    const before = await instanceFingerprint(h.db);
    for (const [org, as] of [
      [evil, mallory],
      [victim, vera],
    ] as const) {
      const reply = await h.request("POST", `/api/orgs/${org.slug}/people/${milan.id}/password-reset`, {
        as,
      });
      expectError(reply, 403, "forbidden");
      expect(reply.body.error.message).toContain("keel reset-password");
    }
    expect(await instanceFingerprint(h.db)).toEqual(before);
    await expect(h.signIn(milan.email, milan.password)).resolves.toMatchObject({ email: milan.email });
  });

  it("are refused with 403 for an operator of the instance, even in their only organisation", async () => {
    const { owner: operator, org } = await h.createOwnerWithOrg();
    const coOwner = await h.addPerson(operator, org, "owner", { name: "Anouk de Boer" });
    const before = await instanceFingerprint(h.db);
    const reply = await h.request("POST", `/api/orgs/${org.slug}/people/${operator.userId}/password-reset`, {
      as: coOwner.client,
    });
    expectError(reply, 403, "forbidden");
    expect(reply.body.error.message).toContain("operator of this Keel instance");
    expect(await instanceFingerprint(h.db)).toEqual(before);
  });

  it("are still issued for an account that belongs to this organisation alone", async () => {
    const emma = await h.addPerson(vera, victim, "member", { name: "Emma Smit" });
    const reply = await h.request("POST", `/api/orgs/${victim.slug}/people/${emma.id}/password-reset`, {
      as: vera,
    });
    expect(reply.status, reply.text).toBe(201);
  });

  it("issued before the account joined another organisation stop working when it joins", async () => {
    const julia = await h.addPerson(vera, victim, "member", { name: "Julia Meijer" });
    const link = await h.ok("POST", `/api/orgs/${victim.slug}/people/${julia.id}/password-reset`, {
      as: vera,
    });
    await joinEvilToo(julia);
    const used = await h.request("POST", "/api/auth/password-reset", {
      body: { token: tokenOf(link.url), newPassword: "Taken-over-password-1" },
    });
    expectError(used, 410, "gone");
    await expect(h.signIn(julia.email, julia.password)).resolves.toMatchObject({ email: julia.email });
  });
});

describe("a password set voids the account's other reset links", () => {
  it("using the newer of two links voids the older: it is gone and the new password stays", async () => {
    const sem = await h.addPerson(vera, victim, "member", { name: "Sem Hendriks" });
    const issue = () =>
      h.ok("POST", `/api/orgs/${victim.slug}/people/${sem.id}/password-reset`, { as: vera }, 201);
    const older = await issue();
    const newer = await issue();
    await h.ok("POST", "/api/auth/password-reset", {
      body: { token: tokenOf(newer.url), newPassword: "Newer-link-password-1" },
    });
    const stale = await h.request("POST", "/api/auth/password-reset", {
      body: { token: tokenOf(older.url), newPassword: "Older-link-password-1" },
    });
    expectError(stale, 410, "gone");
    await expect(h.signIn(sem.email, "Newer-link-password-1")).resolves.toMatchObject({ email: sem.email });
  });

  it("changing one's password voids every link still outstanding", async () => {
    const lynn = await h.addPerson(vera, victim, "member", { name: "Lynn Kok" });
    const link = await h.ok("POST", `/api/orgs/${victim.slug}/people/${lynn.id}/password-reset`, {
      as: vera,
    });
    await h.ok("POST", "/api/auth/password", {
      as: lynn.client,
      body: { currentPassword: lynn.password, newPassword: "Lynn-chose-this-1" },
    });
    const stale = await h.request("POST", "/api/auth/password-reset", {
      body: { token: tokenOf(link.url), newPassword: "Someone-else-chose-1" },
    });
    expectError(stale, 410, "gone");
    await expect(h.signIn(lynn.email, "Lynn-chose-this-1")).resolves.toMatchObject({ email: lynn.email });
  });
});

describe("accepting an invitation with an existing account", () => {
  it("never sets a password on an account still waiting for its set-password link", async () => {
    // Such accounts were made by adding people before invitations replaced that.
    const nina = buildPerson({ name: "Noor Bos" });
    const account = await insertUser(h.db, { email: nina.email, name: nina.name, passwordHash: null });
    const link = await issuePasswordReset(h.deps, h.db, account.id, vera.userId, "http://localhost");
    const token = await inviteTo(evil, mallory, nina.email);
    const before = await instanceFingerprint(h.db);
    const hijack = await accept(token, { name: "Noor Bos", password: "mallory-chose-this" });
    expectError(hijack, 401, "invalid_credentials");
    expect(sessionCookieLine(hijack.headers)).toBeUndefined();
    expect(await instanceFingerprint(h.db)).toEqual(before);
    expect((await h.findUser(nina.email))?.passwordHash).toBeNull();

    // Once Noor has set her password with her own link, she can accept with it.
    await h.ok("POST", "/api/auth/password-reset", {
      body: { token: tokenOf(link.url), newPassword: nina.password },
    });
    const accepted = await accept(token, { password: nina.password });
    expect(accepted.status, accepted.text).toBe(200);
  });

  it("does not change the role of someone who is already an active member (409 already_exists)", async () => {
    const luuk = await h.addPerson(vera, victim, "admin", { name: "Luuk van der Meer" });
    const p = await personIn(victim, vera, luuk.id);
    await h.ok("PATCH", `/api/orgs/${victim.slug}/people/${luuk.id}`, {
      as: vera,
      body: { version: p.version, status: "deactivated" },
    });
    const token = await inviteTo(victim, vera, luuk.email, "viewer");
    const back = await personIn(victim, vera, luuk.id);
    await h.ok("PATCH", `/api/orgs/${victim.slug}/people/${luuk.id}`, {
      as: vera,
      body: { version: back.version, status: "active" },
    });
    const reply = await accept(token, { password: luuk.password });
    expectError(reply, 409, "already_exists");
    expect(await personIn(victim, vera, luuk.id)).toMatchObject({ role: "admin", status: "active" });
  });

  it("brings back a deactivated owner with another role only when an owner invited them", async () => {
    const { owner, org } = await h.createOwnerWithOrg({ org: { name: "Delta Parcel Services" } });
    const admin = await h.addPerson(owner, org, "admin", { name: "Anouk Dijkstra" });
    const member = await h.addPerson(owner, org, "member", { name: "Ruben de Wit" });
    const deactivate = async (userId: string) => {
      const p = await personIn(org, owner, userId);
      await h.ok("PATCH", `/api/orgs/${org.slug}/people/${userId}`, {
        as: owner,
        body: { version: p.version, status: "deactivated" },
      });
    };
    await deactivate(member.id);
    // Invited by an admin while a member; made owner (still deactivated) before accepting.
    const token = await inviteTo(org, admin.client, member.email, "viewer");
    const p = await personIn(org, owner, member.id);
    await h.ok("PATCH", `/api/orgs/${org.slug}/people/${member.id}`, {
      as: owner,
      body: { version: p.version, role: "owner" },
    });
    expectError(await accept(token, { password: member.password }), 403, "forbidden");
    expect(await personIn(org, owner, member.id)).toMatchObject({ role: "owner", status: "deactivated" });
    // An admin cannot even invite a deactivated owner with another role.
    const byAdmin = await h.request("POST", `/api/orgs/${org.slug}/invitations`, {
      as: admin.client,
      body: buildInvitation({ email: member.email, role: "member" }),
    });
    expectError(byAdmin, 400, "validation_failed", "role");
    // An owner's invitation may.
    const byOwner = await inviteTo(org, owner, member.email, "member");
    const reply = await accept(byOwner, { password: member.password });
    expect(reply.status, reply.text).toBe(200);
    expect(await personIn(org, owner, member.id)).toMatchObject({ role: "member", status: "active" });
  });

  it("records the full membership in the audit log", async () => {
    const levi = buildPerson({ name: "Levi Vos" });
    const token = await inviteTo(victim, vera, levi.email, "member");
    const reply = await accept(token, { name: levi.name, password: levi.password });
    expect(reply.status, reply.text).toBe(200);
    const events = await h.ok("GET", `/api/orgs/${victim.slug}/audit?entityType=membership&limit=1`, {
      as: vera,
    });
    const person = await personIn(victim, vera, reply.body.user.id);
    expect(events.items[0]).toMatchObject({ action: "membership.created", after: person });
  });
});

describe("accepting is no password oracle", () => {
  it("counts wrong passwords like sign-in: after 10 both are locked, even for the right password", async () => {
    const olaf = await h.addPerson(vera, victim, "member", { name: "Finn de Boer" });
    const token = await inviteTo(evil, mallory, olaf.email);
    for (let i = 1; i <= 10; i++) {
      expectError(await accept(token, { password: `guess-number-${i}` }), 401, "invalid_credentials");
    }
    const eleventh = await accept(token, { password: "guess-number-11" });
    expectError(eleventh, 429, "rate_limited");
    expect(Number(eleventh.headers.get("retry-after"))).toBeGreaterThan(0);
    expectError(await accept(token, { password: olaf.password }), 429, "rate_limited");
    const signIn = await h.request("POST", "/api/auth/sign-in", {
      body: { email: olaf.email, password: olaf.password },
    });
    expectError(signIn, 429, "rate_limited");
    h.clock.advance(16 * MINUTE);
    const later = await accept(token, { password: olaf.password });
    expect(later.status, later.text).toBe(200);
  });
});

describe("the sign-in counters", () => {
  const ipBucket = async () => {
    const rows = rowsOf<{ count: number }>(
      await h.db.execute(sql`select count from rate_limits where bucket = 'sign-in:ip:127.0.0.1'`),
    );
    return rows[0]?.count ?? 0;
  };

  it("a successful sign-in clears the account's failures and gives the address its attempt back", async () => {
    const tess = await h.createUser({ name: "Tess Mulder" });
    const wrong = await h.request("POST", "/api/auth/sign-in", {
      body: { email: tess.email, password: "not-her-password" },
    });
    expectError(wrong, 401, "invalid_credentials");
    const before = await ipBucket();
    await h.signIn(tess.email, tess.password);
    expect(await ipBucket()).toBe(before);
    const account = rowsOf(
      await h.db.execute(sql`select 1 from rate_limits where bucket = ${`sign-in:account:${tess.email}`}`),
    );
    expect(account).toEqual([]);
  });
});

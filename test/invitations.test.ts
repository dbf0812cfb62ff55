import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildInvitation, buildPerson } from "./support/factories.ts";
import {
  DAY,
  expectError,
  type Harness,
  type OrgRef,
  type SessionClient,
  sessionCookieLine,
  startHarness,
} from "./support/harness.ts";

let h: Harness;
let owner: SessionClient;
let org: OrgRef;

beforeAll(async () => {
  h = await startHarness();
  ({ owner, org } = await h.createOwnerWithOrg({
    person: { name: "Lotte Visser" },
    org: { name: "Van der Berg Logistics" },
  }));
});
afterAll(() => h?.close());

const tokenOf = (url: string) => /\/invite\/([^/?#]+)$/.exec(url)![1]!;

async function invite(overrides: Parameters<typeof buildInvitation>[0] = {}) {
  const body = buildInvitation(overrides);
  const reply = await h.request("POST", `/api/orgs/${org.slug}/invitations`, { as: owner, body });
  expect(reply.status, reply.text).toBe(201);
  return { ...reply.body, token: tokenOf(reply.body.url), email: body.email };
}

const listInvitations = () => h.ok("GET", `/api/orgs/${org.slug}/invitations`, { as: owner });

describe("inviting someone new", () => {
  let invitation: Awaited<ReturnType<typeof invite>>;
  const person = buildPerson({ name: "Emma Smit" });

  it("returns a link to copy, shown once", async () => {
    invitation = await invite({ email: person.email, role: "member" });
    expect(invitation.url).toMatch(/^http:\/\/localhost\/invite\/[\w-]{20,}$/);
    expect(invitation.invitation).toMatchObject({ email: person.email, role: "member", status: "pending" });
    const list = await h.request("GET", `/api/orgs/${org.slug}/invitations`, { as: owner });
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(invitation.invitation.id);
    expect(list.text).not.toContain(invitation.token);
  });

  it("previews what the link offers without signing in", async () => {
    const reply = await h.request("GET", `/api/invitations/${invitation.token}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      organizationName: "Van der Berg Logistics",
      email: person.email,
      role: "member",
      name: null,
    });
  });

  it("without a name it is a sign-in, answered like a wrong password: no account is made", async () => {
    const reply = await h.request("POST", `/api/invitations/${invitation.token}/accept`, {
      body: { password: person.password },
    });
    expectError(reply, 401, "invalid_credentials");
    expect(reply.body.error.message).toMatch(/if you are new to Keel, give your name/);
    expect(await h.findUser(person.email)).toBeUndefined();
  });

  it("creates the account, joins the organisation and signs in", async () => {
    const reply = await h.request("POST", `/api/invitations/${invitation.token}/accept`, {
      body: { name: person.name, password: person.password },
    });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.organizationSlug).toBe(org.slug);
    expect(reply.body.user).toMatchObject({ name: "Emma Smit", email: person.email });
    expect(reply.body.organizations).toEqual([expect.objectContaining({ slug: org.slug, role: "member" })]);
    expect(sessionCookieLine(reply.headers)).toMatch(/HttpOnly/i);

    const emma = h.sessionFrom(reply, person);
    expect((await h.request("GET", `/api/orgs/${org.slug}/teams`, { as: emma })).status).toBe(200);
    const people = await h.ok("GET", `/api/orgs/${org.slug}/people`, { as: owner });
    expect(people.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "Emma Smit", role: "member", hasPassword: true }),
      ]),
    );
    await expect(h.signIn(person.email, person.password)).resolves.toMatchObject({ name: "Emma Smit" });
  });

  it("works only once: a second accept is 410 gone, and so is the preview", async () => {
    const again = await h.request("POST", `/api/invitations/${invitation.token}/accept`, {
      body: { name: "Someone Else", password: "Another-password-1" },
    });
    expectError(again, 410, "gone");
    expectError(await h.request("GET", `/api/invitations/${invitation.token}`), 410, "gone");
    await expect(h.signIn(person.email, person.password)).resolves.toMatchObject({ email: person.email });
    const listed = (await listInvitations()).items.find(
      (i: { id: string }) => i.id === invitation.invitation.id,
    );
    expect(listed.status).toBe("accepted");
  });

  it("refuses to invite someone who is already an active member", async () => {
    const reply = await h.request("POST", `/api/orgs/${org.slug}/invitations`, {
      as: owner,
      body: buildInvitation({ email: person.email.toUpperCase() }),
    });
    expectError(reply, 409, "already_exists", "email");
  });
});

describe("inviting someone who already has an account", () => {
  it("asks for that account's password, and keeps it", async () => {
    const other = await h.createOwnerWithOrg({ person: { name: "Levi Vos" }, org: { name: "Maas Cargo" } });
    const levi = other.owner;
    const inv = await invite({ email: levi.email, role: "viewer" });
    const wrong = await h.request("POST", `/api/invitations/${inv.token}/accept`, {
      body: { password: "not-levis-password" },
    });
    expectError(wrong, 401, "invalid_credentials");
    // Giving a name does not make a new account, nor set this one's password.
    const claim = await h.request("POST", `/api/invitations/${inv.token}/accept`, {
      body: { name: "Levi Vos", password: "Claimed-password-1" },
    });
    expectError(claim, 401, "invalid_credentials");
    expect(claim.text).toBe(wrong.text);
    expect((await h.request("GET", `/api/invitations/${inv.token}`)).status).toBe(200);

    const right = await h.request("POST", `/api/invitations/${inv.token}/accept`, {
      body: { password: levi.password },
    });
    expect(right.status, right.text).toBe(200);
    expect(
      right.body.organizations.map((o: { slug: string; role: string }) => [o.slug, o.role]).sort(),
    ).toEqual(
      [
        [org.slug, "viewer"],
        [other.org.slug, "owner"],
      ].sort(),
    );
    await expect(h.signIn(levi.email, levi.password)).resolves.toMatchObject({ email: levi.email });
  });

  it("brings a deactivated member back with the invitation's role", async () => {
    const sophie = await h.addPerson(owner, org, "admin", { name: "Sophie de Graaf" });
    const p = await h.ok("GET", `/api/orgs/${org.slug}/people/${sophie.id}`, { as: owner });
    await h.ok("PATCH", `/api/orgs/${org.slug}/people/${sophie.id}`, {
      as: owner,
      body: { version: p.version, status: "deactivated" },
    });
    const inv = await invite({ email: sophie.email, role: "member" });
    const reply = await h.request("POST", `/api/invitations/${inv.token}/accept`, {
      body: { password: sophie.password },
    });
    expect(reply.status, reply.text).toBe(200);
    const back = await h.ok("GET", `/api/orgs/${org.slug}/people/${sophie.id}`, { as: owner });
    expect(back).toMatchObject({ status: "active", role: "member" });
  });
});

describe("invitations that no longer work", () => {
  it("an expired invitation is 410 gone and listed as expired", async () => {
    const inv = await invite({ expiresInDays: 1 });
    h.clock.advance(2 * DAY);
    try {
      expectError(await h.request("GET", `/api/invitations/${inv.token}`), 410, "gone");
      const accept = await h.request("POST", `/api/invitations/${inv.token}/accept`, {
        body: { name: "Late Comer", password: "Too-late-password-1" },
      });
      expectError(accept, 410, "gone");
      expect(await h.findUser(inv.email)).toBeUndefined();
      const listed = (await listInvitations()).items.find((i: { id: string }) => i.id === inv.invitation.id);
      expect(listed.status).toBe("expired");
    } finally {
      h.clock.advance(-2 * DAY);
    }
  });

  it("a revoked invitation is 410 gone; revoking it again is 404", async () => {
    const inv = await invite({ role: "admin" });
    const revoked = await h.request("DELETE", `/api/orgs/${org.slug}/invitations/${inv.invitation.id}`, {
      as: owner,
    });
    expect(revoked.status, revoked.text).toBe(200);
    expect(revoked.body.status).toBe("revoked");
    expectError(await h.request("GET", `/api/invitations/${inv.token}`), 410, "gone");
    const accept = await h.request("POST", `/api/invitations/${inv.token}/accept`, {
      body: { name: "Ruben de Wit", password: "Revoked-password-1" },
    });
    expectError(accept, 410, "gone");
    expect(await h.findUser(inv.email)).toBeUndefined();
    expectError(
      await h.request("DELETE", `/api/orgs/${org.slug}/invitations/${inv.invitation.id}`, { as: owner }),
      404,
      "not_found",
    );
  });

  it("an unknown link is 404", async () => {
    expectError(await h.request("GET", `/api/invitations/${"k".repeat(43)}`), 404, "not_found");
    const accept = await h.request("POST", `/api/invitations/${"k".repeat(43)}/accept`, {
      body: { name: "Nobody", password: "Nobody-password-1" },
    });
    expectError(accept, 404, "not_found");
  });

  it("validates the invitation form", async () => {
    const badEmail = await h.request("POST", `/api/orgs/${org.slug}/invitations`, {
      as: owner,
      body: { email: "not an email", role: "member" },
    });
    expectError(badEmail, 400, "validation_failed", "email");
    const badRole = await h.request("POST", `/api/orgs/${org.slug}/invitations`, {
      as: owner,
      body: buildInvitation({ role: "driver" as never }),
    });
    expectError(badRole, 400, "validation_failed", "role");
    const tooLong = await h.request("POST", `/api/orgs/${org.slug}/invitations`, {
      as: owner,
      body: buildInvitation({ expiresInDays: 90 }),
    });
    expectError(tooLong, 400, "validation_failed", "expiresInDays");
  });
});

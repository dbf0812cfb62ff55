import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../src/domain/roles.ts";
import {
  buildCycle,
  buildInvitation,
  buildPerson,
  buildTeam,
  buildTheme,
  buildToken,
} from "./support/factories.ts";
import { tenantFingerprint } from "./support/fingerprint.ts";
import {
  type Client,
  expectError,
  type Harness,
  invitationTokenOf,
  type Member,
  type SessionClient,
  startHarness,
} from "./support/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

/** One organisation with a person in each role, a team, a cycle and a theme. */
async function staffedOrganisation() {
  const { owner, org } = await h.createOwnerWithOrg({ person: { name: "Lotte Visser" } });
  const admin = await h.addPerson(owner, org, "admin", { name: "Daan Bakker" });
  const member = await h.addPerson(owner, org, "member", { name: "Sanne de Vries" });
  const viewer = await h.addPerson(owner, org, "viewer", { name: "Milan Jansen" });
  const team = await h.ok("POST", `/api/orgs/${org.slug}/teams`, { as: owner, body: buildTeam() }, 201);
  const cycles = await h.ok("GET", `/api/orgs/${org.slug}/cycles`, { as: owner });
  const themes = await h.ok("GET", `/api/orgs/${org.slug}/themes`, { as: owner });
  return {
    owner,
    org,
    admin,
    member,
    viewer,
    teamId: team.id as string,
    cycleId: cycles.items[0].id,
    themeId: themes.items[0].id,
  };
}

type Staffed = Awaited<ReturnType<typeof staffedOrganisation>>;
type Call = { method: string; path: string; body?: unknown };

/**
 * Every administrative operation, prepared against fresh data by the owner so that it
 * would succeed for anyone allowed to do it.
 */
const managementOperations: Record<string, (s: Staffed) => Promise<Call>> = {
  "add a person": async ({ org }) => ({
    method: "POST",
    path: `/api/orgs/${org.slug}/people`,
    body: { ...buildPerson(), role: "member", password: undefined },
  }),
  "change a person's title": async ({ org, owner, member }) => {
    const p = await h.ok("GET", `/api/orgs/${org.slug}/people/${member.id}`, { as: owner });
    return {
      method: "PATCH",
      path: `/api/orgs/${org.slug}/people/${member.id}`,
      body: { version: p.version, title: "Shift lead" },
    };
  },
  "issue a password reset link": async ({ org, member }) => ({
    method: "POST",
    path: `/api/orgs/${org.slug}/people/${member.id}/password-reset`,
  }),
  "list invitations": async ({ org }) => ({ method: "GET", path: `/api/orgs/${org.slug}/invitations` }),
  "invite someone": async ({ org }) => ({
    method: "POST",
    path: `/api/orgs/${org.slug}/invitations`,
    body: buildInvitation(),
  }),
  "revoke an invitation": async ({ org, owner }) => {
    const inv = await h.ok(
      "POST",
      `/api/orgs/${org.slug}/invitations`,
      { as: owner, body: buildInvitation() },
      201,
    );
    return { method: "DELETE", path: `/api/orgs/${org.slug}/invitations/${inv.invitation.id}` };
  },
  "create a team": async ({ org }) => ({
    method: "POST",
    path: `/api/orgs/${org.slug}/teams`,
    body: buildTeam(),
  }),
  "rename a team": async ({ org, owner, teamId }) => {
    const t = await h.ok("GET", `/api/orgs/${org.slug}/teams/${teamId}`, { as: owner });
    return {
      method: "PATCH",
      path: `/api/orgs/${org.slug}/teams/${teamId}`,
      body: { version: t.version, name: `${t.name} North` },
    };
  },
  "add a team member": async ({ org, teamId, viewer }) => ({
    method: "POST",
    path: `/api/orgs/${org.slug}/teams/${teamId}/members`,
    body: { userId: viewer.id },
  }),
  "remove a team member": async ({ org, owner, teamId, member }) => {
    await h.ok("POST", `/api/orgs/${org.slug}/teams/${teamId}/members`, {
      as: owner,
      body: { userId: member.id },
    });
    return { method: "DELETE", path: `/api/orgs/${org.slug}/teams/${teamId}/members/${member.id}` };
  },
  "create a cycle": async ({ org }) => ({
    method: "POST",
    path: `/api/orgs/${org.slug}/cycles`,
    body: buildCycle(),
  }),
  "generate a fiscal year": async ({ org }) => ({
    method: "POST",
    path: `/api/orgs/${org.slug}/cycles/generate`,
    body: { fiscalYear: 2030 },
  }),
  "rename a cycle": async ({ org, owner, cycleId }) => {
    const c = await h.ok("GET", `/api/orgs/${org.slug}/cycles/${cycleId}`, { as: owner });
    return {
      method: "PATCH",
      path: `/api/orgs/${org.slug}/cycles/${cycleId}`,
      body: { version: c.version, name: `${c.name} (peak)` },
    };
  },
  "create a theme": async ({ org }) => ({
    method: "POST",
    path: `/api/orgs/${org.slug}/themes`,
    body: buildTheme(),
  }),
  "rename a theme": async ({ org, owner, themeId }) => {
    const themes = await h.ok("GET", `/api/orgs/${org.slug}/themes`, { as: owner });
    const t = themes.items.find((x: { id: string }) => x.id === themeId);
    return {
      method: "PATCH",
      path: `/api/orgs/${org.slug}/themes/${themeId}`,
      body: { version: t.version, name: `${t.name}!` },
    };
  },
  "change organisation settings": async ({ org, owner }) => {
    const o = await h.ok("GET", `/api/orgs/${org.slug}`, { as: owner });
    return { method: "PATCH", path: `/api/orgs/${org.slug}`, body: { version: o.version, weekStart: 7 } };
  },
  "read the audit log": async ({ org }) => ({ method: "GET", path: `/api/orgs/${org.slug}/audit` }),
  "create a service token": async ({ org }) => ({
    method: "POST",
    path: `/api/orgs/${org.slug}/tokens`,
    body: buildToken({ kind: "service", name: "Warehouse scanner", role: "viewer" }),
  }),
};

describe("who may manage the organisation", () => {
  let s: Staffed;
  beforeAll(async () => {
    s = await staffedOrganisation();
  });

  const clientOf = (role: Role): Client =>
    role === "owner"
      ? s.owner
      : ({ admin: s.admin, member: s.member, viewer: s.viewer } as Record<string, Member>)[role]!.client;

  for (const role of ["member", "viewer"] as const) {
    for (const [name, prepare] of Object.entries(managementOperations)) {
      it(`a ${role} may not ${name}: 403 forbidden and nothing changes`, async () => {
        const call = await prepare(s);
        const before = await tenantFingerprint(h.db, s.org.id);
        const reply = await h.request(call.method, call.path, { as: clientOf(role), body: call.body });
        expectError(reply, 403, "forbidden");
        expect(await tenantFingerprint(h.db, s.org.id)).toEqual(before);
      });
    }
  }

  for (const role of ["owner", "admin"] as const) {
    it(`an ${role} may do every one of them`, async () => {
      for (const [name, prepare] of Object.entries(managementOperations)) {
        const call = await prepare(s);
        const reply = await h.request(call.method, call.path, { as: clientOf(role), body: call.body });
        expect([200, 201], `${role} ${name}: ${reply.status} ${reply.text}`).toContain(reply.status);
      }
    });
  }

  for (const role of ["member", "viewer"] as const) {
    it(`a ${role} can read teams, people, cycles and themes`, async () => {
      const as = clientOf(role);
      const reads = [
        `/api/orgs/${s.org.slug}`,
        `/api/orgs/${s.org.slug}/teams`,
        `/api/orgs/${s.org.slug}/teams/tree`,
        `/api/orgs/${s.org.slug}/teams/${s.teamId}`,
        `/api/orgs/${s.org.slug}/teams/${s.teamId}/members`,
        `/api/orgs/${s.org.slug}/people`,
        `/api/orgs/${s.org.slug}/people/${s.admin.id}`,
        `/api/orgs/${s.org.slug}/cycles`,
        `/api/orgs/${s.org.slug}/cycles/${s.cycleId}`,
        `/api/orgs/${s.org.slug}/themes`,
      ];
      for (const path of reads) {
        const reply = await h.request("GET", path, { as });
        expect(reply.status, `${path}: ${reply.text}`).toBe(200);
      }
      const org = await h.ok("GET", `/api/orgs/${s.org.slug}`, { as });
      expect(org.role).toBe(role);
      const people = await h.ok("GET", `/api/orgs/${s.org.slug}/people`, { as });
      expect(people.items.map((p: { name: string }) => p.name)).toEqual(
        expect.arrayContaining(["Lotte Visser", "Daan Bakker", "Sanne de Vries", "Milan Jansen"]),
      );
    });
  }
});

describe("owners and admins", () => {
  let s: Staffed;
  beforeAll(async () => {
    s = await staffedOrganisation();
  });

  const personOf = async (userId: string) =>
    h.ok("GET", `/api/orgs/${s.org.slug}/people/${userId}`, { as: s.owner });

  it("an admin cannot add, invite or promote anyone as owner", async () => {
    const add = await h.request("POST", `/api/orgs/${s.org.slug}/people`, {
      as: s.admin.client,
      body: { ...buildPerson({ name: "Bram Smits" }), password: undefined, role: "owner" },
    });
    expectError(add, 400, "validation_failed", "role");

    const invite = await h.request("POST", `/api/orgs/${s.org.slug}/invitations`, {
      as: s.admin.client,
      body: buildInvitation({ role: "owner" }),
    });
    expectError(invite, 400, "validation_failed", "role");

    const member = await personOf(s.member.id);
    const promote = await h.request("PATCH", `/api/orgs/${s.org.slug}/people/${s.member.id}`, {
      as: s.admin.client,
      body: { version: member.version, role: "owner" },
    });
    expectError(promote, 403, "forbidden");
    expect((await personOf(s.member.id)).role).toBe("member");
  });

  it("an admin cannot change, deactivate or reset an owner", async () => {
    const ownerPerson = await personOf(s.owner.userId);
    for (const body of [{ role: "admin" }, { status: "deactivated" }]) {
      const reply = await h.request("PATCH", `/api/orgs/${s.org.slug}/people/${s.owner.userId}`, {
        as: s.admin.client,
        body: { version: ownerPerson.version, ...body },
      });
      expectError(reply, 403, "forbidden");
    }
    const reset = await h.request("POST", `/api/orgs/${s.org.slug}/people/${s.owner.userId}/password-reset`, {
      as: s.admin.client,
    });
    expectError(reset, 403, "forbidden");
    expect(await personOf(s.owner.userId)).toMatchObject({
      role: "owner",
      status: "active",
      version: ownerPerson.version,
    });
  });

  it("an admin can change members' roles; an owner can make an owner", async () => {
    const viewer = await personOf(s.viewer.id);
    const up = await h.request("PATCH", `/api/orgs/${s.org.slug}/people/${s.viewer.id}`, {
      as: s.admin.client,
      body: { version: viewer.version, role: "member" },
    });
    expect(up.status, up.text).toBe(200);
    expect(up.body.role).toBe("member");

    const admin = await personOf(s.admin.id);
    const crown = await h.request("PATCH", `/api/orgs/${s.org.slug}/people/${s.admin.id}`, {
      as: s.owner,
      body: { version: admin.version, role: "owner" },
    });
    expect(crown.status, crown.text).toBe(200);
    expect(crown.body.role).toBe("owner");
  });
});

describe("the last owner", () => {
  it("cannot step down or deactivate themselves; with a second owner they can step down", async () => {
    const { owner, org } = await h.createOwnerWithOrg({ person: { name: "Fleur van Leeuwen" } });
    const me = () => h.ok("GET", `/api/orgs/${org.slug}/people/${owner.userId}`, { as: owner });
    const before = await me();
    const auditBefore = (await h.ok("GET", `/api/orgs/${org.slug}/audit?limit=200`, { as: owner })).items
      .length;

    const demote = await h.request("PATCH", `/api/orgs/${org.slug}/people/${owner.userId}`, {
      as: owner,
      body: { version: before.version, role: "admin" },
    });
    expectError(demote, 409, "conflict");
    const deactivate = await h.request("PATCH", `/api/orgs/${org.slug}/people/${owner.userId}`, {
      as: owner,
      body: { version: before.version, status: "deactivated" },
    });
    expectError(deactivate, 400, "validation_failed", "status");
    expect(await me()).toEqual(before);
    expect((await h.ok("GET", `/api/orgs/${org.slug}/audit?limit=200`, { as: owner })).items.length).toBe(
      auditBefore,
    );

    const second = await h.addPerson(owner, org, "owner", { name: "Thijs Dekker" });
    const stepDown = await h.request("PATCH", `/api/orgs/${org.slug}/people/${owner.userId}`, {
      as: owner,
      body: { version: before.version, role: "admin" },
    });
    expect(stepDown.status, stepDown.text).toBe(200);
    expect(stepDown.body.role).toBe("admin");
    // The remaining owner is now the last one.
    const thijs = await h.ok("GET", `/api/orgs/${org.slug}/people/${second.id}`, { as: second.client });
    const last = await h.request("PATCH", `/api/orgs/${org.slug}/people/${second.id}`, {
      as: second.client,
      body: { version: thijs.version, role: "member" },
    });
    expectError(last, 409, "conflict");
  });
});

describe("a deactivated member", () => {
  let s: Staffed;
  let noor: Member;
  beforeAll(async () => {
    s = await staffedOrganisation();
    noor = await h.addPerson(s.owner, s.org, "member", { name: "Noor Bos" });
  });

  it("loses the organisation at once: 404 on every route, gone from their session", async () => {
    const p = await h.ok("GET", `/api/orgs/${s.org.slug}/people/${noor.id}`, { as: s.owner });
    const off = await h.request("PATCH", `/api/orgs/${s.org.slug}/people/${noor.id}`, {
      as: s.admin.client,
      body: { version: p.version, status: "deactivated" },
    });
    expect(off.status, off.text).toBe(200);
    expect(off.body.status).toBe("deactivated");

    for (const path of [
      `/api/orgs/${s.org.slug}`,
      `/api/orgs/${s.org.slug}/teams`,
      `/api/orgs/${s.org.slug}/people`,
    ]) {
      expectError(await h.request("GET", path, { as: noor.client }), 404, "not_found");
    }
    expectError(
      await h.request("POST", `/api/orgs/${s.org.slug}/tokens`, { as: noor.client, body: buildToken() }),
      404,
      "not_found",
    );
    const session = await h.ok("GET", "/api/auth/session", { as: noor.client });
    expect(session.organizations).toEqual([]);
    // Their data stays: the admin still sees them, marked deactivated.
    const people = await h.ok("GET", `/api/orgs/${s.org.slug}/people?status=deactivated`, { as: s.owner });
    expect(people.items.map((x: { name: string }) => x.name)).toEqual(["Noor Bos"]);
  });

  it("cannot be made a team lead or member while deactivated, and is back after reactivation", async () => {
    const lead = await h.request("POST", `/api/orgs/${s.org.slug}/teams`, {
      as: s.owner,
      body: buildTeam({ name: "Cold Chain", leadUserId: noor.id }),
    });
    expectError(lead, 400, "validation_failed", "leadUserId");

    const p = await h.ok("GET", `/api/orgs/${s.org.slug}/people/${noor.id}`, { as: s.owner });
    await h.ok("PATCH", `/api/orgs/${s.org.slug}/people/${noor.id}`, {
      as: s.owner,
      body: { version: p.version, status: "active" },
    });
    expect((await h.request("GET", `/api/orgs/${s.org.slug}/teams`, { as: noor.client })).status).toBe(200);
  });

  it("nobody can deactivate themselves", async () => {
    const p = await h.ok("GET", `/api/orgs/${s.org.slug}/people/${s.admin.id}`, { as: s.owner });
    const reply = await h.request("PATCH", `/api/orgs/${s.org.slug}/people/${s.admin.id}`, {
      as: s.admin.client,
      body: { version: p.version, status: "deactivated" },
    });
    expectError(reply, 400, "validation_failed", "status");
  });
});

describe("people administration rules", () => {
  let s: Staffed;
  beforeAll(async () => {
    s = await staffedOrganisation();
  });

  it("refuses to add someone who is already a member", async () => {
    const reply = await h.request("POST", `/api/orgs/${s.org.slug}/people`, {
      as: s.owner,
      body: { name: s.member.name, email: s.member.email.toUpperCase(), role: "viewer" },
    });
    expectError(reply, 409, "already_exists", "email");
  });

  it("adds a person with an invitation link: they create their account on it and join with title and manager", async () => {
    const person = buildPerson({ name: "Iris Brouwer" });
    const reply = await h.request("POST", `/api/orgs/${s.org.slug}/people`, {
      as: s.admin.client,
      body: {
        name: person.name,
        email: person.email,
        role: "member",
        title: "Dispatcher",
        managerUserId: s.admin.id,
      },
    });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body.invitation).toMatchObject({
      email: person.email,
      name: "Iris Brouwer",
      role: "member",
      title: "Dispatcher",
      managerUserId: s.admin.id,
      status: "pending",
    });
    const token = invitationTokenOf(reply.body.url);
    expect(await h.ok("GET", `/api/invitations/${token}`)).toMatchObject({ name: "Iris Brouwer" });
    const joined = await h.request("POST", `/api/invitations/${token}/accept`, {
      body: { name: "Iris Brouwer", password: "Dispatch-board-42" },
    });
    expect(joined.status, joined.text).toBe(200);
    const iris = await h.ok("GET", `/api/orgs/${s.org.slug}/people/${joined.body.user.id}`, { as: s.owner });
    expect(iris).toMatchObject({
      name: "Iris Brouwer",
      hasPassword: true,
      role: "member",
      managerName: "Daan Bakker",
      title: "Dispatcher",
    });
    await expect(h.signIn(person.email, "Dispatch-board-42")).resolves.toMatchObject({
      name: "Iris Brouwer",
    });
  });

  it("refuses manager loops and managers from outside the organisation", async () => {
    const member = await h.ok("GET", `/api/orgs/${s.org.slug}/people/${s.member.id}`, { as: s.owner });
    await h.ok("PATCH", `/api/orgs/${s.org.slug}/people/${s.member.id}`, {
      as: s.owner,
      body: { version: member.version, managerUserId: s.viewer.id },
    });
    const viewer = await h.ok("GET", `/api/orgs/${s.org.slug}/people/${s.viewer.id}`, { as: s.owner });
    const loop = await h.request("PATCH", `/api/orgs/${s.org.slug}/people/${s.viewer.id}`, {
      as: s.owner,
      body: { version: viewer.version, managerUserId: s.member.id },
    });
    expectError(loop, 400, "validation_failed", "managerUserId");
    const self = await h.request("PATCH", `/api/orgs/${s.org.slug}/people/${s.viewer.id}`, {
      as: s.owner,
      body: { version: viewer.version, managerUserId: s.viewer.id },
    });
    expectError(self, 400, "validation_failed", "managerUserId");
    const stranger = await h.createUser({ name: "Ruben de Wit" });
    const outside = await h.request("PATCH", `/api/orgs/${s.org.slug}/people/${s.viewer.id}`, {
      as: s.owner,
      body: { version: viewer.version, managerUserId: stranger.id },
    });
    expectError(outside, 400, "validation_failed", "managerUserId");
  });

  it("refuses a stale version of a membership with 409 version_conflict", async () => {
    const p = await h.ok("GET", `/api/orgs/${s.org.slug}/people/${s.viewer.id}`, { as: s.owner });
    await h.ok("PATCH", `/api/orgs/${s.org.slug}/people/${s.viewer.id}`, {
      as: s.owner,
      body: { version: p.version, title: "Night shift" },
    });
    const stale = await h.request("PATCH", `/api/orgs/${s.org.slug}/people/${s.viewer.id}`, {
      as: s.admin.client,
      body: { version: p.version, title: "Day shift" },
    });
    expectError(stale, 409, "version_conflict");
    expect((await h.ok("GET", `/api/orgs/${s.org.slug}/people/${s.viewer.id}`, { as: s.owner })).title).toBe(
      "Night shift",
    );
  });

  it("an unknown person is 404", async () => {
    const reply = await h.request(
      "GET",
      `/api/orgs/${s.org.slug}/people/00000000-0000-4000-8000-000000000000`,
      {
        as: s.owner,
      },
    );
    expectError(reply, 404, "not_found");
  });

  it("a member's session sees the organisation with their role", async () => {
    const session = await h.ok("GET", "/api/auth/session", { as: s.member.client as SessionClient });
    expect(session.organizations).toEqual([expect.objectContaining({ slug: s.org.slug, role: "member" })]);
  });
});

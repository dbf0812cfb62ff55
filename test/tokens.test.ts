import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../src/db/client.ts";
import { buildTeam, buildToken } from "./support/factories.ts";
import {
  type Client,
  expectError,
  type Harness,
  type Member,
  MINUTE,
  type OrgRef,
  type SessionClient,
  startHarness,
} from "./support/harness.ts";

let h: Harness;
let owner: SessionClient;
let org: OrgRef;
let admin: Member;
let member: Member;

beforeAll(async () => {
  h = await startHarness();
  ({ owner, org } = await h.createOwnerWithOrg({ person: { name: "Lotte Visser" } }));
  admin = await h.addPerson(owner, org, "admin", { name: "Daan Bakker" });
  member = await h.addPerson(owner, org, "member", { name: "Sanne de Vries" });
});
afterAll(() => h?.close());

const createTeamAs = (as: Client) =>
  h.request("POST", `/api/orgs/${org.slug}/teams`, { as, body: buildTeam() });

async function personVersion(userId: string) {
  return (await h.ok("GET", `/api/orgs/${org.slug}/people/${userId}`, { as: owner })).version as number;
}

describe("creating tokens", () => {
  it("shows the secret once; the list never shows it again", async () => {
    const reply = await h.request("POST", `/api/orgs/${org.slug}/tokens`, {
      as: owner,
      body: buildToken({ name: "Telematics feed", role: "member" }),
    });
    expect(reply.status, reply.text).toBe(201);
    const { token, secret } = reply.body;
    expect(secret).toMatch(/^keel_[\w-]{40,}$/);
    expect(token).toMatchObject({
      kind: "personal",
      name: "Telematics feed",
      role: "member",
      userId: owner.userId,
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(secret.startsWith(token.prefix)).toBe(true);
    const list = await h.request("GET", `/api/orgs/${org.slug}/tokens`, { as: owner });
    expect(list.text).not.toContain(secret);
    expect(list.body.items.map((t: { id: string }) => t.id)).toContain(token.id);
  });

  it("stores only the SHA-256 of the secret", async () => {
    const { secret, id } = await h.createToken(owner, org, { name: "Fuel card import", role: "viewer" });
    const result = await h.db.execute(sql`select * from api_tokens where id = ${id}`);
    const [row] = rowsOf<Record<string, unknown>>(result);
    expect(row).toMatchObject({ id });
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(JSON.stringify(row)).not.toContain(secret.slice(12));
    expect(row!.token_hash).toBe(createHash("sha256").update(secret).digest("hex"));
  });

  it("a token's role may not exceed its creator's", async () => {
    const reply = await h.request("POST", `/api/orgs/${org.slug}/tokens`, {
      as: member.client,
      body: buildToken({ name: "Sanne's sheet", role: "admin" }),
    });
    expectError(reply, 400, "validation_failed", "role");
  });

  it("only admins create service tokens", async () => {
    const reply = await h.request("POST", `/api/orgs/${org.slug}/tokens`, {
      as: member.client,
      body: buildToken({ kind: "service", name: "Scanner", role: "viewer" }),
    });
    expectError(reply, 403, "forbidden");
  });

  it("a token cannot create further tokens", async () => {
    const { client } = await h.createToken(owner, org, {
      kind: "service",
      name: "Provisioner",
      role: "admin",
    });
    const reply = await h.request("POST", `/api/orgs/${org.slug}/tokens`, {
      as: client,
      body: buildToken({ kind: "service", name: "Child token", role: "viewer" }),
    });
    expectError(reply, 403, "forbidden");
  });

  it("admins see every token; members only their own personal ones", async () => {
    const mine = await h.createToken(member.client, org, { name: "Sanne's dashboard", role: "viewer" });
    const service = await h.createToken(admin.client, org, {
      kind: "service",
      name: "Depot sensors",
      role: "member",
    });
    const adminList = await h.ok("GET", `/api/orgs/${org.slug}/tokens`, { as: admin.client });
    expect(adminList.items.map((t: { id: string }) => t.id)).toEqual(
      expect.arrayContaining([mine.id, service.id]),
    );
    const memberList = await h.ok("GET", `/api/orgs/${org.slug}/tokens`, { as: member.client });
    expect(memberList.items.map((t: { id: string }) => t.id)).toEqual([mine.id]);
  });
});

describe("using tokens", () => {
  it("works as Bearer, and shows when it was last used", async () => {
    const { id, client } = await h.createToken(owner, org, { name: "BI export", role: "viewer" });
    const listed = () =>
      h
        .ok("GET", `/api/orgs/${org.slug}/tokens`, { as: owner })
        .then((l) => l.items.find((t: { id: string }) => t.id === id));
    expect((await listed()).lastUsedAt).toBeNull();
    const reply = await h.request("GET", `/api/orgs/${org.slug}/teams`, { as: client });
    expect(reply.status).toBe(200);
    const used = (await listed()).lastUsedAt;
    expect(used).not.toBeNull();
    expect(Math.abs(Date.parse(used) - h.clock.now().getTime())).toBeLessThan(5 * MINUTE);
  });

  it("refuses unknown secrets and malformed Authorization headers with 401", async () => {
    expectError(
      await h.request("GET", `/api/orgs/${org.slug}/teams`, {
        as: { kind: "token", secret: "keel_not-a-real-secret", tokenId: "" },
      }),
      401,
      "unauthenticated",
    );
    expectError(
      await h.request("GET", `/api/orgs/${org.slug}/teams`, {
        headers: { Authorization: "Basic bG90dGU6cGFzcw==" },
      }),
      401,
      "unauthenticated",
    );
  });

  it("a personal token acts with the weaker of its role and its holder's current role", async () => {
    const daan = await h.addPerson(owner, org, "admin", { name: "Luuk van der Meer" });
    const token = await h.createToken(daan.client, org, { name: "Luuk's automation", role: "admin" });
    expect((await createTeamAs(token.client)).status).toBe(201);

    await h.ok("PATCH", `/api/orgs/${org.slug}/people/${daan.id}`, {
      as: owner,
      body: { version: await personVersion(daan.id), role: "member" },
    });
    expectError(await createTeamAs(token.client), 403, "forbidden");
    expect((await h.request("GET", `/api/orgs/${org.slug}/teams`, { as: token.client })).status).toBe(200);
    const me = await h.ok("GET", `/api/orgs/${org.slug}`, { as: token.client });
    expect(me.role).toBe("member");

    const readOnly = await h.createToken(owner, org, { name: "Lotte's read-only key", role: "viewer" });
    expectError(await createTeamAs(readOnly.client), 403, "forbidden");
    expect((await h.ok("GET", `/api/orgs/${org.slug}`, { as: readOnly.client })).role).toBe("viewer");
  });

  it("a personal token stops working when its holder is deactivated; a service token keeps working", async () => {
    const bram = await h.addPerson(owner, org, "admin", { name: "Bram Smits" });
    const personal = await h.createToken(bram.client, org, { name: "Bram's laptop", role: "admin" });
    const service = await h.createToken(bram.client, org, {
      kind: "service",
      name: "Yard cameras",
      role: "admin",
    });

    await h.ok("PATCH", `/api/orgs/${org.slug}/people/${bram.id}`, {
      as: owner,
      body: { version: await personVersion(bram.id), status: "deactivated" },
    });
    expectError(
      await h.request("GET", `/api/orgs/${org.slug}/teams`, { as: personal.client }),
      401,
      "unauthenticated",
    );
    expect((await createTeamAs(service.client)).status).toBe(201);
  });

  it("a revoked token gets 401 at once; revoking twice is harmless", async () => {
    const { id, client } = await h.createToken(owner, org, {
      kind: "service",
      name: "Old TMS link",
      role: "member",
    });
    expect((await h.request("GET", `/api/orgs/${org.slug}/teams`, { as: client })).status).toBe(200);
    const revoked = await h.request("DELETE", `/api/orgs/${org.slug}/tokens/${id}`, { as: admin.client });
    expect(revoked.status, revoked.text).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    expectError(
      await h.request("GET", `/api/orgs/${org.slug}/teams`, { as: client }),
      401,
      "unauthenticated",
    );
    const again = await h.request("DELETE", `/api/orgs/${org.slug}/tokens/${id}`, { as: admin.client });
    expect(again.status).toBe(200);
    expect(again.body.revokedAt).toBe(revoked.body.revokedAt);
  });

  it("members revoke their own personal tokens but not other people's (404)", async () => {
    const theirs = await h.createToken(admin.client, org, { name: "Daan's notebook", role: "viewer" });
    const mine = await h.createToken(member.client, org, { name: "Sanne's phone", role: "viewer" });
    expectError(
      await h.request("DELETE", `/api/orgs/${org.slug}/tokens/${theirs.id}`, { as: member.client }),
      404,
      "not_found",
    );
    expect((await h.request("GET", `/api/orgs/${org.slug}/teams`, { as: theirs.client })).status).toBe(200);
    expect(
      (await h.request("DELETE", `/api/orgs/${org.slug}/tokens/${mine.id}`, { as: member.client })).status,
    ).toBe(200);
    expectError(
      await h.request("GET", `/api/orgs/${org.slug}/teams`, { as: mine.client }),
      401,
      "unauthenticated",
    );
  });

  it("a token only opens its own organisation", async () => {
    const other = await h.createOwnerWithOrg({
      person: { name: "Anouk Dijkstra" },
      org: { name: "Maas Cargo" },
    });
    const { client } = await h.createToken(owner, org, {
      kind: "service",
      name: "Cross-org probe",
      role: "admin",
    });
    expectError(
      await h.request("GET", `/api/orgs/${other.org.slug}/teams`, { as: client }),
      404,
      "not_found",
    );
    expectError(await h.request("GET", "/api/orgs/no-such-organisation", { as: client }), 404, "not_found");
  });
});

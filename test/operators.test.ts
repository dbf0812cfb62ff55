/**
 * Operators of the instance: only they create organisations unless they open creation to
 * everyone, which needs this Keel to send email (new accounts prove their address by an
 * emailed link; test/sign-up.test.ts). The account that set Keel up is the first; an
 * operator names others.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrganization } from "./support/factories.ts";
import { instanceFingerprint } from "./support/fingerprint.ts";
import {
  expectError,
  type Harness,
  type Member,
  type OrgRef,
  type SessionClient,
  startHarness,
} from "./support/harness.ts";

let h: Harness;
/** Set Keel up: the first operator. */
let founder: SessionClient;
let org: OrgRef;
let viewer: Member;
let admin: Member;

beforeAll(async () => {
  h = await startHarness();
  ({ owner: founder, org } = await h.setup({ name: "Lotte Visser" }, { name: "Van der Berg Logistics" }));
  viewer = await h.addPerson(founder, org, "viewer", { name: "Sanne de Vries" });
  admin = await h.addPerson(founder, org, "admin", { name: "Daan Bakker" });
});
afterAll(() => h?.close());

const session = (as: SessionClient) => h.ok("GET", "/api/auth/session", { as });
const operatorEmails = async () =>
  (await h.ok("GET", "/api/instance/operators", { as: founder })).items.map(
    (o: { email: string }) => o.email,
  );

describe("who may create organisations", () => {
  it("the account that set Keel up is an operator; the people it adds are not, and the session says so", async () => {
    expect((await session(founder)).user.isOperator).toBe(true);
    expect((await session(viewer.client)).user.isOperator).toBe(false);
    expect((await session(admin.client)).user.isOperator).toBe(false);
  });

  it("a viewer, or even an organisation's admin, gets 403 forbidden saying who can, and nothing is stored", async () => {
    for (const who of [viewer, admin]) {
      const before = await instanceFingerprint(h.db);
      const reply = await h.request("POST", "/api/orgs", {
        as: who.client,
        body: buildOrganization({ name: "Squatters Inc" }),
      });
      expectError(reply, 403, "forbidden");
      expect(reply.body.error.message).toMatch(
        /^Only the operators of this Keel instance can create organisations/,
      );
      expect(reply.body.error.message).toContain("keel operator");
      expect(await instanceFingerprint(h.db)).toEqual(before);
    }
  });

  it("a non-operator is refused before the body is judged: 403, not 400", async () => {
    const reply = await h.request("POST", "/api/orgs", {
      as: viewer.client,
      body: { name: "", timeZone: "Nowhere/Special" },
    });
    expectError(reply, 403, "forbidden");
  });

  it("an operator creates organisations and becomes their owner", async () => {
    const created = await h.ok(
      "POST",
      "/api/orgs",
      { as: founder, body: buildOrganization({ name: "Maas Cargo" }) },
      201,
    );
    expect(created).toMatchObject({ slug: "maas-cargo", role: "owner" });
  });
});

describe("naming operators", () => {
  it("an operator names an account operator by email; it may then create organisations", async () => {
    const reply = await h.request("PUT", "/api/instance/operators", {
      as: founder,
      body: { email: admin.email.toUpperCase(), operator: true },
    });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.items.map((o: { email: string }) => o.email).sort()).toEqual(
      [founder.email, admin.email].sort(),
    );
    expect((await session(admin.client)).user.isOperator).toBe(true);
    await h.ok(
      "POST",
      "/api/orgs",
      { as: admin.client, body: buildOrganization({ name: "Delta Parcel Services" }) },
      201,
    );

    await h.ok("PUT", "/api/instance/operators", {
      as: founder,
      body: { email: admin.email, operator: false },
    });
    expect((await session(admin.client)).user.isOperator).toBe(false);
    expectError(
      await h.request("POST", "/api/orgs", {
        as: admin.client,
        body: buildOrganization({ name: "Rijn Freight" }),
      }),
      403,
      "forbidden",
    );
  });

  it("only operators see or change operators: others get 403 and nothing changes", async () => {
    const before = await instanceFingerprint(h.db);
    expectError(await h.request("GET", "/api/instance/operators", { as: admin.client }), 403, "forbidden");
    const self = await h.request("PUT", "/api/instance/operators", {
      as: admin.client,
      body: { email: admin.email, operator: true },
    });
    expectError(self, 403, "forbidden");
    // Refused before the body is read: a malformed one gets the same 403.
    expectError(
      await h.request("PUT", "/api/instance/operators", { as: viewer.client, body: { email: 42 } }),
      403,
      "forbidden",
    );
    expect(await instanceFingerprint(h.db)).toEqual(before);
    expect(await operatorEmails()).toEqual([founder.email]);
  });

  it("API tokens cannot manage the instance, even an owner's", async () => {
    const token = await h.createToken(founder, org, {
      kind: "personal",
      name: "Provisioning",
      role: "owner",
    });
    expectError(await h.request("GET", "/api/instance/operators", { as: token.client }), 403, "forbidden");
    expectError(
      await h.request("POST", "/api/orgs", {
        as: token.client,
        body: buildOrganization({ name: "Rijn Freight" }),
      }),
      403,
      "forbidden",
    );
  });

  it("an unknown email is 404; the last operator cannot be removed (409)", async () => {
    expectError(
      await h.request("PUT", "/api/instance/operators", {
        as: founder,
        body: { email: "nobody@vdberg-logistics.test", operator: true },
      }),
      404,
      "not_found",
    );
    const last = await h.request("PUT", "/api/instance/operators", {
      as: founder,
      body: { email: founder.email, operator: false },
    });
    expectError(last, 409, "conflict");
    expect(last.body.error.message).toMatch(/last operator/);
    expect(await operatorEmails()).toEqual([founder.email]);
  });
});

describe("instance settings", () => {
  it("organisation creation stays with operators: without email, opening it to everyone is refused", async () => {
    expect(await h.ok("GET", "/api/instance/settings", { as: founder })).toEqual({
      organizationCreation: "operators",
      emailConfigured: false,
      signUpOpen: false,
    });
    const open = await h.request("PUT", "/api/instance/settings", {
      as: founder,
      body: { organizationCreation: "everyone" },
    });
    expectError(open, 409, "conflict");
    expect(open.body.error.message).toMatch(/KEEL_SMTP_HOST/);
    expect(open.body.error.details).toMatchObject({ requires: "email" });
    expectError(
      await h.request("POST", "/api/orgs", {
        as: viewer.client,
        body: buildOrganization({ name: "Rijn Freight" }),
      }),
      403,
      "forbidden",
    );
  });
});
